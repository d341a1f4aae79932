import { useHydrated } from "~/utils/use-hydrated";

/** A print button where JavaScript runs; otherwise a hint to use the browser's own print. */
export function PrintButton({ label }: { label: string }) {
  const canPrint = useHydrated();
  if (!canPrint) return <p className="meta">Brug browserens udskriftsfunktion (Ctrl+P) for at udskrive.</p>;
  return (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
