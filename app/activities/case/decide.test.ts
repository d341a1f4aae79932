import { expect, test } from "vitest";
import type { CaseDefinition } from "./content";
import { decide, shownChoices } from "./decide";
import {
  createCaseMachine,
  currentPlace,
  findStep,
  offeredChoices,
  restoreSnapshot,
  startPersisted,
  type CaseMachine,
} from "./machine";
import { choice, outcome, sampleCase, step } from "./test-cases";

const machine = createCaseMachine(sampleCase);
/** As the database gives it back: JSON. */
const stored = (value: unknown) => JSON.parse(JSON.stringify(value));

/** The value the button showing `choiceId` posts in this attempt: its position in the shown order. */
function valueFor(
  on: CaseMachine,
  definition: CaseDefinition,
  attemptId: string,
  persisted: unknown,
  choiceId: string,
) {
  const snapshot = restoreSnapshot(on, persisted);
  const shown = shownChoices(
    attemptId,
    findStep(definition, currentPlace(snapshot))!,
    offeredChoices(on, definition, snapshot),
  );
  const position = shown.findIndex((c) => c.id === choiceId);
  if (position < 0) throw new Error(`${choiceId} is not shown`);
  return String(position);
}

function play(choiceIds: string[], definition = sampleCase, on = machine, attemptId = "attempt-1") {
  let persisted: unknown = stored(startPersisted(on));
  const decisions = [];
  for (const choiceId of choiceIds) {
    const decision = decide(
      on,
      definition,
      { id: attemptId, snapshot: persisted },
      valueFor(on, definition, attemptId, persisted, choiceId),
    );
    if (!decision.ok) throw new Error(`refused ${choiceId}: ${decision.reason}`);
    decisions.push(decision);
    persisted = stored(decision.persisted);
  }
  return decisions;
}

test("a choice gives the next snapshot to store and its decision row, with the review's verdict", () => {
  const [first] = play(["investigate"]);
  expect(first).toMatchObject({ ok: true, place: "investigated", score: 2, finished: false, outcome: null });
  expect(first!.decision).toEqual({
    stepId: "start",
    choiceId: "investigate",
    targetId: "investigated",
    points: 2,
    choicePoints: 2,
    verdict: "best",
    wasBest: true,
    bestChoiceId: "investigate",
    topic: "sagsoplysning",
    phase: "opstart",
  });
});

test("a weaker choice names the best one, and an outcome ends the case", () => {
  const [decision] = play(["decide-now"]);
  expect(decision).toMatchObject({ place: "remitted", finished: true, outcome: { id: "remitted", result: "forkert" } });
  expect(decision!.decision).toMatchObject({
    choiceId: "decide-now",
    points: 0,
    verdict: "not-best",
    wasBest: false,
    bestChoiceId: "investigate",
  });
});

test("a choice made again earns nothing the second time but is judged by the same rule", () => {
  const decisions = play(["investigate", "back", "investigate", "decide-badly"]);
  expect(decisions.map((d) => [d.decision.choiceId, d.decision.points, d.decision.verdict])).toEqual([
    ["investigate", 2, "best"],
    ["back", 0, "not-best"],
    ["investigate", 0, "best"],
    ["decide-badly", 1, "partial"],
  ]);
  expect(decisions.at(-1)!.score).toBe(3);
  expect(decisions[1]!.decision.bestChoiceId).toBe("decide-well");
});

test("a choice that leads to forkert is never stored as best, even when every choice scores 0", () => {
  const zero: CaseDefinition = {
    start: "s",
    steps: [
      step("s", [choice("lost", { id: "wrong", label: "Giv afslag" }), choice("t", { id: "right", label: "Oplys" })]),
      step("t", [choice("won", { id: "decide" }), choice("lost", { id: "late" })]),
    ],
    outcomes: [outcome("won", "korrekt"), outcome("lost", "forkert")],
  };
  const zeroMachine = createCaseMachine(zero);
  const [wrong] = play(["wrong"], zero, zeroMachine);
  expect(wrong!.decision).toMatchObject({ verdict: "not-best", wasBest: false, bestChoiceId: "right" });
  const [right, late] = play(["right", "late"], zero, zeroMachine);
  expect(right!.decision).toMatchObject({ verdict: "best", wasBest: true });
  expect(late!.decision).toMatchObject({ verdict: "not-best", wasBest: false, bestChoiceId: "decide" });

  // A step from which every way ends forkert has no best choice to name.
  const doomed: CaseDefinition = {
    start: "s",
    steps: [step("s", [choice("lost", { id: "a" }), choice("lost", { id: "b" })])],
    outcomes: [outcome("lost", "forkert")],
  };
  const doomedMachine = createCaseMachine(doomed);
  const [a] = play(["a"], doomed, doomedMachine);
  expect(a!.decision).toMatchObject({ verdict: "not-best", wasBest: false, bestChoiceId: null });
});

test("the posted value is a position in the attempt's shuffled order: the same button means the same choice on every load", () => {
  const wide: CaseDefinition = {
    start: "s",
    steps: [
      step("s", [
        ...["a", "b", "c", "d"].map((id) => choice("end", { id, label: `Valg ${id}` })),
        { ...choice("end", { id: "ingen", label: "Ingen af delene" }), last: true },
      ]),
    ],
    outcomes: [outcome("end", "korrekt")],
  };
  const wideMachine = createCaseMachine(wide);
  const start = stored(startPersisted(wideMachine));
  const orders = new Set<string>();
  for (let n = 0; n < 20; n++) {
    const attemptId = `attempt-${n}`;
    const shown = shownChoices(attemptId, wide.steps[0]!, wide.steps[0]!.choices);
    expect(shown.at(-1)!.id).toBe("ingen");
    orders.add(shown.map((c) => c.id).join());
    shown.forEach((expected, position) => {
      const decided = decide(wideMachine, wide, { id: attemptId, snapshot: start }, String(position));
      expect(decided.ok && decided.decision.choiceId).toBe(expected.id);
    });
  }
  expect(orders.size).toBeGreaterThan(5);
});

test("a value that names no shown choice, a choice whose requires are unmet and a finished case decide nothing", () => {
  const start = stored(startPersisted(machine));
  const attempt = { id: "attempt-1", snapshot: start };
  expect(decide(machine, sampleCase, attempt, "7")).toEqual({ ok: false, reason: "unknown-choice" });
  expect(decide(machine, sampleCase, attempt, "investigate")).toEqual({ ok: false, reason: "unknown-choice" });

  // Only the choice without requires is shown, so position 1 is no choice at all.
  const gated = {
    start: "s",
    steps: [step("s", [choice("end", { id: "flagged", requires: ["x"] }), choice("end", { id: "plain" })])],
    outcomes: [outcome("end", "korrekt" as const)],
  };
  const gatedMachine = createCaseMachine(gated);
  const gatedStart = { id: "attempt-1", snapshot: stored(startPersisted(gatedMachine)) };
  expect(decide(gatedMachine, gated, gatedStart, "1")).toEqual({ ok: false, reason: "unknown-choice" });
  expect(decide(gatedMachine, gated, gatedStart, "0")).toMatchObject({ ok: true, decision: { choiceId: "plain" } });

  const [finished] = play(["decide-now"]);
  expect(decide(machine, sampleCase, { id: "attempt-1", snapshot: stored(finished!.persisted) }, "0")).toEqual({
    ok: false,
    reason: "finished",
  });
});
