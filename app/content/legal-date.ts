/**
 * The date a module's legal statements were checked against (`legalAsOf` in module.mdx): its
 * Danish form on the module page, and when it is so old that the check warns. Pure.
 */

/** How long a legal check holds before content:check asks for a new one. */
export const LEGAL_CHECK_MONTHS = 12;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const danishLongDate = new Intl.DateTimeFormat("da-DK", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-12-01" → "1. december 2026" */
export function formatDanishDate(isoDate: string): string {
  return danishLongDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Today's date in Denmark, as YYYY-MM-DD: the day an author in Denmark is working on. */
export function danishToday(now: Date): string {
  // sv-SE writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(now);
}

/** True when more than LEGAL_CHECK_MONTHS have passed since `legalAsOf` (ISO dates). */
export function isLegalCheckStale(legalAsOf: string, today: string): boolean {
  const [year, month, day] = legalAsOf.split("-").map(Number) as [number, number, number];
  const expires = new Date(Date.UTC(year, month - 1 + LEGAL_CHECK_MONTHS, day)).toISOString().slice(0, 10);
  return today > expires;
}
