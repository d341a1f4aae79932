import { expect, test } from "vitest";
import { csvCell, toCsv } from "./csv";

test("the file starts with a byte-order mark and uses ; between cells and CRLF between rows", () => {
  expect(
    toCsv([
      ["Navn", "Modul"],
      ["Åse Ørum", 50],
    ]),
  ).toBe("\uFEFFNavn;Modul\r\nÅse Ørum;50\r\n");
});

test("cells that could be read as a formula are escaped", () => {
  expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  expect(csvCell("+45 1234")).toBe("'+45 1234");
  expect(csvCell("-1")).toBe("'-1");
  expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(csvCell("\tx")).toBe("'\tx");
  expect(csvCell("\rx")).toBe('"\'\rx"');
  expect(csvCell("Anne Andersen")).toBe("Anne Andersen");
});

test("separators, quotes and line breaks are quoted; empty values are empty cells", () => {
  expect(csvCell("a;b")).toBe('"a;b"');
  expect(csvCell('sagde "ja"')).toBe('"sagde ""ja"""');
  expect(csvCell("to\nlinjer")).toBe('"to\nlinjer"');
  expect(csvCell(null)).toBe("");
  expect(csvCell(0)).toBe("0");
});
