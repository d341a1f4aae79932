/**
 * The date a module's legal statements were checked against (`legalAsOf` in module.mdx): its
 * Danish form on the module page, and when it is so old that the check warns. Pure.
 */

import { danishDay, formatDate, parseDate } from "~/utils/danish";

/** How long a legal check holds before content:check asks for a new one. */
export const LEGAL_CHECK_MONTHS = 12;

/** A real calendar date written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDate(value) === value;
}

/** "2026-12-01" → "1. december 2026" (the one Danish date form: `~/utils/danish`). */
export const formatDanishDate = (isoDate: string): string => formatDate(isoDate);

/** Today's date in Denmark, as YYYY-MM-DD: the day an author in Denmark is working on. */
export const danishToday = (now: Date): string => danishDay(now);

/** True when more than LEGAL_CHECK_MONTHS have passed since `legalAsOf` (ISO dates). */
export function isLegalCheckStale(legalAsOf: string, today: string): boolean {
  const [year, month, day] = legalAsOf.split("-").map(Number) as [number, number, number];
  const expires = new Date(Date.UTC(year, month - 1 + LEGAL_CHECK_MONTHS, day)).toISOString().slice(0, 10);
  return today > expires;
}
