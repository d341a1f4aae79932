/**
 * Quiz answers: reading them from a form, and scoring them. Pure. A question is right when
 * exactly its correct options are chosen (one for a single-choice question, the whole set
 * for `multiple`).
 */
import { quizQuestionSeed, seededShuffle } from "~/utils/shuffle";
import type { QuizDefinition, QuizOption, QuizQuestion } from "./content";

/** Answers by question id: the option ids chosen. */
export type QuizAnswers = Record<string, string[]>;

/** The form field of a question: `q-<question id>`. */
export const answerField = (questionId: string) => `q-${questionId}`;

/**
 * The order in which one attempt shows a question's options. The form posts an option's position
 * in this order, so neither the markup nor the posted value says where the option stands in the
 * file, and the answers are read back through the same order.
 */
export type OptionOrder = (question: QuizQuestion) => readonly QuizOption[];

/**
 * The order of the learner's attempt number `attemptNumber` (1 for the first): shuffled by the
 * learner, the quiz, the attempt and the question, `<Option last>` at the end. The same on every
 * reload and device until the attempt is submitted; another for the next attempt and for another learner.
 */
export const attemptOptionOrder =
  (userId: string, quizId: string, attemptNumber: number): OptionOrder =>
  (question) =>
    seededShuffle(
      question.options,
      quizQuestionSeed(userId, quizId, attemptNumber, question.id),
      (option) => option.last === true,
    );

/** The order of the file, as the author wrote it (the author's and the trainer's pages show the options so). */
export const fileOptionOrder: OptionOrder = (question) => question.options;

export type AnswerReading =
  | { ok: true; answers: QuizAnswers }
  | { ok: false; kind: "invalid"; message: string }
  | { ok: false; kind: "incomplete"; unanswered: string[] };

/**
 * Reads the answers from form entries: each value is an option's position in `order`, the order
 * the form showed. Naming an unknown question or position, or choosing several options for a
 * single-choice question, is invalid (a tampered form); an unanswered question is incomplete
 * (the learner forgot one).
 */
export function readAnswers(quiz: QuizDefinition, entries: [string, string][], order: OptionOrder): AnswerReading {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  const answers: QuizAnswers = {};
  for (const [field, value] of entries) {
    if (!field.startsWith("q-")) continue;
    const question = questions.get(field.slice(2));
    if (!question)
      return { ok: false, kind: "invalid", message: "Svaret nævner et spørgsmål, som ikke findes i quizzen." };
    const option = /^\d{1,3}$/.test(value) ? order(question)[Number(value)] : undefined;
    if (!option) {
      return { ok: false, kind: "invalid", message: "Svaret nævner en svarmulighed, som ikke findes i spørgsmålet." };
    }
    const chosen = (answers[question.id] ??= []);
    if (!chosen.includes(option.id)) chosen.push(option.id);
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
