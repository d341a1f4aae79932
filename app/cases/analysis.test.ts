import { expect, test } from "vitest";
import { checkCaseGraph, findBestPath, pathsToOutcomes, replay } from "./analysis";
import { createCaseMachine } from "./machine";
import { choice, outcome, sampleCase, step } from "./test-cases";

test("the maximum score is the best way to an outcome, and its path ends there", () => {
  const machine = createCaseMachine(sampleCase);
  const best = findBestPath(machine, sampleCase);
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
  const machine = createCaseMachine(definition);
  expect(findBestPath(machine, definition)?.maxScore).toBe(5);
  expect(findBestPath(machine, definition)?.choices.map((c) => c.choiceId)).toEqual(["side", "back", "finish"]);
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
  const machine = createCaseMachine(definition);
  expect(findBestPath(machine, definition)).toMatchObject({ maxScore: 5, outcomeId: "win" });
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
  expect(checkCaseGraph(createCaseMachine(sampleCase), sampleCase)).toEqual([]);
});
