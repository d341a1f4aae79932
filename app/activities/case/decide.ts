/**
 * A learner's decision in a case, decided purely: from the attempt's persisted snapshot and the
 * value the choice's button posted, the next snapshot to store and the decision row, with its
 * verdict. `attempts.server.ts` only stores what this returns. No database, no I/O.
 */
import type { CaseChoice, CaseDefinition, CaseOutcome, CaseStep } from "./content";
import { choiceAtPosition, orderedChoices } from "./learner-words";
import { judgeChoice, type ChoiceVerdict } from "./review";
import {
  applyChoice,
  currentPlace,
  findStep,
  offeredChoices,
  restoreSnapshot,
  type CaseMachine,
  type PersistedCaseSnapshot,
} from "./machine";

/**
 * The offered choices of the current step in the order this attempt shows them (`orderedChoices`:
 * seeded by the attempt and the step, `last` at the end). A button posts its position in this
 * order, which says nothing about where the choice leads or where it stands in the file.
 */
export function shownChoices(attemptId: string, step: CaseStep, offered: readonly CaseChoice[]): CaseChoice[] {
  return orderedChoices(attemptId, step.id, offered, (choice) => choice.last === true);
}

export interface Verdict {
  /** The review's rule (`review.ts`): best, partly right, or not the best choice of the step in the whole case. */
  verdict: ChoiceVerdict["verdict"];
  wasBest: boolean;
  /** The best choice to name: the chosen one when it was best; null when the step had none left. */
  bestChoiceId: string | null;
}

/** The verdict stored with a decision: the review's judgement with the flags set before the choice. */
export function verdictOf(
  definition: CaseDefinition,
  stepId: string,
  choiceId: string,
  flags: readonly string[],
): Verdict {
  const judged = judgeChoice(definition, { stepId, choiceId, flags });
  return {
    verdict: judged.verdict,
    wasBest: judged.verdict === "best",
    bestChoiceId: judged.verdict === "best" ? choiceId : (judged.bestChoice?.id ?? null),
  };
}

/** A `case_decisions` row, as the pure code sees it. */
export interface DecisionRow extends Verdict {
  stepId: string;
  choiceId: string;
  targetId: string;
  /** The points earned (a choice earns its points the first time only). */
  points: number;
  /** The choice's own points. */
  choicePoints: number;
  topic: string;
  phase: string;
}

export type Decision =
  | {
      ok: true;
      persisted: PersistedCaseSnapshot;
      /** The step or outcome the case is in now. */
      place: string;
      score: number;
      /** The choice ended the case. */
      finished: boolean;
      /** The outcome reached, when the choice ended the case. */
      outcome: CaseOutcome | null;
      decision: DecisionRow;
    }
  /** `unknown-choice`: the value names no offered choice of the step; `not-offered`: its `requires` are not met. */
  | { ok: false; reason: "unknown-choice" | "not-offered" | "finished" };

/**
 * Decides the choice posted as `value` (a position in the order `shownChoices` gives this attempt),
 * judged by the same rule as the review at the end.
 */
export function decide(
  machine: CaseMachine,
  definition: CaseDefinition,
  attempt: { id: string; snapshot: unknown },
  value: string,
): Decision {
  const before = restoreSnapshot(machine, attempt.snapshot);
  if (before.status !== "active") return { ok: false, reason: "finished" };
  const step = findStep(definition, currentPlace(before));
  const choice =
    step && choiceAtPosition(shownChoices(attempt.id, step, offeredChoices(machine, definition, before)), value);
  if (!step || !choice) return { ok: false, reason: "unknown-choice" };
  const applied = applyChoice(machine, definition, before, choice.id);
  if (!applied.ok) return applied;
  const place = currentPlace(applied.snapshot);
  const finished = applied.snapshot.status === "done";
  return {
    ok: true,
    persisted: applied.persisted,
    place,
    score: applied.snapshot.context.score,
    finished,
    outcome: finished ? (definition.outcomes.find((o) => o.id === place) ?? null) : null,
    decision: {
      stepId: step.id,
      choiceId: choice.id,
      targetId: choice.to,
      points: applied.earned,
      choicePoints: choice.points,
      ...verdictOf(definition, step.id, choice.id, before.context.flags),
      topic: choice.topic,
      phase: step.phase,
    },
  };
}
