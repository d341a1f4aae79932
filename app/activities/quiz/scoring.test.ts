import { expect, test } from "vitest";
import type { QuizDefinition } from "./content";
import { readAnswers, scoreQuiz } from "./scoring";

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

test("answers are read from the form; unknown questions or options, and two answers to a single-choice question, are refused", () => {
  expect(
    readAnswers(quiz, [
      ["q-enkelt", "b"],
      ["q-flere", "x"],
      ["q-flere", "y"],
      ["submissionId", "…"],
    ]),
  ).toEqual({
    ok: true,
    answers: { enkelt: ["b"], flere: ["x", "y"] },
  });
  expect(readAnswers(quiz, [["q-findes-ikke", "a"]])).toMatchObject({ ok: false, kind: "invalid" });
  expect(readAnswers(quiz, [["q-enkelt", "q"]])).toMatchObject({ ok: false, kind: "invalid" });
  expect(
    readAnswers(quiz, [
      ["q-enkelt", "a"],
      ["q-enkelt", "b"],
    ]),
  ).toMatchObject({ ok: false, kind: "invalid" });
  expect(readAnswers(quiz, [["q-enkelt", "a"]])).toEqual({ ok: false, kind: "incomplete", unanswered: ["flere"] });
});
