/** Activities for tests (pure data), and a small course of them (one module: a case, a quiz, an evaluation) for the trainer tests. */
import { findBestPath } from "../app/activities/case/analysis";
import type { BegrundelseActivity } from "../app/activities/begrundelse/content";
import type { CaseActivity } from "../app/activities/case/content";
import { sampleCase } from "../app/activities/case/test-cases";
import type { EvaluationActivity } from "../app/activities/evaluation/content";
import type { QuizActivity } from "../app/activities/quiz/content";
import type { CompiledCourse } from "../app/content/types";

const at = { line: 1, column: 1 };
const base = { moduleId: "test", estimatedMinutes: 5, required: true, legalBasis: [], version: "v1", introHtml: "" };

const best = findBestPath(sampleCase)!;
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

/** The evaluation of the evaluation tests and the trainer tests. */
export const testEvaluation: EvaluationActivity = {
  ...base,
  id: "test-evaluering",
  title: "Evaluering",
  type: "evaluation",
  estimatedMinutes: 3,
  file: "content/test/03-evaluering.mdx",
  version: "e1",
  evaluation: {
    id: "test-evaluering",
    items: [
      { kind: "likert", id: "kendskab", statement: "Forløbet har givet mig øget kendskab." },
      { kind: "text", id: "forbedringer", label: "Hvad kan gøres bedre?" },
    ],
  },
};

/** A begrundelse with three criteria, for the begrundelse tests (not in `trainerCourse`: its figures stay as they are). */
export const testBegrundelse: BegrundelseActivity = {
  ...base,
  id: "test-begrundelse",
  title: "Skriv begrundelsen: Afslag",
  type: "begrundelse",
  file: "content/test/04-begrundelse.mdx",
  version: "b1",
  introHtml: "<p>Skriv afgørelsens begrundelse.</p>",
  begrundelse: {
    minLength: 50,
    maxLength: 10_000,
    taskHtml: "<p>Du har givet afslag. Skriv begrundelsen til borgeren.</p>",
    documents: [{ id: "ansoegning", title: "Ansøgning", html: "<p>Jeg søger.</p>", position: at }],
    criteria: [
      {
        id: "retsgrundlag",
        topic: "begrundelse",
        label: "Henvisning til retsgrundlaget",
        explanationHtml: "<p>FVL § 24, stk. 1.</p>",
        position: at,
      },
      {
        id: "fakta",
        topic: "sagsoplysning",
        label: "De faktiske oplysninger",
        explanationHtml: "<p>FVL § 24, stk. 2.</p>",
        position: at,
      },
      {
        id: "klage",
        topic: "klagevejledning",
        label: "Klagevejledning",
        explanationHtml: "<p>FVL § 25.</p>",
        position: at,
      },
    ],
    modelAnswerHtml: "<p>Mønsterbesvarelsen: du får afslag efter serviceloven.</p>",
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
      legalAsOf: "2026-12-01",
      draft: false,
      introHtml: "",
      file: "content/test/module.mdx",
      activities: [trainerCase, testQuiz, testEvaluation],
      checklists: [],
    },
    {
      id: "kladde",
      title: "Kladdemodul",
      summary: "",
      order: 2,
      legalBasis: [],
      estimatedMinutes: 30,
      legalAsOf: "2026-12-01",
      draft: true,
      introHtml: "",
      file: "content/kladde/module.mdx",
      activities: [],
      checklists: [],
    },
  ],
};
