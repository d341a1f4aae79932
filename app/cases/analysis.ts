/**
 * What can happen in a case, computed on its machine: the situations (step plus flags) a learner
 * can reach, found with `xstate/graph`; the graph rules of the content check; the maximum score
 * and a way to reach it; and one way to each outcome.
 */
import type { EventFromLogic } from "xstate";
import { getAdjacencyMap, getShortestPaths, type AdjacencyMap } from "xstate/graph";
import type { Problem } from "~/content/mdx-tree";
import type { CaseDefinition } from "~/content/types";
import {
  chooseEvent,
  currentPlace,
  findStep,
  initialSnapshot,
  nextSnapshot,
  offeredChoices,
  stepEvents,
  type CaseMachine,
  type CaseSnapshot,
} from "./machine";

/** A situation is the place plus the flags: the score does not change what can happen next. */
export const serializeSituation = (snapshot: CaseSnapshot) =>
  `${currentPlace(snapshot)}|${snapshot.context.flags.join(" ")}`;
type MachineEvent = EventFromLogic<CaseMachine>;
const serializeEvent = (event: MachineEvent) => (event.type === "CHOOSE" ? `CHOOSE:${event.choiceId}` : event.type);

function traversalOptions(definition: CaseDefinition) {
  return {
    events: (snapshot: CaseSnapshot) => stepEvents(definition, snapshot),
    serializeState: serializeSituation,
    serializeEvent,
  };
}

export function situationMap(
  machine: CaseMachine,
  definition: CaseDefinition,
): AdjacencyMap<CaseSnapshot, MachineEvent> {
  return getAdjacencyMap(machine, traversalOptions(definition));
}

const describeFlags = (flags: string[]) =>
  flags.length === 0 ? "uden flag sat" : `med ${flags.length === 1 ? "flaget" : "flagene"} ${flags.join(", ")} sat`;

/**
 * Every situation a learner can reach, and which of them can still reach an outcome: the
 * ground of the graph rules below and of the author's case map (unreachable steps, dead ends).
 */
export function reachableSituations(machine: CaseMachine, definition: CaseDefinition) {
  const situations = Object.entries(situationMap(machine, definition));
  const reachedPlaces = new Set(situations.map(([, { state }]) => currentPlace(state)));

  // Which situations can still reach an outcome: walk the edges backwards from the final states.
  const predecessors = new Map<string, string[]>();
  for (const [key, { transitions }] of situations) {
    for (const transition of Object.values(transitions) as { state: CaseSnapshot }[]) {
      const target = serializeSituation(transition.state);
      if (target !== key) predecessors.set(target, [...(predecessors.get(target) ?? []), key]);
    }
  }
  const canFinish = new Set(situations.filter(([, { state }]) => state.status === "done").map(([key]) => key));
  const queue = [...canFinish];
  while (queue.length > 0) {
    for (const previous of predecessors.get(queue.pop()!) ?? []) {
      if (!canFinish.has(previous)) {
        canFinish.add(previous);
        queue.push(previous);
      }
    }
  }
  return { situations, reachedPlaces, canFinish };
}

/**
 * The graph rules of the content format: every step reachable from start, an outcome reachable
 * from every situation a learner can be in, and at least one choice offered in each of them.
 */
export function checkCaseGraph(machine: CaseMachine, definition: CaseDefinition): Problem[] {
  const problems: Problem[] = [];
  const { situations, reachedPlaces, canFinish } = reachableSituations(machine, definition);
  for (const step of definition.steps) {
    if (!reachedPlaces.has(step.id)) {
      problems.push({
        ...step.position,
        message: `Trinnet "${step.id}" kan ikke nås fra start ("${definition.start}"): intet valg, som kursisten kan træffe, fører hertil.`,
      });
    }
  }

  const reported = new Set<string>();
  for (const [key, { state }] of situations) {
    if (state.status === "done") continue;
    const step = findStep(definition, currentPlace(state));
    if (!step || step.choices.length === 0) continue; // reported as "a step with no choice"
    const flags = state.context.flags;
    if (offeredChoices(machine, definition, state).length === 0) {
      problems.push({
        ...step.position,
        message: `I trinnet "${step.id}" (${describeFlags(flags)}) tilbydes intet valg, fordi alle valg kræver flag, der ikke er sat. Giv trinnet et valg uden requires.`,
      });
      reported.add(step.id);
      continue;
    }
    if (!canFinish.has(key) && !reported.has(step.id)) {
      problems.push({
        ...step.position,
        message: `Fra trinnet "${step.id}" (${describeFlags(flags)}) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.`,
      });
      reported.add(step.id);
    }
  }
  return problems;
}

export interface BestPath {
  /** The highest score any way from start to an outcome can reach. */
  maxScore: number;
  /** The choices of one way that reaches it, in order. */
  choices: { stepId: string; choiceId: string }[];
  outcomeId: string;
}

/** Guards the content check against a case too large to search exhaustively. */
const MAX_SEARCH_STATES = 200_000;

/**
 * The maximum score: a search over (place, flags, choices made) — the whole state that decides
 * what the rest of a way can still earn — stepping the machine itself. Loops that earn nothing
 * end the branch, so the search terminates.
 */
export function findBestPath(machine: CaseMachine, definition: CaseDefinition): BestPath | null {
  type Result = { value: number; path: { stepId: string; choiceId: string }[]; outcomeId: string } | null;
  const memo = new Map<string, Result>();
  const onPath = new Map<string, number>();
  let visited = 0;

  const keyOf = (snapshot: CaseSnapshot) =>
    `${serializeSituation(snapshot)}|${[...snapshot.context.made].sort().join(" ")}`;

  // Returns the best continuation and the lowest depth of an ancestor it ran into (a loop);
  // results that depend on an ancestor still being searched are not memoised.
  const search = (snapshot: CaseSnapshot, depth: number): { result: Result; loopsTo: number } => {
    const key = keyOf(snapshot);
    if (memo.has(key)) return { result: memo.get(key)!, loopsTo: Infinity };
    const ancestorDepth = onPath.get(key);
    if (ancestorDepth !== undefined) return { result: null, loopsTo: ancestorDepth };
    if (++visited > MAX_SEARCH_STATES) throw new CaseTooLargeError();
    if (snapshot.status === "done") {
      const result = { value: 0, path: [], outcomeId: currentPlace(snapshot) };
      memo.set(key, result);
      return { result, loopsTo: Infinity };
    }
    onPath.set(key, depth);
    let best: Result = null;
    let loopsTo = Infinity;
    const stepId = currentPlace(snapshot);
    for (const choice of offeredChoices(machine, definition, snapshot)) {
      const next = nextSnapshot(machine, snapshot, choice.id);
      const earned = next.context.score - snapshot.context.score;
      const child = search(next, depth + 1);
      loopsTo = Math.min(loopsTo, child.loopsTo);
      if (child.result && (!best || earned + child.result.value > best.value)) {
        best = {
          value: earned + child.result.value,
          path: [{ stepId, choiceId: choice.id }, ...child.result.path],
          outcomeId: child.result.outcomeId,
        };
      }
    }
    onPath.delete(key);
    if (loopsTo >= depth) memo.set(key, best);
    return { result: best, loopsTo: loopsTo >= depth ? Infinity : loopsTo };
  };

  const { result } = search(initialSnapshot(machine), 0);
  return result ? { maxScore: result.value, choices: result.path, outcomeId: result.outcomeId } : null;
}

export class CaseTooLargeError extends Error {
  constructor() {
    super("Casen har for mange mulige forløb til at beregne den højeste score.");
  }
}

/** One shortest way (a list of choice ids) to each outcome that can be reached. */
export function pathsToOutcomes(machine: CaseMachine, definition: CaseDefinition): Map<string, string[]> {
  const paths = getShortestPaths(machine, {
    ...traversalOptions(definition),
    toState: (snapshot: CaseSnapshot) => snapshot.status === "done",
  });
  const byOutcome = new Map<string, string[]>();
  for (const path of paths) {
    const outcome = currentPlace(path.state);
    const choices = path.steps.flatMap((step) => (step.event.type === "CHOOSE" ? [step.event.choiceId] : []));
    const known = byOutcome.get(outcome);
    if (!known || choices.length < known.length) byOutcome.set(outcome, choices);
  }
  return byOutcome;
}

/** Replays choice ids from the start; returns the final snapshot. Throws if a choice is refused. */
export function replay(machine: CaseMachine, choiceIds: string[]): CaseSnapshot {
  let snapshot = initialSnapshot(machine);
  for (const choiceId of choiceIds) {
    if (!snapshot.can(chooseEvent(choiceId))) {
      throw new Error(`Valget "${choiceId}" tilbydes ikke i "${currentPlace(snapshot)}"`);
    }
    snapshot = nextSnapshot(machine, snapshot, choiceId);
  }
  return snapshot;
}
