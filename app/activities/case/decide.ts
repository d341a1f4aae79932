/**
 * A learner's decision in a case, decided purely: from the attempt's persisted snapshot and the
 * value the choice's button posted, the next snapshot to store and the decision row, with its
 * verdict. `attempts.server.ts` only stores what this returns. No database, no I/O.
 */
import type { CaseChoice, CaseDefinition, CaseOutcome, CaseStep } from "./content";
import {
  applyChoice,
  currentPlace,
  findStep,
  restoreSnapshot,
  type CaseMachine,
  type PersistedCaseSnapshot,
} from "./machine";

/** The value a choice's button posts: its position in the step, which says nothing about where it leads. */
export const choiceValue = (step: CaseStep, choiceId: string) =>
  String(step.choices.findIndex((c) => c.id === choiceId));

export function choiceFromValue(step: CaseStep, value: string): CaseChoice | undefined {
  return /^\d+$/.test(value) ? step.choices[Number(value)] : undefined;
}

export interface Verdict {
  /** No choice offered at that moment had more points. */
  wasBest: boolean;
  /** The chosen one when it was best, otherwise the first offered choice with the most points. */
  bestChoiceId: string;
}

/**
 * Was this the best choice? The rule behind the learner's review ("Et bedre valg var muligt")
 * and the dashboard's best-choice shares: best when no choice offered at that moment (flags
 * considered) had more points.
 */
export function judgeChoice(chosen: CaseChoice, offered: readonly CaseChoice[]): Verdict {
  const bestPoints = Math.max(...offered.map((c) => c.points));
  if (chosen.points >= bestPoints) return { wasBest: true, bestChoiceId: chosen.id };
  return { wasBest: false, bestChoiceId: offered.find((c) => c.points === bestPoints)!.id };
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
  /** `unknown-choice`: the value names no choice of the step; `not-offered`: its `requires` are not met. */
  | { ok: false; reason: "unknown-choice" | "not-offered" | "finished" };

export function decide(machine: CaseMachine, definition: CaseDefinition, persisted: unknown, value: string): Decision {
  const before = restoreSnapshot(machine, persisted);
  const step = findStep(definition, currentPlace(before));
  const choice = step && choiceFromValue(step, value);
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
      ...judgeChoice(choice, applied.offered),
      topic: choice.topic,
      phase: step.phase,
    },
  };
}
