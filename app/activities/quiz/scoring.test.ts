import { expect, test } from "vitest";
import type { QuizDefinition, QuizQuestion } from "./content";
import { attemptOptionOrder, fileOptionOrder, readAnswers, scoreQuiz } from "./scoring";
import { quizFormView } from "./view";

const at = { line: 1, column: 1 };
const quiz: QuizDefinition = {
  id: "quiz",
  passPercent: 80,
  questions: [
    {
      id: "enkelt",
      topic: "sagsoplysning",
      multiple: false,
      promptHtml: "<p>Hvem?</p>",
      explanationHtml: "",
      position: at,
      options: [
        { id: "a", label: "A", correct: false },
        { id: "b", label: "B", correct: true },
      ],
    },
    {
      id: "flere",
      topic: "begrundelse",
      multiple: true,
      promptHtml: "<p>Hvilke?</p>",
      explanationHtml: "",
      position: at,
      options: [
        { id: "x", label: "X", correct: true },
        { id: "y", label: "Y", correct: true },
        { id: "z", label: "Z", correct: false },
      ],
    },
  ],
};

test("a single-choice question is right when the correct option is chosen", () => {
  expect(scoreQuiz(quiz, { enkelt: ["b"], flere: ["x", "y"] })).toMatchObject({
    correctCount: 2,
    percent: 100,
    passed: true,
  });
  expect(scoreQuiz(quiz, { enkelt: ["a"], flere: ["x", "y"] })).toMatchObject({
    correctCount: 1,
    percent: 50,
    passed: false,
  });
});

test("a multiple-choice question is right only when exactly the correct set is chosen", () => {
  const score = (chosen: string[]) => scoreQuiz(quiz, { enkelt: ["b"], flere: chosen }).results[1]!.correct;
  expect(score(["y", "x"])).toBe(true);
  expect(score(["x"])).toBe(false);
  expect(score(["x", "y", "z"])).toBe(false);
});

test("passing is reaching passPercent", () => {
  const lenient = { ...quiz, passPercent: 50 };
  expect(scoreQuiz(lenient, { enkelt: ["a"], flere: ["x", "y"] }).passed).toBe(true);
});

test("answers are read from the form as positions in the order shown; unknown questions or positions, and two answers to a single-choice question, are refused", () => {
  expect(
    readAnswers(
      quiz,
      [
        ["q-enkelt", "1"],
        ["q-flere", "0"],
        ["q-flere", "1"],
        ["submissionId", "…"],
      ],
      fileOptionOrder,
    ),
  ).toEqual({
    ok: true,
    answers: { enkelt: ["b"], flere: ["x", "y"] },
  });
  expect(readAnswers(quiz, [["q-findes-ikke", "0"]], fileOptionOrder)).toMatchObject({ ok: false, kind: "invalid" });
  for (const tampered of ["2", "b", "-1", "1.0", "", "0001"]) {
    expect(readAnswers(quiz, [["q-enkelt", tampered]], fileOptionOrder)).toMatchObject({ ok: false, kind: "invalid" });
  }
  expect(
    readAnswers(
      quiz,
      [
        ["q-enkelt", "0"],
        ["q-enkelt", "1"],
      ],
      fileOptionOrder,
    ),
  ).toMatchObject({ ok: false, kind: "invalid" });
  expect(readAnswers(quiz, [["q-enkelt", "0"]], fileOptionOrder)).toEqual({
    ok: false,
    kind: "incomplete",
    unanswered: ["flere"],
  });
});

const long: QuizQuestion = {
  id: "lang",
  topic: "personkreds",
  multiple: false,
  promptHtml: "<p>Hvem?</p>",
  explanationHtml: "",
  position: at,
  options: [
    { id: "a", label: "A", correct: true },
    { id: "b", label: "B", correct: false },
    { id: "c", label: "C", correct: false },
    { id: "d", label: "D", correct: false },
    { id: "ved-ikke", label: "Ved ikke", correct: false, last: true },
  ],
};
const longQuiz: QuizDefinition = { ...quiz, questions: [long] };
const labels = (view: ReturnType<typeof quizFormView>) => view.questions[0]!.options.map((o) => o.label).join("");

test("the form shows an attempt's own order, the same on every reload, another for other attempts and learners; last stays last", () => {
  const first = quizFormView(longQuiz, attemptOptionOrder("learner-a", "bpa-quiz", 1));
  expect(quizFormView(longQuiz, attemptOptionOrder("learner-a", "bpa-quiz", 1))).toEqual(first);
  const orders = new Set<string>();
  for (let attempt = 1; attempt <= 30; attempt++) {
    const view = quizFormView(longQuiz, attemptOptionOrder("learner-a", "bpa-quiz", attempt));
    expect(view.questions[0]!.options.at(-1)!.label).toBe("Ved ikke");
    orders.add(labels(view));
  }
  // 24 orders of the four free options; thirty attempts in file order would give one.
  expect(orders.size).toBeGreaterThan(8);
  const others = ["learner-b", "learner-c", "learner-d"].map((learner) =>
    labels(quizFormView(longQuiz, attemptOptionOrder(learner, "bpa-quiz", 1))),
  );
  expect(others.some((order) => order !== labels(first))).toBe(true);
  // The posted values are positions: the markup names no option id.
  expect(first.questions[0]!.options.map((o) => o.value)).toEqual(["0", "1", "2", "3", "4"]);
});

test("a posted position is read back through the order that was shown: the right answer is right wherever it stood", () => {
  for (let attempt = 1; attempt <= 20; attempt++) {
    const order = attemptOptionOrder("learner-a", "bpa-quiz", attempt);
    const shown = quizFormView(longQuiz, order).questions[0]!.options;
    const position = shown.findIndex((option) => option.label === "A");
    const reading = readAnswers(longQuiz, [["q-lang", String(position)]], order);
    expect(reading).toEqual({ ok: true, answers: { lang: ["a"] } });
    if (reading.ok) expect(scoreQuiz(longQuiz, reading.answers).passed).toBe(true);
  }
});
