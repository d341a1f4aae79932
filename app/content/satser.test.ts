/**
 * Satser in one place: `<Sats id>` renders the amount in Danish with its year, an unknown id or a
 * malformed satser.yml entry is an error at file:line:column, and an entry from an earlier year
 * is a warning that fails nothing.
 */
import { expect, test } from "vitest";
import { activity, compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { errorsOf, formatProblem, warningsOf } from "./problems";
import { closestSatsId, formatSats, parseSatser } from "./satser";

const SATSER = `taf-maksimum:
  label: Maksimum for tabt arbejdsfortjeneste pr. måned
  amount: 35247
  unit: kr. pr. måned
  year: 2024
  source: barnets lov § 87, stk. 3

kompensation-gruppe-1:
  label: Standardbeløb, gruppe 1
  amount: 1105.5
  unit: kr. pr. måned
  year: 2026
  source: serviceloven § 100
`;

const lesson = (body: string) =>
  activity({ id: "satser-lektion", title: "Satser", type: "lesson", estimatedMinutes: 5 }, body);

test("an amount renders in Danish form with its year", () => {
  expect(formatSats({ amount: 35247, unit: "kr. pr. måned", year: 2024 })).toBe("35.247 kr. pr. måned (2024-niveau)");
  expect(formatSats({ amount: 1105.5, unit: "kr. pr. måned", year: 2026 })).toBe("1.105,5 kr. pr. måned (2026-niveau)");
  expect(formatSats({ amount: 213000, unit: "kr.", year: 2026 })).toBe("213.000 kr. (2026-niveau)");
});

test("<Sats> shows the amount in a lesson, in a case's feedback and in a checklist", async () => {
  const course = await compileFiles({
    "satser.yml": SATSER,
    "test/module.mdx": MODULE_MDX,
    "test/01-lektion.mdx": lesson(
      'Maksimum er <Sats id="taf-maksimum" />.\n\n<Checklist id="tjek" title="Tjek">\n\n- Højst <Sats id="kompensation-gruppe-1" />\n\n</Checklist>',
    ),
    "test/02-case.mdx": activity(
      { id: "satser-case", title: "Case", type: "case", estimatedMinutes: 5 },
      `<Case start="a">

<Step id="a" phase="opstart">
Situationen.

<Choice to="slut" label="Udmål" points={1} topic="udmaaling">
Ydelsen kan højst udgøre <Sats id="taf-maksimum" />.
</Choice>
</Step>

<Outcome id="slut" result="korrekt">
Slut.
</Outcome>

</Case>`,
    ),
  });
  expect(errorsOf(course.problems)).toEqual([]);
  const [lessonActivity, caseActivity] = course.modules[0]!.activities;
  expect(lessonActivity?.type === "lesson" && lessonActivity.html).toContain(
    '<span class="sats">35.247 kr. pr. måned (2024-niveau)</span>',
  );
  expect(course.modules[0]!.checklists[0]!.html).toContain("1.105,5 kr. pr. måned (2026-niveau)");
  expect(caseActivity?.type === "case" && caseActivity.case.steps[0]!.choices[0]!.feedbackHtml).toContain(
    "35.247 kr. pr. måned (2024-niveau)",
  );
});

test("an unknown id is an error at its place, with the id the author probably meant", async () => {
  const course = await compileFiles({
    "satser.yml": SATSER,
    "test/module.mdx": MODULE_MDX,
    "test/01-lektion.mdx": lesson('Maksimum er <Sats id="taf-maksimun" />.\n\nOg <Sats id="bil-laaneramme" />.'),
  });
  expect(errorsOf(course.problems).map(formatProblem)).toEqual([
    'content/test/01-lektion.mdx:8:19 Ukendt sats "taf-maksimun" i <Sats id>: den står ikke i content/satser.yml. Mente du "taf-maksimum"?',
    'content/test/01-lektion.mdx:10:10 Ukendt sats "bil-laaneramme" i <Sats id>: den står ikke i content/satser.yml. Tilføj den dér, eller ret id\'et.',
  ]);
  // The file with the error is not offered to learners.
  expect(course.modules[0]!.activities).toEqual([]);
});

test("a course without satser.yml knows no sats", async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/01-lektion.mdx": lesson('Maksimum er <Sats id="taf-maksimum" />.'),
  });
  expect(course.problems.map((p) => p.message)).toEqual([
    'Ukendt sats "taf-maksimum" i <Sats id>: den står ikke i content/satser.yml. Tilføj den dér, eller ret id\'et.',
  ]);
});

test("a malformed entry is an error at the line of the field, and the other entries still work", async () => {
  const broken = `taf-maksimum:
  label: Maksimum
  amount: 35.247 kr.
  unit: kr. pr. måned
  year: 2026
  source: barnets lov § 87

bil-laaneramme:
  label: Låneramme
  amount: 213000
  year: 26
  source: bilbekendtgørelsen § 7
  kilde: BEK 1480

Bil_Indkomst:
  label: Indkomstgrænse

kompensation:
  label: Standardbeløb
  amount: 1105
  unit: kr. pr. måned
  year: 2026
  source: serviceloven § 100
`;
  const course = await compileFiles({
    "satser.yml": broken,
    "test/module.mdx": MODULE_MDX,
    "test/01-lektion.mdx": lesson('Beløbet er <Sats id="kompensation" />.'),
  });
  expect(course.problems.map(formatProblem)).toEqual([
    'content/satser.yml:3:3 Satsen "taf-maksimum": amount skal være et tal uden tusindtalsskilletegn, f.eks. 35247 eller 1105.5.',
    'content/satser.yml:8:1 Satsen "bil-laaneramme" mangler feltet unit.',
    'content/satser.yml:11:3 Satsen "bil-laaneramme": year skal være et årstal, f.eks. 2026.',
    'content/satser.yml:13:3 Satsen "bil-laaneramme": Ukendt felt kilde. Felterne er label, amount, unit, year og source.',
    'content/satser.yml:15:1 Satsens id "Bil_Indkomst" må kun indeholde små bogstaver (a-z), tal og bindestreg, f.eks. taf-maksimum.',
  ]);
  const lessonActivity = course.modules[0]!.activities[0];
  expect(lessonActivity?.type === "lesson" && lessonActivity.html).toContain("1.105 kr. pr. måned (2026-niveau)");
});

test("satser.yml that is not YAML, or names a sats twice, is an error with its line", () => {
  expect(parseSatser("taf-maksimum:\n  label: [ikke lukket\n").problems[0]).toEqual({
    line: 3,
    column: 1,
    message:
      "satser.yml kan ikke læses (YAML): Flow sequence in block collection must be sufficiently indented and end with a ].",
  });
  const twice = "a:\n  label: A\n  amount: 1\n  unit: kr.\n  year: 2026\n  source: x\na:\n  label: B\n";
  expect(parseSatser(twice).problems).toEqual([
    { line: 7, column: 1, message: "Satsen står to gange i satser.yml. Hver sats må kun stå én gang." },
  ]);
  expect(parseSatser("").problems).toEqual([]);
  expect(parseSatser("- en liste\n").problems[0]?.message).toMatch(/skal bestå af satser med et id hver/);
});

test("an entry from an earlier year warns at its line; it fails nothing and the amount still shows", async () => {
  const course = await compileFiles(
    {
      "satser.yml": SATSER,
      "test/module.mdx": MODULE_MDX,
      "test/01-lektion.mdx": lesson('Maksimum er <Sats id="taf-maksimum" />.'),
    },
    new Date("2026-06-01T12:00:00Z"),
  );
  expect(errorsOf(course.problems)).toEqual([]);
  expect(warningsOf(course.problems).map(formatProblem)).toEqual([
    'content/satser.yml:1:1 Advarsel: Satsen "taf-maksimum" er 2024-niveau, men året er nu 2026. Opdatér amount og year, når 2026-satsen er kendt.',
  ]);
  expect(course.modules[0]!.activities).toHaveLength(1);
});

test("the year is Denmark's: on New Year's Eve at 23:30 UTC it is already the next year", async () => {
  const satser = SATSER.replace("year: 2024", "year: 2026");
  const files = { "satser.yml": satser, "test/module.mdx": MODULE_MDX };
  expect(warningsOf((await compileFiles(files, new Date("2026-12-31T22:30:00Z"))).problems)).toEqual([]);
  expect(warningsOf((await compileFiles(files, new Date("2026-12-31T23:30:00Z"))).problems)).toHaveLength(2);
});

test("'Mente du' suggests a close id, never an unrelated one", () => {
  const known = ["taf-maksimum", "bil-laaneramme", "bil-indkomstgraense"];
  expect(closestSatsId("taf-maks", known)).toBe("taf-maksimum");
  expect(closestSatsId("bil-laanerame", known)).toBe("bil-laaneramme");
  expect(closestSatsId("bil-indkomstgrænse", known)).toBe("bil-indkomstgraense");
  expect(closestSatsId("kompensationsydelse", known)).toBeUndefined();
});
