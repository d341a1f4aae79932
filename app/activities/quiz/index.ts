import type { ActivityTypeEntry } from "../activity-type";
import type { QuizActivity } from "./content";
import type { QuizPage } from "./page";
import { QuizView } from "./quiz-page";

export const quizType: ActivityTypeEntry<QuizActivity, QuizPage> = {
  label: "Quiz",
  View: QuizView,
  content: () => import("./content").then((m) => m.quizContent),
  server: () => import("./quiz.server").then((m) => m.quizServer),
};
