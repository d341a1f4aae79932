import { expect, test } from "vitest";
import { addDays, compareNames, danishDay, formatDate, formatDateTime, formatDecimal, parseDate } from "./danish";

test("dates read as Danes write them: '1. december 2026', in Danish time", () => {
  expect(formatDate("2026-12-01")).toBe("1. december 2026");
  expect(formatDate("2027-03-31")).toBe("31. marts 2027");
  // 23:30 UTC on 31 December is already New Year's Day in Copenhagen.
  expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("1. januar 2027");
  expect(formatDateTime(new Date("2026-06-01T12:05:00Z"))).toBe("1. juni 2026 kl. 14.05");
  expect(danishDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
});

test("a typed date is read in the forms a Dane types it, and a date that does not exist is refused", () => {
  for (const typed of [
    "1. december 2026",
    "1 december 2026",
    "1. dec. 2026",
    " 1.12.2026 ",
    "01-12-2026",
    "1/12/2026",
  ]) {
    expect(parseDate(typed), typed).toBe("2026-12-01");
  }
  expect(parseDate("2026-12-01")).toBe("2026-12-01");
  expect(parseDate("29. februar 2028")).toBe("2028-02-29");
  for (const wrong of ["29. februar 2027", "32.1.2026", "1. decembre 2026", "1. de 2026", "i morgen", "", "12/2026"]) {
    expect(parseDate(wrong), wrong).toBeNull();
  }
});

test("days are added across month and year ends", () => {
  expect(addDays("2026-12-01", 90)).toBe("2027-03-01");
  expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
});

test("names sort in Danish order with numbers by value", () => {
  const names = ["Kursist a-10", "Kursist a-2", "Åse", "Øjvind", "Aage", "Æble", "Kursist a-1", "bo"];
  expect([...names].sort(compareNames)).toEqual([
    "bo",
    "Kursist a-1",
    "Kursist a-2",
    "Kursist a-10",
    "Æble",
    "Øjvind",
    "Aage",
    "Åse",
  ]);
});

test("decimals have a comma", () => {
  expect(formatDecimal(12.5)).toBe("12,5");
  expect(formatDecimal(1234.56)).toBe("1234,6");
  expect(formatDecimal(7)).toBe("7");
});
