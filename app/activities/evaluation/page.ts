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

/**
 * The id of the evaluation's form (the activity's and the follow-up's): its intent. "Gem kladde"
 * posts the same form with `evaluation.save`, and its refusals show in the same form.
 */
export const EVALUATION_FORM = "evaluation.submit";
