/**
 * A cohort's export as one typed table: each column says whether it holds text, a number, a
 * percentage, a date or a moment, so the CSV can write Danish decimal commas and the .xlsx
 * real number and date cells. Pure; `csv.ts` and `xlsx.server.ts` write the bytes.
 */
import { formatMinute } from "~/utils/danish";
import { toCsv } from "./csv";

export type ColumnType = "text" | "number" | "percent" | "date" | "datetime";

export interface ExportColumn {
  header: string;
  type: ColumnType;
}

/**
 * text: a string; number and percent: a number (a percentage from 0 to 100); date: a calendar
 * day "YYYY-MM-DD"; datetime: a moment. Null is an empty cell.
 */
export type ExportValue = string | number | Date | null;

export interface ExportTable {
  title: string;
  columns: ExportColumn[];
  rows: ExportValue[][];
}

const decimal = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1, useGrouping: false });
/** "2026-03-01 14:05", Danish time: what Excel reads as a date and time. */
export const csvDateTime = formatMinute;

/** The wall-clock time in Denmark as Excel stores a moment: components without a zone. */
export function excelDateTime(date: Date): Date {
  const [day, time] = csvDateTime(date).split(" ") as [string, string];
  return new Date(`${day}T${time}:00Z`);
}

export function csvValue(type: ColumnType, value: ExportValue): string {
  if (value === null) return "";
  if (typeof value === "number") return decimal.format(value);
  if (value instanceof Date) return csvDateTime(value);
  return type === "date" ? value : String(value);
}

/** The table as CSV for Danish Excel: decimal commas, ";" between cells, a BOM. */
export function tableToCsv(table: ExportTable): string {
  return toCsv([
    table.columns.map((c) => c.header),
    ...table.rows.map((row) => row.map((value, index) => csvValue(table.columns[index]!.type, value))),
  ]);
}
