/**
 * Keeps the ticks of checklists in the browser only (localStorage), so a caseworker can use a
 * checklist on screen and find the ticks again; nothing is sent to the server.
 */
import { useEffect, useRef, type ReactNode } from "react";

const storageKey = (id: string) => `sagslab:tjekliste:${id}`;

export function ChecklistTicks({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const boxes = Array.from(root.querySelectorAll<HTMLInputElement>("fieldset.checklist input[type=checkbox]"));
    for (const box of boxes) {
      try {
        box.checked = window.localStorage.getItem(storageKey(box.id)) === "1";
      } catch {
        return; // Storage blocked: ticks still work, they are just not remembered.
      }
    }
    const remember = (event: Event) => {
      const box = event.target as HTMLInputElement;
      if (!box.matches("fieldset.checklist input[type=checkbox]")) return;
      try {
        if (box.checked) window.localStorage.setItem(storageKey(box.id), "1");
        else window.localStorage.removeItem(storageKey(box.id));
      } catch {
        // Storage blocked or full: the tick stays on screen only.
      }
    };
    root.addEventListener("change", remember);
    return () => root.removeEventListener("change", remember);
  });
  return <div ref={ref}>{children}</div>;
}
