import type { WayForward } from "../next-activity";
import type { EvaluationItem } from "./content";

/** What the activity page shows of an evaluation: the form with the learner's draft, or a thank-you. */
export interface EvaluationPage {
  introHtml: string;
  status: "new" | "draft" | "submitted";
  items: EvaluationItem[];
  answers: Record<string, string>;
  maxLength: number;
  /** "Næste aktivitet" or "Tilbage til modulet", offered on the receipt. */
  way: WayForward;
  /** The follow-up months later: submitted at once, no draft. */
  followUp?: boolean;
}
