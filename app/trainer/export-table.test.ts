import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { tableToCsv, type ExportTable } from "./export-table";
import { sheetName, tableToXlsx } from "./xlsx.server";

const table: ExportTable = {
  title: "Hold: Egeby/forår [2027] med et meget langt navn",
  columns: [
    { header: "Navn", type: "text" },
    { header: "Point", type: "number" },
    { header: "Resultat (%)", type: "percent" },
    { header: "Gennemført", type: "date" },
    { header: "Seneste aktivitet", type: "datetime" },
  ],
  rows: [
    ["=SUM(A1)", 7, 66.7, "2026-12-01", new Date("2026-06-01T12:05:00Z")],
    ["Bo", null, null, null, null],
  ],
};

test("the CSV has decimal commas, dates Excel reads, empty cells for nothing, and no formulas", () => {
  const lines = tableToCsv(table).slice(1).split("\r\n");
  expect(lines[0]).toBe("Navn;Point;Resultat (%);Gennemført;Seneste aktivitet");
  expect(lines[1]).toBe("'=SUM(A1);7;66,7;2026-12-01;2026-06-01 14:05");
  expect(lines[2]).toBe("Bo;;;;");
});

test("the workbook has typed cells: numbers, percentages, dates in Danish time, text never a formula", async () => {
  const workbook = new ExcelJS.Workbook();
  const bytes = await tableToXlsx(table);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe("Hold  Egeby forår  2027  med et");
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    "Navn",
    "Point",
    "Resultat (%)",
    "Gennemført",
    "Seneste aktivitet",
  ]);
  const row = sheet.getRow(2);
  expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
  expect(row.getCell(1).value).toBe("=SUM(A1)");
  expect(row.getCell(2).value).toBe(7);
  expect(row.getCell(3).value).toBeCloseTo(0.667);
  expect(row.getCell(3).numFmt).toBe("0.0%");
  expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Date);
  expect((row.getCell(4).value as Date).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  // 12:05 UTC is 14:05 in Copenhagen in summer; Excel shows the wall-clock time.
  expect((row.getCell(5).value as Date).toISOString()).toBe("2026-06-01T14:05:00.000Z");
  expect(sheet.getRow(3).getCell(2).value).toBeNull();
  expect(sheetName("")).toBe("Hold");
});
