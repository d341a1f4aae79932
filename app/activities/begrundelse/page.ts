/**
 * What the activity page shows of a begrundelse. Before the learner has submitted, the page has
 * the task, the case file and the learner's own draft only: no criterion and no model answer
 * (tests/browser/begrundelse.test.ts looks for them in the HTML and the page's data).
 */
import type { CaseFileDocument } from "~/components/case-file";
import type { CriterionRatingValue } from "~/content/vocabulary";

export interface CriterionReview {
  id: string;
  label: string;
  explanationHtml: string;
  self: CriterionRatingValue | null;
  trainer: CriterionRatingValue | null;
}

export interface TrainerFeedback {
  comment: string | null;
  /** "4. december 2026 kl. 14.32" */
  at: string;
}

export type BegrundelseStep =
  /** Writing (or not begun: `attemptId` null until the first save). */
  | {
      kind: "writing";
      attemptId: string | null;
      number: number;
      text: string;
      /** When the draft was last saved: "kl. 14.32" (another day with its date), and the moment. */
      savedAt: { label: string; iso: string } | null;
    }
  /** Submitted: the text is fixed; the learner rates it against each criterion (labels only). */
  | {
      kind: "self-assessment";
      attemptId: string;
      number: number;
      text: string;
      criteria: { id: string; label: string }[];
    }
  /** Self-assessed: the explanations, the model answer and, once given, the trainer's assessment. */
  | {
      kind: "review";
      attemptId: string;
      number: number;
      text: string;
      criteria: CriterionReview[];
      modelAnswerHtml: string;
      trainer: TrainerFeedback | null;
    };

/** An earlier attempt, kept and shown below the current one. */
export interface EarlierAttempt {
  number: number;
  submittedOn: string;
  text: string;
  /** "3 af 5 kriterier opfyldt" by the learner's own rating. */
  self: string | null;
  trainer: string | null;
  trainerComment: string | null;
}

export interface BegrundelsePage {
  introHtml: string;
  taskHtml: string;
  documents: CaseFileDocument[];
  minLength: number;
  maxLength: number;
  step: BegrundelseStep;
  earlier: EarlierAttempt[];
  /** The current attempt was written on an earlier version of the task. */
  olderVersion: boolean;
}

/**
 * The ids of the page's forms: their intents. "Gem kladde" and the autosave post the text's form
 * with `begrundelse.draft`, and their answers belong to the same form.
 */
export const BEGRUNDELSE_FORMS = {
  text: "begrundelse.submit",
  assess: "begrundelse.assess",
  again: "begrundelse.again",
} as const;
