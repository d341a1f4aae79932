/**
 * `legalAsOf`: every module says which date its legal statements were checked against; the module
 * page shows it in Danish, and content:check warns once it is more than 12 months old.
 */
import { expect, test } from "vitest";
import { authorOverview } from "~/authoring/authoring.server";
import { compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { danishToday, formatDanishDate, isIsoDate, isLegalCheckStale } from "./legal-date";
import { errorsOf, formatProblem, warningsOf } from "./problems";

test("the date reads as Danish prose", () => {
  expect(formatDanishDate("2026-12-01")).toBe("1. december 2026");
  expect(formatDanishDate("2027-01-31")).toBe("31. januar 2027");
});

test("a check holds for 12 months to the day, then it is stale", () => {
  expect(isLegalCheckStale("2026-12-01", "2027-12-01")).toBe(false);
  expect(isLegalCheckStale("2026-12-01", "2027-12-02")).toBe(true);
  expect(isLegalCheckStale("2026-12-01", "2026-12-04")).toBe(false);
});

test("today is the date in Denmark", () => {
  expect(danishToday(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
  expect(isIsoDate("2026-02-29")).toBe(false);
  expect(isIsoDate("2028-02-29")).toBe(true);
});

test("legalAsOf is read into the module, quoted or not", async () => {
  const quoted = MODULE_MDX.replace("legalAsOf: 2026-12-01", 'legalAsOf: "2026-11-15"');
  const course = await compileFiles({ "a/module.mdx": MODULE_MDX, "b/module.mdx": quoted });
  expect(course.problems).toEqual([]);
  expect(course.modules.map((m) => m.legalAsOf)).toEqual(["2026-12-01", "2026-11-15"]);
});

test("a module without legalAsOf, or with a date that does not exist, is an error on the line", async () => {
  const course = await compileFiles({
    "a/module.mdx": MODULE_MDX.replace("legalAsOf: 2026-12-01\n", ""),
    "b/module.mdx": MODULE_MDX.replace("legalAsOf: 2026-12-01", "legalAsOf: 1. december 2026"),
    "c/module.mdx": MODULE_MDX.replace("legalAsOf: 2026-12-01", 'legalAsOf: "2026-02-30"'),
  });
  expect(course.problems.map(formatProblem)).toEqual([
    "content/a/module.mdx:1:1 Feltet legalAsOf mangler i frontmatter.",
    "content/b/module.mdx:7:12 legalAsOf skal være en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2026-12-01.",
    "content/c/module.mdx:7:12 legalAsOf skal være en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2026-12-01.",
  ]);
});

test("a legal check over 12 months old warns at its line, fails nothing, and the author overview lists it", async () => {
  const satser = "taf-maksimum:\n  label: Maksimum\n  amount: 35247\n  unit: kr. pr. måned\n  year: 2026\n  source: barnets lov § 87\n";
  const course = await compileFiles(
    { "satser.yml": satser, "test/module.mdx": MODULE_MDX },
    new Date("2027-12-02T09:00:00Z"),
  );
  expect(errorsOf(course.problems)).toEqual([]);
  expect(warningsOf(course.problems).map(formatProblem)).toEqual([
    "content/satser.yml:1:1 Advarsel: Satsen \"taf-maksimum\" er 2026-niveau, men året er nu 2027. Opdatér amount og year, når 2027-satsen er kendt.",
    "content/test/module.mdx:7:1 Advarsel: Retsgrundlaget er kontrolleret pr. 1. december 2026 (legalAsOf), mere end 12 måneder siden. Gennemgå modulets juridiske udsagn, og ret legalAsOf til datoen for gennemgangen.",
  ]);
  expect(course.modules).toHaveLength(1);

  const overview = authorOverview(course);
  expect(overview.problemCount).toBe(0);
  expect(overview.warningCount).toBe(2);
  expect(overview.modules[0]!.problems).toEqual([]);
  expect(overview.modules[0]!.warnings.map((w) => w.file)).toEqual(["content/test/module.mdx"]);
  expect(overview.otherWarnings.map((w) => w.file)).toEqual(["content/satser.yml"]);
  expect(overview.modules[0]!.legalAsOf).toBe("2026-12-01");

  const dayBefore = await compileFiles({ "test/module.mdx": MODULE_MDX }, new Date("2027-12-01T09:00:00Z"));
  expect(dayBefore.problems).toEqual([]);
});
