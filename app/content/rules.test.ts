/**
 * One fixture per rule of the content format (tests/fixtures/content-rules), each proving the
 * exact message an author sees: `file:line:column message`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { formatProblem } from "./problems";

const FIXTURES = path.resolve(__dirname, "../../tests/fixtures/content-rules");

async function problemsOf(fixture: string) {
  const course = await compileFiles({
    "regler/module.mdx": MODULE_MDX,
    "regler/01-regel.mdx": readFileSync(path.join(FIXTURES, fixture), "utf8"),
  });
  return course.problems.map(formatProblem);
}

const at = (position: string, message: string) => `content/regler/01-regel.mdx:${position} ${message}`;

const RULES: [rule: string, fixture: string, messages: string[]][] = [
  [
    "a `to` that names no step or outcome",
    "case-unknown-target.mdx",
    [at("14:9", 'Valget "Gå videre" i trinnet "a" peger på to="findes-ikke", men der er intet trin eller nogen afslutning med det id.')],
  ],
  [
    "a `start` that names no step",
    "case-unknown-start.mdx",
    [at("8:7", 'start="begynd" findes ikke: der er intet <Step id="begynd"> i casen.')],
  ],
  [
    "a step that cannot be reached from start",
    "case-unreachable-step.mdx",
    [at("18:1", 'Trinnet "glemt" kan ikke nås fra start ("a"): intet valg, som kursisten kan træffe, fører hertil.')],
  ],
  [
    "a step from which no outcome can be reached",
    "case-dead-end.mdx",
    [
      at("20:1", 'Fra trinnet "b" (uden flag sat) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.'),
      at("28:1", 'Fra trinnet "c" (uden flag sat) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.'),
    ],
  ],
  [
    "a step with no choice",
    "case-step-without-choice.mdx",
    [at("18:1", 'Trinnet "b" har intet <Choice>, så kursisten kan ikke komme videre.')],
  ],
  [
    "a reachable situation in which no choice is offered",
    "case-no-choice-offered.mdx",
    [
      at(
        "20:1",
        'I trinnet "b" (uden flag sat) tilbydes intet valg, fordi alle valg kræver flag, der ikke er sat. Giv trinnet et valg uden requires.',
      ),
    ],
  ],
  [
    "a flag in requires that no choice sets",
    "case-unknown-flag.mdx",
    [
      at(
        "14:52",
        'Flaget "laegeerklaering" i requires på valget "Afgør" sættes ikke af noget valg (sets="laegeerklaering"), så valget kan aldrig vælges.',
      ),
    ],
  ],
  ["negative points", "case-negative-points.mdx", [at("14:52", "points på <Choice> må ikke være mindre end 0 (er -1).")]],
  ["points that are not whole", "case-fractional-points.mdx", [at("14:52", "points på <Choice> skal være et helt tal, f.eks. points={2}.")]],
  [
    "an unknown phase",
    "case-unknown-phase.mdx",
    [at("10:14", 'Ukendt fase "klage" i phase på <Step>. Tilladt: opstart, oplysning, afgoerelse, opfoelgning.')],
  ],
  [
    "an unknown topic",
    "case-unknown-topic.mdx",
    [
      at(
        "14:33",
        'Ukendt emne "jura" i topic på <Choice>. Tilladt: sagsoplysning, partshoering, begrundelse, klagevejledning, frister, personkreds, udmaaling, arbejdsleder, udland, merudgifter, afgoerelse, opfoelgning.',
      ),
    ],
  ],
  [
    "an unknown result",
    "case-unknown-result.mdx",
    [at("18:20", 'Ukendt resultat "godt" i result på <Outcome>. Tilladt: korrekt, delvist, forkert.')],
  ],
  [
    "a duplicate step id in the file",
    "case-duplicate-step.mdx",
    [at("18:1", 'Id\'et "a" er brugt før i denne case (linje 10). Trin og afslutninger skal have hver sit id.')],
  ],
  [
    "two choices of one step with the same id",
    "case-duplicate-choice.mdx",
    [
      at(
        "16:1",
        'To valg i trinnet "a" har samme id "slut" (det første står i linje 14). Valg, der fører til samme sted, skal have hver sit id="…".',
      ),
    ],
  ],
  [
    "a quiz question with fewer than two options",
    "quiz-too-few-options.mdx",
    [at("10:1", 'Spørgsmålet "eneste" skal have mindst to <Option>, men har 1.')],
  ],
  [
    "a quiz question with no correct option",
    "quiz-no-correct-option.mdx",
    [at("10:1", 'Spørgsmålet "spoergsmaal" har intet rigtigt svar. Markér det rigtige svar med correct på <Option>.')],
  ],
  [
    "a duplicate question id in a quiz",
    "quiz-duplicate-question.mdx",
    [at("19:1", 'Spørgsmåls-id\'et "samme" er brugt før i denne quiz (linje 10).')],
  ],
  [
    "a duplicate option id in a question",
    "quiz-duplicate-option.mdx",
    [at("15:1", 'Svarmuligheden "a" findes to gange i spørgsmålet "spoergsmaal" (første gang i linje 14).')],
  ],
  [
    "a duplicate statement id in an evaluation",
    "evaluation-duplicate-statement.mdx",
    [at("12:1", 'Id\'et "kendskab" er brugt før i denne evaluering (linje 10). Hvert udsagn og felt skal have sit eget id.')],
  ],
];

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
