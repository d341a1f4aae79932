/**
 * Danish forms of dates, numbers and names, in one place: dates as "1. december 2026" (shown and
 * typed), decimal commas, and names sorted as a Dane expects (æ, ø, å last; "Hold 2" before
 * "Hold 10"). Pure; safe in the browser.
 */

const TIME_ZONE = "Europe/Copenhagen";

const longDate = new Intl.DateTimeFormat("da-DK", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});
const time = new Intl.DateTimeFormat("da-DK", { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE });
const isoDay = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) or a moment, as "1. december 2026" (a moment in Danish time). */
export function formatDate(value: string | Date): string {
  if (typeof value === "string") {
    const match = ISO_DATE.exec(value);
    if (!match) return value;
    // A calendar day has no time zone: read it at noon UTC, which is the same day in Denmark.
    return longDate.format(new Date(`${value}T12:00:00Z`));
  }
  return longDate.format(value);
}

/** "1. december 2026 kl. 14.05", Danish time. */
export function formatDateTime(value: Date): string {
  return `${longDate.format(value)} kl. ${time.format(value)}`;
}

/** "14.05", Danish time: the clock of a moment today ("Gemt kl. 14.05"). */
export function formatClock(value: Date): string {
  return time.format(value);
}

const isoMinute = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2026-03-01 14:05", Danish time: what Excel reads as a date and time (and tables show compactly). */
export function formatMinute(value: Date): string {
  return isoMinute.format(value).replace(",", "");
}

/** The calendar day (YYYY-MM-DD) a moment falls on in Denmark. */
export function danishDay(value: Date): string {
  return isoDay.format(value);
}

/** Adds whole days to a calendar date (YYYY-MM-DD). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];

function isoIfValid(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a date as a Danish user types it: "1. december 2026", "1 dec. 2026", "1.12.2026",
 * "01-12-2026", "1/12/2026", or ISO "2026-12-01" (what an older form or a script sends).
 * Returns YYYY-MM-DD, or null when it is no real date.
 */
export function parseDate(text: string): string | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, " ");
  const iso = ISO_DATE.exec(value);
  if (iso) return isoIfValid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4})$/.exec(value);
  if (numeric) return isoIfValid(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2})\.? ?([a-zæøå]+)\.? (\d{4})$/.exec(value);
  if (named) {
    const word = named[2]!;
    // A month by its name or an abbreviation of at least three letters ("dec", "sept").
    const month = MONTHS.findIndex((name) => word.length >= 3 && name.startsWith(word));
    if (month >= 0) return isoIfValid(Number(named[3]), month + 1, Number(named[1]));
  }
  return null;
}

/** The hint beside a date field: what to type, in the form the field shows. */
export const DATE_HINT = "Skriv datoen som fx 1. december 2026.";

/** Danish alphabetical order with numbers by their value: "Kursist 2" before "Kursist 10". */
export const nameCollator = new Intl.Collator("da", { numeric: true, sensitivity: "base" });
export const compareNames = (a: string, b: string) => nameCollator.compare(a, b);

const decimal = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1, useGrouping: false });

/** "12,5": a number with a decimal comma and at most one decimal, as Danish Excel reads it. */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}
