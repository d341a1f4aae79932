import { expect, test } from "vitest";
import { decide, judgeChoice } from "./decide";
import { createCaseMachine, startPersisted } from "./machine";
import { choice, outcome, sampleCase, step } from "./test-cases";

const machine = createCaseMachine(sampleCase);
/** As the database gives it back: JSON. */
const stored = (value: unknown) => JSON.parse(JSON.stringify(value));

function play(values: string[]) {
  let persisted: unknown = stored(startPersisted(machine));
  const decisions = [];
  for (const value of values) {
    const decision = decide(machine, sampleCase, persisted, value);
    if (!decision.ok) throw new Error(`refused ${value}: ${decision.reason}`);
    decisions.push(decision);
    persisted = stored(decision.persisted);
  }
  return decisions;
}

test("a choice gives the next snapshot to store and its decision row, judged best when nothing offered had more points", () => {
  const [first] = play(["0"]);
  expect(first).toMatchObject({ ok: true, place: "investigated", score: 2, finished: false, outcome: null });
  expect(first!.decision).toEqual({
    stepId: "start",
    choiceId: "investigate",
    targetId: "investigated",
    points: 2,
    choicePoints: 2,
    wasBest: true,
    bestChoiceId: "investigate",
    topic: "sagsoplysning",
    phase: "opstart",
  });
});

test("a weaker choice names the better one offered at that moment, and an outcome ends the case", () => {
  const [decision] = play(["1"]);
  expect(decision).toMatchObject({ place: "remitted", finished: true, outcome: { id: "remitted", result: "forkert" } });
  expect(decision!.decision).toMatchObject({
    choiceId: "decide-now",
    points: 0,
    wasBest: false,
    bestChoiceId: "investigate",
  });
});

test("a choice made again earns nothing the second time but is still judged by its points", () => {
  const decisions = play(["0", "2", "0"]);
  expect(decisions.map((d) => [d.decision.choiceId, d.decision.points, d.decision.wasBest])).toEqual([
    ["investigate", 2, true],
    ["back", 0, false],
    ["investigate", 0, true],
  ]);
  expect(decisions.at(-1)!.score).toBe(2);
  // At "investigated" the better choice needs the flag that investigating set: it counts as offered.
  expect(decisions[1]!.decision.bestChoiceId).toBe("decide-well");
});

test("a value that names no choice, a choice whose requires are unmet and a finished case decide nothing", () => {
  const start = stored(startPersisted(machine));
  expect(decide(machine, sampleCase, start, "7")).toEqual({ ok: false, reason: "unknown-choice" });
  expect(decide(machine, sampleCase, start, "investigate")).toEqual({ ok: false, reason: "unknown-choice" });

  const gated = {
    start: "s",
    steps: [step("s", [choice("end", { id: "flagged", requires: ["x"] }), choice("end", { id: "plain" })])],
    outcomes: [outcome("end", "korrekt" as const)],
  };
  const gatedMachine = createCaseMachine(gated);
  expect(decide(gatedMachine, gated, stored(startPersisted(gatedMachine)), "0")).toEqual({
    ok: false,
    reason: "not-offered",
  });

  const [finished] = play(["1"]);
  expect(decide(machine, sampleCase, stored(finished!.persisted), "0")).toEqual({
    ok: false,
    reason: "unknown-choice",
  });
});

test("the verdict: equal points count as best; otherwise the first offered choice with the most points", () => {
  const a = choice("x", { id: "a", points: 2 });
  const b = choice("x", { id: "b", points: 3 });
  const c = choice("x", { id: "c", points: 3 });
  expect(judgeChoice(c, [a, b, c])).toEqual({ wasBest: true, bestChoiceId: "c" });
  expect(judgeChoice(a, [a, b, c])).toEqual({ wasBest: false, bestChoiceId: "b" });
});
