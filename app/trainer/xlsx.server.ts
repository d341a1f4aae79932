/**
 * A cohort's export as an Excel workbook (exceljs): the same table as the CSV, with number cells
 * for points and counts, percentage cells, and date cells, so a trainer can sort and compute
 * without converting text. Text cells are written as text, never as formulas.
 */
import ExcelJS from "exceljs";
import { excelDateTime, type ColumnType, type ExportTable, type ExportValue } from "./export-table";

/** Excel's format codes (shown in the reader's own locale: decimal comma in Danish Excel). */
const FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  number: "0",
  percent: "0.0%",
  date: "dd-mm-yyyy",
  datetime: "dd-mm-yyyy hh:mm",
};

function cellValue(type: ColumnType, value: ExportValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (type === "percent" && typeof value === "number") return value / 100;
  if (type === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  if (type === "datetime" && value instanceof Date) return excelDateTime(value);
  return value;
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export const sheetName = (title: string) =>
  title
    .replace(/[:\\/?*[\]]/g, " ")
    .slice(0, 31)
    .trim() || "Hold";

export async function tableToXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sagslab";
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: Math.min(40, Math.max(12, column.header.length + 2)),
    style: FORMATS[column.type] ? { numFmt: FORMATS[column.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
  for (const row of table.rows) {
    sheet.addRow(row.map((value, index) => cellValue(table.columns[index]!.type, value)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
