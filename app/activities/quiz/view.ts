/**
 * What a learner sees of a quiz. Before submitting: the questions and the labels of their
 * options, never which are correct and never the explanations. After: per question right or
 * wrong, the right answer and the explanation. Pure.
 */
import type { QuizDefinition } from "./content";
import { answerField, type OptionOrder, type QuizScore } from "./scoring";

export interface QuizFormView {
  passPercent: number;
  questions: {
    id: string;
    field: string;
    number: number;
    promptHtml: string;
    multiple: boolean;
    /** In the attempt's order; `value` is the position posted, not the option's id. */
    options: { value: string; label: string }[];
  }[];
}

/** The form of one attempt, its options in the attempt's `order`. */
export function quizFormView(quiz: QuizDefinition, order: OptionOrder): QuizFormView {
  return {
    passPercent: quiz.passPercent,
    questions: quiz.questions.map((question, index) => ({
      id: question.id,
      field: answerField(question.id),
      number: index + 1,
      promptHtml: question.promptHtml,
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
    promptHtml: string;
    correct: boolean;
    chosenLabels: string[];
    correctLabels: string[];
    explanationHtml: string;
  }[];
}

export function quizResultView(quiz: QuizDefinition, score: QuizScore): QuizResultView {
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
          promptHtml: question.promptHtml,
          correct: result.correct,
          chosenLabels: result.chosen.map(label),
          correctLabels: question.options.filter((o) => o.correct).map((o) => o.label),
          explanationHtml: question.explanationHtml,
        },
      ];
    }),
  };
}
