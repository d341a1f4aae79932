import type { ActivityTypeEntry } from "../activity-type";
import type { EvaluationActivity } from "./content";
import { EvaluationView } from "./evaluation-page";
import type { EvaluationPage } from "./page";

export const evaluationType: ActivityTypeEntry<EvaluationActivity, EvaluationPage> = {
  label: "Evaluering",
  View: EvaluationView,
  content: () => import("./content").then((m) => m.evaluationContent),
  server: () => import("./evaluation.server").then((m) => m.evaluationServer),
};
