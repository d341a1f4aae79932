/**
 * What can happen in a case, computed over its *situations*: a situation is the place (step or
 * outcome), the flags set, and the choices that have already earned their points. The graph
 * rules of the content check (reachability, stuck situations, dead ends), the maximum score and
 * a way to reach it are all read from the graph of situations, each situation visited once —
 * never by enumerating paths, whose number grows with every order a learner may take.
 *
 * Two facts keep that graph small. A flag matters only while a choice that requires it can still
 * be reached, and a scored choice only while it can still be made again; so each situation keeps
 * only those (the future of a situation does not depend on the rest). And a loop can never earn
 * points (a choice pays only once, and what a learner has done never shrinks), so the best score
 * is a longest path over the graph's strongly connected components, found in linear time.
 *
 * The semantics are those of the case machine (`./machine`): the tests check that both agree.
 */
import { getShortestPaths } from "xstate/graph";
import type { Problem } from "~/content/mdx-tree";
import type { CaseResult } from "~/content/vocabulary";
import type { CaseDefinition, CaseStep } from "./content";
import {
  chooseEvent,
  currentPlace,
  initialSnapshot,
  nextSnapshot,
  stepEvents,
  type CaseMachine,
  type CaseSnapshot,
} from "./machine";

/** Above this many situations a case is refused: the check would take too long and too much memory. */
export const MAX_SITUATIONS = 1_000_000;

export interface BestPath {
  /** The highest score any way from start to an outcome can reach. */
  maxScore: number;
  /** The choices of one way that reaches it, in order. */
  choices: { stepId: string; choiceId: string }[];
  outcomeId: string;
}

export interface CaseAnalysis {
  /** Situations a learner can reach, counting the flags and scored choices that still matter. */
  situationCount: number;
  /** The case has more than MAX_SITUATIONS situations: nothing below was computed. */
  tooLarge: boolean;
  /** Steps and outcomes some way from start leads to. */
  reachedPlaces: Set<string>;
  /** Steps where a learner can get stuck: no choice offered, or no outcome reachable any more. */
  deadEndSteps: Set<string>;
  /** The graph rules' problems, the too-large problem, and a best path that does not end korrekt. */
  problems: Problem[];
  /** Null when no outcome can be reached at all, or the case is too large. */
  best: BestPath | null;
  /** The problem among `problems` that says the best path does not end korrekt, if it does not. */
  bestPathProblem: Problem | null;
}

// ---- The case, compiled for the search: places by number, flag sets and scored choices as bits.

interface SearchChoice {
  id: string;
  /** Index of the target place; -1 when `to` names nothing (reported by the structure rules). */
  to: number;
  points: number;
  requires: bigint;
  sets: bigint;
  /** The bit of this choice among the scored ones (points > 0), or 0n. */
  scoredBit: bigint;
}

interface SearchCase {
  placeIds: string[];
  stepCount: number;
  start: number;
  steps: CaseStep[];
  results: CaseResult[];
  choices: SearchChoice[][];
  flagNames: string[];
  /** Per place: the flags some choice reachable from it requires. */
  relevantFlags: bigint[];
  /** Per place: the scored choices reachable from it. */
  relevantScored: bigint[];
}

const bit = (index: number) => 1n << BigInt(index);

function compileForSearch(definition: CaseDefinition): SearchCase {
  const placeIds = [...definition.steps.map((s) => s.id), ...definition.outcomes.map((o) => o.id)];
  const placeIndex = new Map<string, number>();
  placeIds.forEach((id, index) => {
    if (!placeIndex.has(id)) placeIndex.set(id, index); // a duplicate id is reported elsewhere
  });
  const flagIndex = new Map<string, number>();
  const flagsOf = (names: string[]) =>
    names.reduce((mask, name) => {
      if (!flagIndex.has(name)) flagIndex.set(name, flagIndex.size);
      return mask | bit(flagIndex.get(name)!);
    }, 0n);
  let scoredCount = 0;
  const choices = definition.steps.map((step) =>
    step.choices.map((choice): SearchChoice => ({
      id: choice.id,
      to: placeIndex.get(choice.to) ?? -1,
      points: choice.points,
      requires: flagsOf(choice.requires),
      sets: flagsOf(choice.sets),
      scoredBit: choice.points > 0 ? bit(scoredCount++) : 0n,
    })),
  );
  const stepCount = definition.steps.length;

  // What each place can still lead to, ignoring `requires` (a safe over-approximation).
  const relevantFlags: bigint[] = [];
  const relevantScored: bigint[] = [];
  for (let place = 0; place < placeIds.length; place++) {
    const seen = new Set([place]);
    const queue = [place];
    let flags = 0n;
    let scored = 0n;
    while (queue.length > 0) {
      const current = queue.pop()!;
      for (const choice of choices[current] ?? []) {
        flags |= choice.requires;
        scored |= choice.scoredBit;
        if (choice.to >= 0 && !seen.has(choice.to)) {
          seen.add(choice.to);
          queue.push(choice.to);
        }
      }
    }
    relevantFlags.push(flags);
    relevantScored.push(scored);
  }
  return {
    placeIds,
    stepCount,
    start: definition.steps.findIndex((step) => step.id === definition.start),
    steps: definition.steps,
    results: definition.outcomes.map((o) => o.result),
    choices,
    flagNames: [...flagIndex.keys()],
    relevantFlags,
    relevantScored,
  };
}

// ---- The graph of situations, explored breadth first from start.

interface SituationGraph {
  place: number[];
  flags: bigint[];
  /** Choices offered in each situation (their `requires` met), whether or not their target exists. */
  offered: number[];
  /** An offered choice leads to no place (its `to` is reported as unknown): not a dead end of its own. */
  broken: boolean[];
  /** Edges of situation i: edgeStart[i] … edgeStart[i + 1] - 1. */
  edgeStart: number[];
  edgeTarget: number[];
  edgeChoice: number[];
  edgeReward: number[];
}

class TooManySituations extends Error {}

function exploreSituations(search: SearchCase, trackScored: boolean): SituationGraph {
  const graph: SituationGraph = {
    place: [],
    flags: [],
    offered: [],
    broken: [],
    edgeStart: [],
    edgeTarget: [],
    edgeChoice: [],
    edgeReward: [],
  };
  const scored: bigint[] = [];
  const index = new Map<string, number>();
  const add = (place: number, flags: bigint, made: bigint): number => {
    const key = `${place} ${flags} ${made}`;
    const known = index.get(key);
    if (known !== undefined) return known;
    if (graph.place.length >= MAX_SITUATIONS) throw new TooManySituations();
    index.set(key, graph.place.length);
    graph.place.push(place);
    graph.flags.push(flags);
    scored.push(made);
    return graph.place.length - 1;
  };
  add(search.start, 0n, 0n);
  for (let situation = 0; situation < graph.place.length; situation++) {
    graph.edgeStart.push(graph.edgeTarget.length);
    const place = graph.place[situation]!;
    const flags = graph.flags[situation]!;
    const made = scored[situation]!;
    let offered = 0;
    let broken = false;
    for (const [choiceIndex, choice] of (search.choices[place] ?? []).entries()) {
      if ((choice.requires & flags) !== choice.requires) continue;
      offered++;
      if (choice.to < 0) {
        broken = true;
        continue;
      }
      const firstTime = (made & choice.scoredBit) === 0n;
      const nextMade = trackScored ? (made | choice.scoredBit) & search.relevantScored[choice.to]! : 0n;
      const target = add(choice.to, (flags | choice.sets) & search.relevantFlags[choice.to]!, nextMade);
      graph.edgeTarget.push(target);
      graph.edgeChoice.push(choiceIndex);
      graph.edgeReward.push(firstTime ? choice.points : 0);
    }
    graph.offered.push(offered);
    graph.broken.push(broken);
  }
  graph.edgeStart.push(graph.edgeTarget.length);
  return graph;
}

const isOutcome = (search: SearchCase, place: number) => place >= search.stepCount;

// ---- The graph rules.

const describeFlags = (flags: string[]) =>
  flags.length === 0 ? "uden flag sat" : `med ${flags.length === 1 ? "flaget" : "flagene"} ${flags.join(", ")} sat`;

function flagNames(search: SearchCase, flags: bigint): string[] {
  return search.flagNames.filter((_, index) => (flags & bit(index)) !== 0n).sort();
}

function graphRules(search: SearchCase, graph: SituationGraph, definition: CaseDefinition) {
  const count = graph.place.length;
  const reachedPlaces = new Set(graph.place.map((place) => search.placeIds[place]!));

  // Which situations can still reach an outcome: walk the edges backwards from the outcomes. A step
  // without choices and a choice whose `to` names nothing are reported on their own; counting them as
  // ways out keeps them from making every step before them a dead end too.
  const incoming: number[][] = Array.from({ length: count }, () => []);
  for (let from = 0; from < count; from++) {
    for (let edge = graph.edgeStart[from]!; edge < graph.edgeStart[from + 1]!; edge++) {
      incoming[graph.edgeTarget[edge]!]!.push(from);
    }
  }
  const canFinish = new Uint8Array(count);
  const queue: number[] = [];
  for (let situation = 0; situation < count; situation++) {
    const place = graph.place[situation]!;
    if (isOutcome(search, place) || search.choices[place]!.length === 0 || graph.broken[situation]) {
      canFinish[situation] = 1;
      queue.push(situation);
    }
  }
  while (queue.length > 0) {
    for (const previous of incoming[queue.pop()!]!) {
      if (!canFinish[previous]) {
        canFinish[previous] = 1;
        queue.push(previous);
      }
    }
  }

  const problems: Problem[] = [];
  for (const step of definition.steps) {
    if (!reachedPlaces.has(step.id)) {
      problems.push({
        ...step.position,
        message: `Trinnet "${step.id}" kan ikke nås fra start ("${definition.start}"): intet valg, som kursisten kan træffe, fører hertil.`,
      });
    }
  }
  const deadEndSteps = new Set<string>();
  for (let situation = 0; situation < count; situation++) {
    const place = graph.place[situation]!;
    if (isOutcome(search, place)) continue;
    const step = search.steps[place]!;
    if (step.choices.length === 0) {
      deadEndSteps.add(step.id); // reported as "a step with no choice"
      continue;
    }
    if (deadEndSteps.has(step.id)) continue;
    const flags = describeFlags(flagNames(search, graph.flags[situation]!));
    if (graph.offered[situation] === 0) {
      problems.push({
        ...step.position,
        message: `I trinnet "${step.id}" (${flags}) tilbydes intet valg, fordi alle valg kræver flag, der ikke er sat. Giv trinnet et valg uden requires.`,
      });
      deadEndSteps.add(step.id);
    } else if (!canFinish[situation]) {
      problems.push({
        ...step.position,
        message: `Fra trinnet "${step.id}" (${flags}) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.`,
      });
      deadEndSteps.add(step.id);
    }
  }
  return { reachedPlaces, deadEndSteps, problems };
}

// ---- The best path: a longest path over the strongly connected components (Tarjan, iterative).

const RESULT_RANK: Record<CaseResult, number> = { forkert: 0, delvist: 1, korrekt: 2 };

interface Value {
  score: number;
  /** Among equal scores the better result wins, so a tie never hides a korrekt ending. */
  rank: number;
}
const better = (a: Value, b: Value | null) => !b || a.score > b.score || (a.score === b.score && a.rank > b.rank);

function bestPath(search: SearchCase, graph: SituationGraph): BestPath | null {
  const count = graph.place.length;
  const component = new Int32Array(count).fill(-1);
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  /** Per component: its value and where its best way out leaves it (an edge, or -1 at an outcome). */
  const values: (Value | null)[] = [];
  const exits: { from: number; edge: number }[] = [];
  let counter = 0;

  const finishComponent = (root: number) => {
    const members: number[] = [];
    let member: number;
    do {
      member = stack.pop()!;
      onStack[member] = 0;
      component[member] = values.length;
      members.push(member);
    } while (member !== root);
    const id = values.length;
    let value: Value | null = null;
    let exit = { from: -1, edge: -1 };
    for (const situation of members) {
      const place = graph.place[situation]!;
      if (isOutcome(search, place)) {
        const candidate = { score: 0, rank: RESULT_RANK[search.results[place - search.stepCount]!] };
        if (better(candidate, value)) [value, exit] = [candidate, { from: situation, edge: -1 }];
        continue;
      }
      for (let edge = graph.edgeStart[situation]!; edge < graph.edgeStart[situation + 1]!; edge++) {
        const targetComponent = component[graph.edgeTarget[edge]!]!;
        if (targetComponent === id) continue; // within the loop: earns nothing (see the module comment)
        const after = values[targetComponent];
        if (!after) continue;
        const candidate = { score: graph.edgeReward[edge]! + after.score, rank: after.rank };
        if (better(candidate, value)) [value, exit] = [candidate, { from: situation, edge }];
      }
    }
    values.push(value);
    exits.push(exit);
  };

  // Iterative Tarjan: a deep case must not overflow the call stack.
  const visit = (root: number) => {
    const work: { node: number; edge: number }[] = [{ node: root, edge: graph.edgeStart[root]! }];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.edge < graph.edgeStart[frame.node + 1]!) {
        const target = graph.edgeTarget[frame.edge++]!;
        if (order[target] === -1) {
          order[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push({ node: target, edge: graph.edgeStart[target]! });
        } else if (onStack[target]) {
          low[frame.node] = Math.min(low[frame.node]!, order[target]!);
        }
        continue;
      }
      work.pop();
      if (low[frame.node] === order[frame.node]) finishComponent(frame.node);
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
    }
  };
  visit(0);

  const startValue = values[component[0]!];
  if (!startValue) return null;

  // Walk it: inside a component, the shortest way to the situation its best exit leaves from.
  const choices: BestPath["choices"] = [];
  const take = (from: number, edge: number) =>
    choices.push({
      stepId: search.placeIds[graph.place[from]!]!,
      choiceId: search.choices[graph.place[from]!]![graph.edgeChoice[edge]!]!.id,
    });
  let current = 0;
  for (;;) {
    const id = component[current]!;
    const exit = exits[id]!;
    if (exit.from !== current) {
      const previous = new Map<number, { from: number; edge: number }>([[current, { from: -1, edge: -1 }]]);
      const queue = [current];
      while (!previous.has(exit.from)) {
        const from = queue.shift()!;
        for (let edge = graph.edgeStart[from]!; edge < graph.edgeStart[from + 1]!; edge++) {
          const target = graph.edgeTarget[edge]!;
          if (component[target] === id && !previous.has(target)) {
            previous.set(target, { from, edge });
            queue.push(target);
          }
        }
      }
      const route: { from: number; edge: number }[] = [];
      for (let at = exit.from; at !== current; at = previous.get(at)!.from) route.unshift(previous.get(at)!);
      route.forEach(({ from, edge }) => take(from, edge));
    }
    if (exit.edge === -1) {
      return { maxScore: startValue.score, choices, outcomeId: search.placeIds[graph.place[exit.from]!]! };
    }
    take(exit.from, exit.edge);
    current = graph.edgeTarget[exit.edge]!;
  }
}

// ---- The entry points.

const describePath = (best: BestPath) =>
  [...best.choices.map((c) => `${c.stepId} → ${c.choiceId}`), best.outcomeId].join(" → ");

const tooLargeMessage =
  `Casen har over ${MAX_SITUATIONS.toLocaleString("da-DK")} mulige situationer (trin × flag, der er sat × valg, der har givet point), ` +
  "så den kan ikke kontrolleres. Del casen op i flere, eller brug færre flag og færre valg med point i de dele, kursisten kan vende tilbage til.";

/** Everything the content check and the author's map need to know about a case's graph. */
export function analyseCase(definition: CaseDefinition): CaseAnalysis {
  const search = compileForSearch(definition);
  const empty = {
    reachedPlaces: new Set<string>(),
    deadEndSteps: new Set<string>(),
    best: null,
    bestPathProblem: null,
  };
  if (search.start < 0) return { ...empty, situationCount: 0, tooLarge: false, problems: [] }; // start is reported elsewhere
  const position = definition.steps[search.start]!.position;
  try {
    // The rules need only place and flags; the score needs the scored choices too.
    const rulesGraph = exploreSituations(search, false);
    const rules = graphRules(search, rulesGraph, definition);
    const scoreGraph = exploreSituations(search, true);
    const best = bestPath(search, scoreGraph);
    let bestPathProblem: Problem | null = null;
    if (best && rules.problems.length === 0) {
      const outcome = definition.outcomes.find((o) => o.id === best.outcomeId)!;
      if (outcome.result !== "korrekt") {
        bestPathProblem = {
          ...outcome.position,
          message:
            `Den bedste vej gennem casen (${best.maxScore} point) ender i afslutningen "${outcome.id}" med result="${outcome.result}", ` +
            `men den skal ende i en afslutning med result="korrekt". Vejen: ${describePath(best)}. ` +
            "Giv flere point til valgene mod den korrekte afslutning, eller færre til valgene på denne vej.",
        };
      }
    }
    const problems = bestPathProblem ? [...rules.problems, bestPathProblem] : rules.problems;
    return { situationCount: scoreGraph.place.length, tooLarge: false, ...rules, problems, best, bestPathProblem };
  } catch (error) {
    if (!(error instanceof TooManySituations)) throw error;
    return {
      ...empty,
      situationCount: MAX_SITUATIONS,
      tooLarge: true,
      problems: [{ ...position, message: tooLargeMessage }],
    };
  }
}

/** The graph rules of the content format and the rule that the best path ends korrekt. */
export function checkCaseGraph(definition: CaseDefinition): Problem[] {
  return analyseCase(definition).problems;
}

/** The maximum score and one way to reach it; null when no outcome can be reached or the case is too large. */
export function findBestPath(definition: CaseDefinition): BestPath | null {
  return analyseCase(definition).best;
}

// ---- On the machine itself (xstate/graph): ways to each outcome, for tests and generated data.

/** A situation for xstate/graph: the place plus the flags (the score would never let it terminate). */
const serializeSituation = (snapshot: CaseSnapshot) => `${currentPlace(snapshot)}|${snapshot.context.flags.join(" ")}`;

/** One shortest way (a list of choice ids) to each outcome that can be reached. */
export function pathsToOutcomes(machine: CaseMachine, definition: CaseDefinition): Map<string, string[]> {
  const paths = getShortestPaths(machine, {
    events: (snapshot: CaseSnapshot) => stepEvents(definition, snapshot),
    serializeState: serializeSituation,
    serializeEvent: (event) => (event.type === "CHOOSE" ? `CHOOSE:${event.choiceId}` : event.type),
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
