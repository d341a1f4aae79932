/**
 * How good a choice was: the judgement behind the verdict shown right after a choice, the review
 * at the end of a case and the stored `was_best` of a decision. Pure: it reads only the case
 * definition and the choices made.
 *
 * The rule (docs/decisions, "the true review"):
 * - A choice's prospect is the best result any way on from it can still reach (korrekt > delvist >
 *   forkert), its own points, and the most points a way on to that result can earn. Requires are
 *   ignored here: the best choice *of the step in the whole case* is judged as if everything
 *   before had been done right, not only among the choices offered at that moment.
 * - A choice from which every way ends `forkert` is never best. The best choices of a step are
 *   the others with the highest prospect, compared in that order (result, own points, points
 *   after). Own points come before the points after, so that a loop back through the case, whose
 *   choices would not pay again, never looks better than the right decision here; among choices
 *   of equal points (an all-zero step) the one that leads on best wins.
 * - A choice that is not best is *partly right* when it earned points, or when it was the best of
 *   what was offered at that moment (the best was not offered, because of an earlier choice: the
 *   review then says which choice would have made it possible). Otherwise it is *not the best*.
 * - A best choice that undoes an earlier mistake (the same step decided better the second time,
 *   or a step that only a mistake leads to) earns its points, and the review says what it corrected.
 */
import type { CaseChoice, CaseDefinition, CaseStep } from "~/activities/case/content";
import type { CaseResult } from "~/content/vocabulary";

export type Verdict = "best" | "partial" | "not-best";

const RESULT_RANK: Record<CaseResult, number> = { forkert: 0, delvist: 1, korrekt: 2 };

/** What can still be reached from a place: the best result, and the most points a way to it earns. */
interface Prospect {
  rank: number;
  points: number;
}

export interface CaseJudgement {
  /** Per step: the ids of its best choices (may be empty) and of those that can only end `forkert`. */
  steps: Record<string, { best: string[]; doomed: string[] }>;
  /** The places reached from start by best choices only: a step outside them is reached only by a mistake. */
  idealPlaces: string[];
}

/** Guards the search for the points after a choice (ways without repeating a step) in a very large case. */
const MAX_EXPANSIONS = 50_000;

function prospects(definition: CaseDefinition): Map<string, Prospect> {
  const steps = new Map(definition.steps.map((step) => [step.id, step]));
  const outcomes = new Map(definition.outcomes.map((outcome) => [outcome.id, outcome]));
  const result = new Map<string, Prospect>();
  for (const outcome of definition.outcomes) result.set(outcome.id, { rank: RESULT_RANK[outcome.result], points: 0 });

  for (const start of definition.steps) {
    let expansions = 0;
    let best: Prospect | null = null;
    const better = (a: Prospect, b: Prospect | null) =>
      !b || a.rank > b.rank || (a.rank === b.rank && a.points > b.points);
    // Every way from this step that repeats no step, to any outcome: the best result, then the most points.
    const walk = (step: CaseStep, visited: Set<string>, earned: number) => {
      if (++expansions > MAX_EXPANSIONS) return;
      for (const choice of step.choices) {
        const outcome = outcomes.get(choice.to);
        if (outcome) {
          const reached = { rank: RESULT_RANK[outcome.result], points: earned + choice.points };
          if (better(reached, best)) best = reached;
          continue;
        }
        const next = steps.get(choice.to);
        if (!next || visited.has(next.id)) continue;
        visited.add(next.id);
        walk(next, visited, earned + choice.points);
        visited.delete(next.id);
      }
    };
    walk(start, new Set([start.id]), 0);
    result.set(start.id, best ?? { rank: -1, points: 0 });
  }
  return result;
}

type ChoiceKey = [rank: number, points: number, after: number];

function compareKeys(a: ChoiceKey, b: ChoiceKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function choiceKey(choice: CaseChoice, reach: Map<string, Prospect>): ChoiceKey {
  const after = reach.get(choice.to) ?? { rank: -1, points: 0 };
  return [after.rank, choice.points, after.points];
}

const reachCache = new WeakMap<CaseDefinition, Map<string, Prospect>>();
function prospectsOf(definition: CaseDefinition) {
  let reach = reachCache.get(definition);
  if (!reach) {
    reach = prospects(definition);
    reachCache.set(definition, reach);
  }
  return reach;
}

const judgements = new WeakMap<CaseDefinition, CaseJudgement>();

/** The best choices of every step. Cached per definition object (a case version never changes). */
export function judgeCase(definition: CaseDefinition): CaseJudgement {
  const cached = judgements.get(definition);
  if (cached) return cached;
  const reach = prospectsOf(definition);
  const steps: CaseJudgement["steps"] = {};
  for (const step of definition.steps) {
    const doomed = step.choices.filter((choice) => (reach.get(choice.to)?.rank ?? -1) <= RESULT_RANK.forkert);
    const candidates = step.choices.filter((choice) => !doomed.includes(choice));
    let top: ChoiceKey | null = null;
    for (const choice of candidates) {
      const key = choiceKey(choice, reach);
      if (!top || compareKeys(key, top) > 0) top = key;
    }
    steps[step.id] = {
      best: candidates.filter((choice) => top && compareKeys(choiceKey(choice, reach), top) === 0).map((c) => c.id),
      doomed: doomed.map((choice) => choice.id),
    };
  }
  const idealPlaces = new Set([definition.start]);
  const queue = [definition.start];
  while (queue.length > 0) {
    const step = definition.steps.find((s) => s.id === queue.pop());
    for (const choice of step?.choices ?? []) {
      if (steps[step!.id]!.best.includes(choice.id) && !idealPlaces.has(choice.to)) {
        idealPlaces.add(choice.to);
        queue.push(choice.to);
      }
    }
  }
  const judgement = { steps, idealPlaces: [...idealPlaces] };
  judgements.set(definition, judgement);
  return judgement;
}

/**
 * The way a learner takes who makes a best choice at every step (the first offered one, in file
 * order): how many decisions a good attempt takes, and where it ends. Null if it would loop.
 */
export function idealWay(
  definition: CaseDefinition,
): { choices: { stepId: string; choiceId: string }[]; outcomeId: string } | null {
  const judgement = judgeCase(definition);
  const flags = new Set<string>();
  const visited = new Set<string>();
  const choices: { stepId: string; choiceId: string }[] = [];
  let place = definition.start;
  for (;;) {
    const step = findStep(definition, place);
    if (!step) return definition.outcomes.some((o) => o.id === place) ? { choices, outcomeId: place } : null;
    if (visited.has(step.id)) return null;
    visited.add(step.id);
    const best = step.choices.find((c) => judgement.steps[step.id]!.best.includes(c.id) && offered(c, [...flags]));
    if (!best) return null;
    for (const flag of best.sets) flags.add(flag);
    choices.push({ stepId: step.id, choiceId: best.id });
    place = best.to;
  }
}

export interface ChoiceVerdict {
  verdict: Verdict;
  /** The best choice to name when the learner's was not best (null when it was, or when none is). */
  bestChoice: { id: string; label: string; points: number } | null;
  /**
   * Why the best choice was not offered: for each flag it required that was not set, the labels of
   * the choices that set it. Empty when it was offered (or when the learner's choice was best).
   */
  unlockedBy: string[][];
  /** True when no choice of this step could lead to a good ending any more (every way ends forkert). */
  noGoodWayLeft: boolean;
}

const findStep = (definition: CaseDefinition, stepId: string) => definition.steps.find((step) => step.id === stepId);

const offered = (choice: CaseChoice, flags: readonly string[]) => choice.requires.every((flag) => flags.includes(flag));

/**
 * Judges one choice, made in a situation with `flags` set: the verdict shown right after it,
 * and stored with the decision. Throws when the step or choice does not exist.
 */
export function judgeChoice(
  definition: CaseDefinition,
  input: { stepId: string; choiceId: string; flags: readonly string[] },
  judgement: CaseJudgement = judgeCase(definition),
): ChoiceVerdict {
  const step = findStep(definition, input.stepId);
  const choice = step?.choices.find((c) => c.id === input.choiceId);
  if (!step || !choice) throw new Error(`Ukendt valg "${input.choiceId}" i trinnet "${input.stepId}"`);
  const { best, doomed } = judgement.steps[step.id]!;
  const bestChoices = step.choices.filter((c) => best.includes(c.id));
  if (best.includes(choice.id)) return { verdict: "best", bestChoice: null, unlockedBy: [], noGoodWayLeft: false };
  if (bestChoices.length === 0) {
    return { verdict: "not-best", bestChoice: null, unlockedBy: [], noGoodWayLeft: true };
  }

  const offeredBest = bestChoices.find((c) => offered(c, input.flags));
  const named = offeredBest ?? bestChoices[0]!;
  const unlockedBy = offeredBest
    ? []
    : named.requires
        .filter((flag) => !input.flags.includes(flag))
        .map((flag) => [
          ...new Set(
            definition.steps.flatMap((s) => s.choices.filter((c) => c.sets.includes(flag)).map((c) => c.label)),
          ),
        ]);

  const isDoomed = doomed.includes(choice.id);
  // The best of what was offered: no offered choice that can still end well has a better prospect.
  const reach = prospectsOf(definition);
  const offeredKeys = step.choices
    .filter((c) => offered(c, input.flags) && !doomed.includes(c.id))
    .map((c) => choiceKey(c, reach));
  const own = choiceKey(choice, reach);
  const bestOfOffered = !isDoomed && offeredKeys.every((key) => compareKeys(own, key) >= 0);
  const partial = !isDoomed && (choice.points > 0 || (!offeredBest && bestOfOffered));
  return {
    verdict: partial ? "partial" : "not-best",
    bestChoice: { id: named.id, label: named.label, points: named.points },
    unlockedBy,
    noGoodWayLeft: false,
  };
}

export interface DecisionMade {
  stepId: string;
  choiceId: string;
  /** The points this decision earned (0 for a choice made before in the attempt). */
  points: number;
}

export interface ReviewedDecision extends ChoiceVerdict {
  number: number;
  stepId: string;
  choiceId: string;
  points: number;
  /** The points the choice is worth the first time it is made. */
  choicePoints: number;
  /** The number of the earlier decision that made this same choice (and got its points), if any. */
  repeatOf: number | null;
  /** The number of the earlier decision this best choice put right, if any. */
  corrects: number | null;
}

/** The flags set after each decision, replayed from the definition (the stored snapshot is not needed). */
function flagsBeforeEach(definition: CaseDefinition, decisions: readonly DecisionMade[]): string[][] {
  const flags = new Set<string>();
  return decisions.map((decision) => {
    const before = [...flags].sort();
    const choice = findStep(definition, decision.stepId)?.choices.find((c) => c.id === decision.choiceId);
    for (const flag of choice?.sets ?? []) flags.add(flag);
    return before;
  });
}

/** The review of a whole attempt, decision by decision, in the order they were made. */
export function reviewDecisions(definition: CaseDefinition, decisions: readonly DecisionMade[]): ReviewedDecision[] {
  const judgement = judgeCase(definition);
  const flags = flagsBeforeEach(definition, decisions);
  const reviewed: ReviewedDecision[] = [];
  decisions.forEach((decision, index) => {
    const number = index + 1;
    const choice = findStep(definition, decision.stepId)?.choices.find((c) => c.id === decision.choiceId);
    const verdict = choice
      ? judgeChoice(
          definition,
          { stepId: decision.stepId, choiceId: decision.choiceId, flags: flags[index]! },
          judgement,
        )
      : // A decision on a choice the definition no longer has cannot be judged: say nothing good about it.
        { verdict: "not-best" as const, bestChoice: null, unlockedBy: [], noGoodWayLeft: false };
    const earlier = reviewed.find((r) => r.stepId === decision.stepId && r.choiceId === decision.choiceId);
    let corrects: number | null = null;
    if (verdict.verdict === "best") {
      const sameStepMistake = [...reviewed].reverse().find((r) => r.stepId === decision.stepId && r.verdict !== "best");
      const offRoute = !judgement.idealPlaces.includes(decision.stepId);
      const lastMistake = [...reviewed].reverse().find((r) => r.verdict !== "best");
      corrects = sameStepMistake?.number ?? (offRoute ? (lastMistake?.number ?? null) : null);
    }
    reviewed.push({
      ...verdict,
      number,
      stepId: decision.stepId,
      choiceId: decision.choiceId,
      points: decision.points,
      choicePoints: choice?.points ?? 0,
      repeatOf: earlier && decision.points === 0 && (choice?.points ?? 0) > 0 ? earlier.number : null,
      corrects,
    });
  });
  return reviewed;
}

/** Danish quotation marks around a label. */
const quoted = (label: string) => `„${label}“`;

const joinDanish = (parts: string[], word: "og" | "eller") =>
  parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} ${word} ${parts[parts.length - 1]}`;

/** "„Bevil BPA“ kunne først vælges, når du havde valgt „Indhent en lægeerklæring“." */
export function unlockSentence(verdict: Pick<ChoiceVerdict, "bestChoice" | "unlockedBy">): string | null {
  if (!verdict.bestChoice || verdict.unlockedBy.length === 0) return null;
  const conditions = verdict.unlockedBy.map((labels) => joinDanish(labels.map(quoted), "eller"));
  return `${quoted(verdict.bestChoice.label)} kunne først vælges, når du havde valgt ${joinDanish(conditions, "og")}.`;
}
