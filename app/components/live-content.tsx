/**
 * Keeps an author page in step with the content while the author writes (`npm run dev`): it
 * listens to /forfatter/live and reloads the page's data when the content version changes,
 * then says so in a polite live region. Without JavaScript the page simply does not refresh.
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

export function LiveContent({ enabled }: { enabled: boolean }) {
  const revalidator = useRevalidator();
  // The latest revalidate, read by the long-lived EventSource listener without reopening it.
  const revalidate = useRef(revalidator.revalidate);
  useEffect(() => {
    revalidate.current = revalidator.revalidate;
  });
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource("/forfatter/live");
    let known: string | null = null;
    source.addEventListener("version", (message) => {
      const version = (message as MessageEvent<string>).data;
      if (known !== null && version !== known) {
        revalidate.current();
        setUpdatedAt(new Date().toLocaleTimeString("da-DK", { hour: "2-digit", minute: "2-digit", second: "2-digit" }));
      }
      known = version;
    });
    return () => source.close();
  }, [enabled]);

  if (!enabled) return null;
  return (
    <p className="author-live" role="status">
      {updatedAt ? `Indholdet er opdateret kl. ${updatedAt}.` : "Siden opdateres, når du gemmer en fil i content/."}
    </p>
  );
}
