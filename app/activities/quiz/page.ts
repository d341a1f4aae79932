/** What the activity page shows of a quiz: the form, or the result of one of the learner's attempts. */
import type { ProseHtml } from "~/components/prose";
import type { WayForward } from "../next-activity";
import type { QuizFormView, QuizResultView } from "./view";

export type QuizPage =
  | {
      kind: "form";
      /** The quiz's introduction; it and the questions' prose are sent once (app/components/prose.tsx). */
      intro: ProseHtml;
      /** A fresh id per page view: a second submit of the same form stores nothing new. */
      submissionId: string;
      /** The number this attempt will have (1 for the first): the seed of its order of options, posted back. */
      attemptNumber: number;
      form: QuizFormView;
      best: { correctCount: number; questionCount: number; percent: number; passed: boolean } | null;
      attempts: number;
    }
  | {
      kind: "result";
      intro: ProseHtml;
      result: QuizResultView & { attemptNumber: number };
      retakeUrl: string;
      /** "Næste aktivitet" or "Tilbage til modulet", beside "Tag quizzen igen". */
      way: WayForward;
    };

/** The id of the quiz's form: its intent, as its refusals name it. */
export const QUIZ_FORM = "quiz.submit";
