/** Activities for database tests, and a small course (one module: a case, a quiz, an evaluation) for the trainer tests. */
import { findBestPath } from "../app/cases/analysis";
import { acknowledgeFeedback, chooseInAttempt, startAttempt } from "../app/cases/attempts.server";
import { createCaseMachine } from "../app/cases/machine";
import { sampleCase } from "../app/cases/test-cases";
import type { CaseActivity, CompiledCourse, EvaluationActivity, QuizActivity } from "../app/content/types";
import type { DB } from "../app/db/database.server";

const at = { line: 1, column: 1 };
const base = { moduleId: "test", estimatedMinutes: 5, required: true, legalBasis: [], version: "v1", introHtml: "" };

const best = findBestPath(createCaseMachine(sampleCase), sampleCase)!;
export const trainerCase: CaseActivity = {
  ...base,
  id: "test-case",
  title: "Testcase",
  type: "case",
  file: "content/test/01-case.mdx",
  case: sampleCase,
  analysis: { maxScore: best.maxScore, bestPath: best.choices, bestOutcomeId: best.outcomeId },
};

/** The quiz of the quiz tests and the trainer tests: two questions, one of them with several right answers. */
export const testQuiz: QuizActivity = {
  ...base,
  id: "test-quiz",
  title: "Quiz",
  type: "quiz",
  file: "content/test/02-quiz.mdx",
  version: "q1",
  quiz: {
    id: "test-quiz",
    passPercent: 100,
    questions: [
      {
        id: "ansvar",
        topic: "sagsoplysning",
        multiple: false,
        promptHtml: "<p>Hvem?</p>",
        explanationHtml: "<p>Kommunen.</p>",
        position: at,
        options: [
          { id: "borger", label: "Borgeren", correct: false },
          { id: "kommune", label: "Kommunen", correct: true },
        ],
      },
      {
        id: "indhold",
        topic: "begrundelse",
        multiple: true,
        promptHtml: "<p>Hvad?</p>",
        explanationHtml: "<p>Regler og fakta.</p>",
        position: at,
        options: [
          { id: "regler", label: "Regler", correct: true },
          { id: "fakta", label: "Fakta", correct: true },
          { id: "navn", label: "Navn", correct: false },
        ],
      },
    ],
  },
};

export const trainerEvaluation: EvaluationActivity = {
  ...base,
  id: "test-evaluering",
  title: "Testevaluering",
  type: "evaluation",
  file: "content/test/03-evaluering.mdx",
  evaluation: {
    id: "test-evaluering",
    items: [
      { kind: "likert", id: "kendskab", statement: "Forløbet har øget mit kendskab." },
      { kind: "text", id: "bedre", label: "Hvad kan gøres bedre?" },
    ],
  },
};

export const trainerCourse: CompiledCourse = {
  formatVersion: 0,
  compiledAt: "2026-01-01T00:00:00Z",
  problems: [],
  modules: [
    {
      id: "test",
      title: "Testmodul",
      summary: "",
      order: 1,
      legalBasis: [],
      estimatedMinutes: 30,
      draft: false,
      introHtml: "",
      file: "content/test/module.mdx",
      activities: [trainerCase, testQuiz, trainerEvaluation],
      checklists: [],
    },
    {
      id: "kladde",
      title: "Kladdemodul",
      summary: "",
      order: 2,
      legalBasis: [],
      estimatedMinutes: 30,
      draft: true,
      introHtml: "",
      file: "content/kladde/module.mdx",
      activities: [],
      checklists: [],
    },
  ],
};

/**
 * Plays the sample case through the real attempt code: each choice by its position in its
 * step, reading the feedback after each. `fresh` starts a new attempt.
 */
export async function playCase(db: DB, userId: string, positions: number[], options: { fresh?: boolean } = {}) {
  await startAttempt(db, userId, trainerCase, options);
  const attempt = await db
    .selectFrom("case_attempts")
    .select("decision_count")
    .where("user_id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  let seq = attempt.decision_count;
  for (const position of positions) {
    const result = await chooseInAttempt(db, { userId, activity: trainerCase, seq, choice: String(position) });
    if (!result.ok) throw new Error(result.message);
    seq += 1;
    await acknowledgeFeedback(db, userId, trainerCase, seq);
  }
}
