import { formatDate } from "~/utils/danish";

/** A calendar date as "1. december 2026", machine-readable and never broken across lines. */
export function DanishDate({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} className="nowrap">
      {formatDate(iso)}
    </time>
  );
}

/** A period "1. december 2026 – 31. januar 2027": each date kept whole, the line may break at the dash. */
export function DanishPeriod({ from, to }: { from: string; to: string }) {
  return (
    <>
      <DanishDate iso={from} /> – <DanishDate iso={to} />
    </>
  );
}
