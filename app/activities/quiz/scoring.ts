/**
 * Quiz answers: reading them from a form, and scoring them. Pure. A question is right when
 * exactly its correct options are chosen (one for a single-choice question, the whole set
 * for `multiple`).
 */
import type { QuizDefinition, QuizQuestion } from "./content";

/** Answers by question id: the option ids chosen. */
export type QuizAnswers = Record<string, string[]>;

/** The form field of a question: `q-<question id>`. */
export const answerField = (questionId: string) => `q-${questionId}`;

export type AnswerReading =
  | { ok: true; answers: QuizAnswers }
  | { ok: false; kind: "invalid"; message: string }
  | { ok: false; kind: "incomplete"; unanswered: string[] };

/**
 * Reads the answers from form entries. Naming an unknown question or option, or choosing
 * several options for a single-choice question, is invalid (a tampered form); an unanswered
 * question is incomplete (the learner forgot one).
 */
export function readAnswers(quiz: QuizDefinition, entries: [string, string][]): AnswerReading {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  const answers: QuizAnswers = {};
  for (const [field, value] of entries) {
    if (!field.startsWith("q-")) continue;
    const question = questions.get(field.slice(2));
    if (!question)
      return { ok: false, kind: "invalid", message: "Svaret nævner et spørgsmål, som ikke findes i quizzen." };
    if (!question.options.some((option) => option.id === value)) {
      return { ok: false, kind: "invalid", message: "Svaret nævner en svarmulighed, som ikke findes i spørgsmålet." };
    }
    const chosen = (answers[question.id] ??= []);
    if (!chosen.includes(value)) chosen.push(value);
    if (!question.multiple && chosen.length > 1) {
      return { ok: false, kind: "invalid", message: "Der kan kun vælges ét svar på et spørgsmål med ét rigtigt svar." };
    }
  }
  const unanswered = quiz.questions.filter((q) => !answers[q.id]?.length).map((q) => q.id);
  if (unanswered.length > 0) return { ok: false, kind: "incomplete", unanswered };
  return { ok: true, answers };
}

export interface QuestionResult {
  questionId: string;
  chosen: string[];
  correctOptionIds: string[];
  correct: boolean;
}

export interface QuizScore {
  results: QuestionResult[];
  correctCount: number;
  questionCount: number;
  percent: number;
  passed: boolean;
}

export function isAnsweredCorrectly(question: QuizQuestion, chosen: readonly string[]): boolean {
  const correct = question.options.filter((option) => option.correct).map((option) => option.id);
  return chosen.length === correct.length && correct.every((id) => chosen.includes(id));
}

export function scoreQuiz(quiz: QuizDefinition, answers: QuizAnswers): QuizScore {
  const results = quiz.questions.map((question) => {
    const chosen = answers[question.id] ?? [];
    return {
      questionId: question.id,
      chosen,
      correctOptionIds: question.options.filter((o) => o.correct).map((o) => o.id),
      correct: isAnsweredCorrectly(question, chosen),
    };
  });
  const correctCount = results.filter((r) => r.correct).length;
  const questionCount = quiz.questions.length;
  const percent = questionCount === 0 ? 0 : Math.round((100 * correctCount) / questionCount);
  return { results, correctCount, questionCount, percent, passed: percent >= quiz.passPercent };
}
