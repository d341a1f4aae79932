import { expect, test } from "vitest";
import { choice, step } from "~/activities/case/test-cases";
import type { CaseDefinition } from "~/activities/case/content";
import type { QuizDefinition, QuizQuestion } from "~/activities/quiz/content";
import { caseLengthShare, caseLengthWarning, quizLengthShare, quizLengthWarning } from "./length-bias";

const at = { line: 3, column: 1 };

/** A step whose best choice (2 points) has the label `best` and the others the given labels. */
const decision = (id: string, best: string, ...others: string[]) =>
  step(id, [
    choice("end", { id: `${id}-best`, points: 2, label: best }),
    ...others.map((label, index) => choice("end", { id: `${id}-${index}`, label })),
  ]);

const caseOf = (...steps: ReturnType<typeof step>[]): CaseDefinition => ({
  start: steps[0]!.id,
  steps,
  outcomes: [{ id: "end", result: "korrekt", html: "", position: at }],
});

test("a case step counts when its best choice is strictly the longest; steps with one choice are not considered", () => {
  const definition = caseOf(
    decision("a", "Indhent lægeerklæringen", "Afslå"), // counts
    decision("b", "Kort", "Et langt forkert svar"), // does not
    decision("c", "Lige lang", "Lige lan!"), // equal length: not strictly longer
    step("d", [choice("end", { id: "only", points: 1, label: "Det eneste valg, og langt" })]), // not considered
  );
  expect(caseLengthShare(definition)).toEqual({ counted: 1, considered: 3 });
  expect(caseLengthWarning(definition, "Test", at)).toBeNull();
});

test("more than 60 % of the steps warns, naming the case and the share; exactly 60 % does not", () => {
  const long = (id: string) => decision(id, "Et langt og grundigt svar", "Kort");
  const short = (id: string) => decision(id, "Kort", "Et langt og grundigt svar");
  expect(caseLengthWarning(caseOf(long("a"), long("b"), long("c"), short("d"), short("e")), "Jonas", at)).toBeNull();
  const warning = caseLengthWarning(caseOf(long("a"), long("b"), long("c"), long("d"), short("e")), "Jonas", at);
  expect(warning).toMatchObject({ line: 3, column: 1, severity: "warning" });
  expect(warning!.message).toContain("I casen „Jonas“ har det bedste valg den længste tekst i 4 af 5 trin");
  expect(warning!.message).toContain("(80 %)");
});

test("a step whose choices all score the same has no best choice: it is considered but never counts", () => {
  const definition = caseOf(
    step("a", [
      choice("end", { id: "x", points: 0, label: "Gå tilbage og vurdér sagen igen" }),
      choice("end", { id: "y", points: 0, label: "Afgør nu" }),
    ]),
    decision("b", "Et langt og grundigt svar", "Kort"),
  );
  expect(caseLengthShare(definition)).toEqual({ counted: 1, considered: 2 });
});

test("among several best choices of a step, one that is strictly the longest is enough", () => {
  const definition = caseOf(
    step("a", [
      choice("end", { id: "x", points: 2, label: "Kort" }),
      choice("end", { id: "y", points: 2, label: "Det længste af dem alle" }),
      choice("end", { id: "z", points: 0, label: "Mellemlangt" }),
    ]),
  );
  expect(caseLengthShare(definition)).toEqual({ counted: 1, considered: 1 });
});

test("characters are counted as a reader counts them (æ, ø, å and typographic quotes are one each)", () => {
  // 5 characters each, but "„æøå“" is longer in UTF-8 bytes: equal, so not strictly longer.
  expect(caseLengthShare(caseOf(decision("a", "„æøå“", "abcde")))).toEqual({ counted: 0, considered: 1 });
});

const question = (id: string, correct: string[], wrong: string[]): QuizQuestion => ({
  id,
  topic: "sagsoplysning",
  multiple: correct.length > 1,
  promptHtml: "",
  explanationHtml: "",
  position: at,
  options: [
    ...correct.map((label, index) => ({ id: `${id}-r${index}`, label, correct: true })),
    ...wrong.map((label, index) => ({ id: `${id}-f${index}`, label, correct: false })),
  ],
});

test("a quiz question counts when a correct option is longer than every incorrect one", () => {
  const quiz: QuizDefinition = {
    id: "q",
    passPercent: 80,
    questions: [
      question("a", ["Et langt rigtigt svar"], ["Kort", "Også kort"]),
      question("b", ["Kort", "Et meget langt rigtigt svar"], ["Mellemlangt forkert"]),
      question("c", ["Kort"], ["Et langt forkert svar"]),
    ],
  };
  expect(quizLengthShare(quiz)).toEqual({ counted: 2, considered: 3 });
  const warning = quizLengthWarning(quiz, "BPA-quizzen", at);
  expect(warning!.message).toContain("I quizzen „BPA-quizzen“ er det rigtige svar det længste i 2 af 3 spørgsmål (67 %)");
  expect(quizLengthWarning({ ...quiz, questions: quiz.questions.slice(1) }, "BPA-quizzen", at)).toBeNull();
});
