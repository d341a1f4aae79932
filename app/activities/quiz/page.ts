/** What the activity page shows of a quiz: the form, or the result of one of the learner's attempts. */
import type { QuizFormView, QuizResultView } from "./view";

export type QuizPage =
  | {
      kind: "form";
      introHtml: string;
      /** A fresh id per page view: a second submit of the same form stores nothing new. */
      submissionId: string;
      form: QuizFormView;
      best: { correctCount: number; questionCount: number; percent: number; passed: boolean } | null;
      attempts: number;
    }
  | { kind: "result"; introHtml: string; result: QuizResultView & { attemptNumber: number }; retakeUrl: string };
