/**
 * CSV that Danish Excel opens as it should: UTF-8 with a byte-order mark, ";" between cells,
 * CRLF between rows. A cell that Excel could read as a formula (starting with = + - @, a tab or
 * a carriage return) gets a leading apostrophe, so a learner's name can never run as a formula.
 */
export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(";")).join("\r\n") + "\r\n";
}
