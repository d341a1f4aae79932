/**
 * What a learner reads about a case, in words: the verdict after a choice, the review line of each
 * decision, where they are in the case, and the order of a step's choices. Pure; the case view
 * uses it, so the page and its tests read the same sentences.
 */
import type { CaseChoice } from "./content";
import { caseStepSeed, seededShuffle } from "~/utils/shuffle";
import { unlockSentence, type ReviewedDecision, type Verdict } from "./review";

/** DKFDS alert variants: the verdict is told by its heading and icon too, never by colour alone. */
export type VerdictTone = "success" | "warning" | "error";

const VERDICT_WORDS: Record<Verdict, { feedback: string; review: string; tone: VerdictTone }> = {
  best: { feedback: "Godt valg", review: "Bedste valg", tone: "success" },
  partial: { feedback: "Delvis rigtigt", review: "Delvis rigtigt", tone: "warning" },
  "not-best": { feedback: "Ikke det bedste valg", review: "Ikke det bedste valg", tone: "error" },
};

export const pointsText = (points: number) => `${points} point`;

/** A decision's verdict as the review names it: "Bedste valg", "Delvis rigtigt", "Ikke det bedste valg". */
export const reviewWord = (verdict: Verdict) => VERDICT_WORDS[verdict].review;

/** The heading right after a choice: "Godt valg · 2 point". */
export function verdictHeading(verdict: Verdict, points: number) {
  const words = VERDICT_WORDS[verdict];
  return { text: words.feedback, points: pointsText(points), tone: words.tone };
}

/** One decision of the review, in sentences. */
export function reviewLine(decision: ReviewedDecision) {
  const words = VERDICT_WORDS[decision.verdict];
  const heading =
    decision.verdict !== "best" && decision.bestChoice
      ? `${words.review} – det bedste var: ${decision.bestChoice.label}`
      : words.review;
  const notes: string[] = [];
  const unlock = unlockSentence(decision);
  if (unlock) notes.push(unlock);
  if (decision.noGoodWayLeft) notes.push("Herfra kunne sagen ikke længere ende godt: fejlen lå i et tidligere valg.");
  if (decision.corrects !== null) {
    notes.push(`Dette valg rettede op på beslutning ${decision.corrects}, og du fik point for det.`);
  }
  if (decision.repeatOf !== null) {
    notes.push(`Du fik pointene for dette valg første gang, du traf det (beslutning ${decision.repeatOf}).`);
  }
  return { heading, tone: words.tone, notes };
}

/** "Beslutning 3 · ca. 8 i alt": the length of the ideal way (`idealWay`) is what a good attempt takes. */
export const decisionCounter = (number: number, idealLength: number) =>
  `Beslutning ${number} · ca. ${Math.max(idealLength, number)} i alt`;

/** Shown when a learner comes back to an unfinished attempt. */
export const resumeSentence = (number: number) => `Du fortsætter, hvor du slap (beslutning ${number}).`;

/**
 * The offered choices of a step in the order this attempt shows them: shuffled by the attempt and
 * the step, `last` at the end. The button posts the position in this order, so neither the markup
 * nor the posted value says which choice comes first in the file.
 */
export function orderedChoices(
  attemptId: string,
  stepId: string,
  offered: readonly CaseChoice[],
  isLast: (choice: CaseChoice) => boolean = () => false,
): CaseChoice[] {
  return seededShuffle(offered, caseStepSeed(attemptId, stepId), isLast);
}

/** The choice at a posted position of that order, or undefined for a position that is not there. */
export function choiceAtPosition(ordered: readonly CaseChoice[], position: string): CaseChoice | undefined {
  return /^\d{1,3}$/.test(position) ? ordered[Number(position)] : undefined;
}
