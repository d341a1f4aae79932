/**
 * One fixture per rule of the content format (tests/fixtures/content-rules), each proving the
 * exact message an author sees: `file:line:column message`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { formatProblem } from "./problems";
import { at, RULES } from "../../tests/content-rules";

const FIXTURES = path.resolve(__dirname, "../../tests/fixtures/content-rules");

async function problemsOf(fixture: string) {
  const course = await compileFiles({
    "regler/module.mdx": MODULE_MDX,
    "regler/01-regel.mdx": readFileSync(path.join(FIXTURES, fixture), "utf8"),
  });
  return course.problems.map(formatProblem);
}

test.each(RULES)("the check reports %s", async (_rule, fixture, messages) => {
  expect(await problemsOf(fixture)).toEqual(messages);
});

test("the check reports a quiz id used in two files (ids are unique across the course)", async () => {
  const quiz = readFileSync(path.join(FIXTURES, "quiz-no-correct-option.mdx"), "utf8").replace(
    '<Option id="a" label="Ja" />',
    '<Option id="a" label="Ja" correct />',
  );
  const course = await compileFiles({
    "regler/module.mdx": MODULE_MDX,
    "regler/01-quiz.mdx": quiz,
    "regler/02-quiz.mdx": quiz.replace("id: regel-intet-rigtigt", "id: regel-anden-quiz"),
  });
  expect(course.problems.map(formatProblem)).toEqual([
    'content/regler/02-quiz.mdx:8:7 Id\'et "regel-quiz" (quiz) er allerede brugt i content/regler/01-quiz.mdx. Id\'er skal være unikke i hele kurset.',
  ]);
});

test("every error of a file with eleven typical mistakes is reported in one run, each at its line", async () => {
  expect(await problemsOf("multi-error.mdx")).toEqual([
    at("3:12", 'Værdien af title indeholder et kolon. Sæt titlen i anførselstegn, når den indeholder kolon: title: "Case: Ingrid søger om BPA"'),
    at("16:26", 'Brug lige anførselstegn " i attributter, ikke krøllede ” (som Word laver): skriv label="…".'),
    at(
      "18:9",
      'Valget "Bevil nu" i trinnet "ansoegning" peger på to="bevillng", men der er intet trin eller nogen afslutning med det id. Mente du "bevilling"?',
    ),
    at("22:1", 'Fra trinnet "laege" (uden flag sat) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.'),
    at(
      "26:49",
      'Ukendt emne "afgorelse" i topic på <Choice>. Mente du "afgoerelse"? Tilladt: sagsoplysning, partshoering, begrundelse, klagevejledning, frister, personkreds, udmaaling, arbejdsleder, udland, merudgifter, afgoerelse, opfoelgning.',
    ),
    at(
      "26:67",
      'Flaget "laegeerklaring" i requires på valget "Bevil" sættes ikke af noget valg (sets="laegeerklaring"), så valget kan aldrig vælges. Mente du "laegeerklaering"?',
    ),
    at("32:1", 'Fra trinnet "ring" (uden flag sat) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.'),
    at("40:1", 'Fra trinnet "ring2" (uden flag sat) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.'),
    at("48:1", 'Trinnet "glemt" kan ikke nås fra start ("ansoegning"): intet valg, som kursisten kan træffe, fører hertil.'),
    at("48:18", 'Ukendt fase "opfolgning" i phase på <Step>. Mente du "opfoelgning"? Tilladt: opstart, oplysning, afgoerelse, opfoelgning.'),
    at("58:1", 'Id\'et "bevilling" er brugt før i denne case (linje 56). Trin og afslutninger skal have hver sit id.'),
  ]);
});

test("errors in several files are all reported in the same run", async () => {
  const course = await compileFiles({
    "regler/module.mdx": MODULE_MDX,
    "regler/01-kolon.mdx": readFileSync(path.join(FIXTURES, "yaml-title-colon.mdx"), "utf8"),
    "regler/02-overskrift.mdx": readFileSync(path.join(FIXTURES, "heading-skipped-level.mdx"), "utf8"),
    "regler/03-vej.mdx": readFileSync(path.join(FIXTURES, "case-best-path-not-korrekt.mdx"), "utf8"),
  });
  expect(course.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
    "content/regler/01-kolon.mdx:3",
    "content/regler/02-overskrift.mdx:10",
    "content/regler/03-vej.mdx:20",
  ]);
});
