import { expect, test } from "vitest";
import { getAdjacencyMap } from "xstate/graph";
import type { CaseDefinition } from "~/activities/case/content";
import { analyseCase, checkCaseGraph, findBestPath, pathsToOutcomes, replay } from "./analysis";
import { createCaseMachine, currentPlace, initialSnapshot, stepEvents, type CaseSnapshot } from "./machine";
import { choice, outcome, sampleCase, step } from "./test-cases";

test("the maximum score is the best way to an outcome, and its path ends there", () => {
  const machine = createCaseMachine(sampleCase);
  const best = findBestPath(sampleCase);
  expect(best).toEqual({
    maxScore: 5,
    outcomeId: "good",
    choices: [
      { stepId: "start", choiceId: "investigate" },
      { stepId: "investigated", choiceId: "decide-well" },
    ],
  });
  const end = replay(
    machine,
    best!.choices.map((c) => c.choiceId),
  );
  expect(end.context.score).toBe(5);
});

test("a detour that collects points on the way counts towards the maximum, each choice once", () => {
  // Visiting "side" earns 4 before finishing; looping through it again earns nothing more.
  const definition = {
    start: "a",
    steps: [
      step("a", [choice("side", { points: 4 }), choice("end", { id: "finish", points: 1 })]),
      step("side", [choice("a", { id: "back" })]),
    ],
    outcomes: [outcome("end", "korrekt")],
  };
  expect(findBestPath(definition)?.maxScore).toBe(5);
  expect(findBestPath(definition)?.choices.map((c) => c.choiceId)).toEqual(["side", "back", "finish"]);
});

test("a flag that opens a better choice later is part of the best way", () => {
  const definition = {
    start: "a",
    steps: [
      step("a", [choice("b", { id: "check", points: 0, sets: ["checked"] }), choice("b", { id: "skip", points: 1 })]),
      step("b", [choice("win", { points: 5, requires: ["checked"] }), choice("lose", { points: 0 })]),
    ],
    outcomes: [outcome("win", "korrekt"), outcome("lose", "forkert")],
  };
  expect(findBestPath(definition)).toMatchObject({ maxScore: 5, outcomeId: "win" });
});

test("one shortest way to each outcome is found on the machine", () => {
  const machine = createCaseMachine(sampleCase);
  const paths = pathsToOutcomes(machine, sampleCase);
  expect(Object.fromEntries(paths)).toEqual({
    remitted: ["decide-now"],
    partial: ["investigate", "decide-badly"],
    good: ["investigate", "decide-well"],
  });
  for (const [outcomeId, choices] of paths) {
    expect(String(replay(machine, choices).value)).toBe(outcomeId);
  }
});

test("a sound case passes the graph checks", () => {
  expect(checkCaseGraph(sampleCase)).toEqual([]);
});

test("a loop that earns nothing does not stop the search, and every choice pays only once", () => {
  // a ⇄ b forever, or on to the end; going round again earns nothing more.
  const definition = {
    start: "a",
    steps: [
      step("a", [choice("b", { points: 2 }), choice("end", { points: 1 })]),
      step("b", [choice("a", { id: "back", points: 3 }), choice("end", { id: "finish" })]),
    ],
    outcomes: [outcome("end", "korrekt")],
  };
  expect(findBestPath(definition)).toEqual({
    maxScore: 6,
    outcomeId: "end",
    choices: [
      { stepId: "a", choiceId: "b" },
      { stepId: "b", choiceId: "back" },
      { stepId: "a", choiceId: "end" },
    ],
  });
});

test("of two ways with the same score, the best path is the one that ends korrekt", () => {
  const definition = {
    start: "a",
    steps: [step("a", [choice("lose", { points: 2 }), choice("win", { points: 2 })])],
    outcomes: [outcome("lose", "forkert"), outcome("win", "korrekt")],
  };
  expect(findBestPath(definition)?.outcomeId).toBe("win");
  expect(checkCaseGraph(definition)).toEqual([]);
});

test("a best path that ends forkert is an error that names the path and its score", () => {
  const definition = {
    start: "a",
    steps: [step("a", [choice("lose", { id: "afslag", points: 5 }), choice("win", { id: "bevil", points: 2 })])],
    outcomes: [outcome("lose", "forkert"), outcome("win", "korrekt")],
  };
  expect(checkCaseGraph(definition).map((p) => p.message)).toEqual([
    'Den bedste vej gennem casen (5 point) ender i afslutningen "lose" med result="forkert", men den skal ende i en afslutning med result="korrekt". Vejen: a → afslag → lose. Giv flere point til valgene mod den korrekte afslutning, eller færre til valgene på denne vej.',
  ]);
});

test("a case with more than a million situations is refused with a message that says why", () => {
  // 21 investigations in any order, each returning to the hub: 2^21 sets of investigations made.
  const count = 21;
  const definition = {
    start: "hub",
    steps: [
      step("hub", [
        ...Array.from({ length: count }, (_, i) => choice(`u${i}`, { points: 1 })),
        choice("end", { id: "finish" }),
      ]),
      ...Array.from({ length: count }, (_, i) => step(`u${i}`, [choice("hub", { id: "back" })])),
    ],
    outcomes: [outcome("end", "korrekt")],
  };
  const analysis = analyseCase(definition);
  expect(analysis.tooLarge).toBe(true);
  expect(analysis.best).toBeNull();
  expect(analysis.problems.map((p) => p.message)).toEqual([
    expect.stringMatching(/^Casen har over 1\.000\.000 mulige situationer/),
  ]);
});

// ---- The analysis agrees with the machine: random small cases, searched exhaustively on XState.

/** A small pseudo-random generator, so a failing case can be reproduced from its seed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomCase(seed: number): CaseDefinition {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const stepIds = ["s0", "s1", "s2", "s3", "s4"].slice(0, 2 + Math.floor(next() * 4));
  const outcomes = [outcome("o1", "korrekt"), outcome("o2", "forkert"), outcome("o3", "delvist")];
  const places = [...stepIds, ...outcomes.map((o) => o.id)];
  const flags = ["x", "y", "z"];
  return {
    start: "s0",
    steps: stepIds.map((id) =>
      step(
        id,
        Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) =>
          choice(pick(places), {
            id: `c${i}`,
            points: pick([0, 0, 1, 2, 3]),
            sets: next() < 0.3 ? [pick(flags)] : [],
            requires: next() < 0.3 ? [pick(flags)] : [],
          }),
        ),
      ),
    ),
    outcomes,
  };
}

/** Every situation (place, flags, choices made: nothing projected away), by stepping the machine. */
const fullKey = (s: CaseSnapshot) =>
  `${currentPlace(s)}|${s.context.flags.join(" ")}|${[...s.context.made].sort().join(" ")}`;

function machineGraph(definition: CaseDefinition) {
  const machine = createCaseMachine(definition);
  const map = getAdjacencyMap(machine, {
    events: (s: CaseSnapshot) => stepEvents(definition, s),
    serializeState: fullKey,
    serializeEvent: (e) => JSON.stringify(e),
  });
  const entries = new Map(Object.entries(map) as [string, { state: CaseSnapshot; transitions: object }][]);
  const states = new Map([...entries].map(([key, entry]) => [key, entry.state]));
  const successors = (key: string) =>
    (Object.values(entries.get(key)!.transitions) as { state: CaseSnapshot }[]).map((t) => fullKey(t.state));
  return { states, successors, startKey: fullKey(initialSnapshot(machine)) };
}

/** The best score by brute force: every simple path through the machine's own situations. */
function bruteForceBest(definition: CaseDefinition): number | null {
  const { states, successors, startKey } = machineGraph(definition);
  const onPath = new Set<string>();
  const best = (key: string): number | null => {
    const state = states.get(key)!;
    if (state.status === "done") return 0;
    onPath.add(key);
    let value: number | null = null;
    for (const next of successors(key)) {
      if (onPath.has(next)) continue;
      const rest = best(next);
      if (rest !== null)
        value = Math.max(value ?? -Infinity, states.get(next)!.context.score - state.context.score + rest);
    }
    onPath.delete(key);
    return value;
  };
  return best(startKey);
}

test.each(Array.from({ length: 60 }, (_, i) => i + 1))(
  "random case %i: reachable steps, dead ends, maximum score and best path agree with the machine",
  (seed) => {
    const definition = randomCase(seed);
    const machine = createCaseMachine(definition);
    const analysis = analyseCase(definition);
    const { states, successors } = machineGraph(definition);
    expect(analysis.reachedPlaces).toEqual(new Set([...states.values()].map(currentPlace)));
    expect(analysis.best?.maxScore ?? null).toBe(bruteForceBest(definition));
    if (analysis.best) {
      const end = replay(
        machine,
        analysis.best.choices.map((c) => c.choiceId),
      );
      expect(end.status).toBe("done");
      expect(currentPlace(end)).toBe(analysis.best.outcomeId);
      expect(end.context.score).toBe(analysis.best.maxScore);
    }
    // A step is a dead end when some situation in it cannot reach an outcome (or offers nothing).
    const finishing = new Set([...states].filter(([, state]) => state.status === "done").map(([key]) => key));
    for (let grew = true; grew;) {
      grew = false;
      for (const key of states.keys()) {
        if (!finishing.has(key) && successors(key).some((next) => finishing.has(next))) {
          finishing.add(key);
          grew = true;
        }
      }
    }
    const stuck = new Set(
      [...states]
        .filter(([key, state]) => state.status !== "done" && !finishing.has(key))
        .map(([, state]) => currentPlace(state)),
    );
    for (const s of definition.steps) if (s.choices.length === 0 && analysis.reachedPlaces.has(s.id)) stuck.add(s.id);
    expect(analysis.deadEndSteps).toEqual(stuck);
  },
);
