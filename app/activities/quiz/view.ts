/**
 * What a learner sees of a quiz. Before submitting: the questions and the labels of their
 * options, never which are correct and never the explanations. After: per question right or
 * wrong, the right answer and the explanation. Pure.
 */
import type { ProseHtml } from "~/components/prose";
import { inlineProse } from "~/content/prose.server";
import type { QuizDefinition } from "./content";
import { answerField, type OptionOrder, type QuizScore } from "./scoring";

export interface QuizFormView {
  passPercent: number;
  questions: {
    id: string;
    field: string;
    number: number;
    prompt: ProseHtml;
    multiple: boolean;
    /** In the attempt's order; `value` is the position posted, not the option's id. */
    options: { value: string; label: string }[];
  }[];
}

/**
 * How a view's prose (prompts, explanations) is sent: once, by the activity page's `prose`
 * (app/components/prose.tsx); inline where none is given (a test).
 */
export type SendProse = (key: string, html: string) => ProseHtml;

/** The form of one attempt, its options in the attempt's `order`. */
export function quizFormView(quiz: QuizDefinition, order: OptionOrder, prose: SendProse = inlineProse): QuizFormView {
  return {
    passPercent: quiz.passPercent,
    questions: quiz.questions.map((question, index) => ({
      id: question.id,
      field: answerField(question.id),
      number: index + 1,
      prompt: prose(`${question.id}-prompt`, question.promptHtml),
      multiple: question.multiple,
      options: order(question).map(({ label }, position) => ({ value: String(position), label })),
    })),
  };
}

export interface QuizResultView {
  correctCount: number;
  questionCount: number;
  percent: number;
  passed: boolean;
  passPercent: number;
  questions: {
    number: number;
    prompt: ProseHtml;
    correct: boolean;
    chosenLabels: string[];
    correctLabels: string[];
    /** Null for a question without an explanation. */
    explanation: ProseHtml | null;
  }[];
}

export function quizResultView(quiz: QuizDefinition, score: QuizScore, prose: SendProse = inlineProse): QuizResultView {
  return {
    correctCount: score.correctCount,
    questionCount: score.questionCount,
    percent: score.percent,
    passed: score.passed,
    passPercent: quiz.passPercent,
    // In quiz order; a question added to the quiz after the attempt has no result and is left out.
    questions: quiz.questions.flatMap((question, index) => {
      const result = score.results.find((r) => r.questionId === question.id);
      if (!result) return [];
      const label = (id: string) => question.options.find((o) => o.id === id)?.label ?? id;
      return [
        {
          number: index + 1,
          prompt: prose(`${question.id}-prompt`, question.promptHtml),
          correct: result.correct,
          chosenLabels: result.chosen.map(label),
          correctLabels: question.options.filter((o) => o.correct).map((o) => o.label),
          explanation: question.explanationHtml ? prose(`${question.id}-explanation`, question.explanationHtml) : null,
        },
      ];
    }),
  };
}
