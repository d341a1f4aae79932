import { expect, test } from "vitest";
import {
  applyChoice,
  createCaseMachine,
  currentPlace,
  initialSnapshot,
  nextSnapshot,
  offeredChoices,
  restoreSnapshot,
  startPersisted,
} from "./machine";
import { choice, outcome, sampleCase, step } from "./test-cases";

test("steps and outcomes become states; outcomes are final", () => {
  const machine = createCaseMachine(sampleCase);
  expect(Object.keys(machine.states).sort()).toEqual(["good", "investigated", "partial", "remitted", "start"]);
  expect(machine.states.good!.type).toBe("final");
  expect(machine.states.start!.type).toBe("atomic");
  expect(currentPlace(initialSnapshot(machine))).toBe("start");
});

test("a choice adds its points and its flags; a choice requiring a flag is offered only when it is set", () => {
  const machine = createCaseMachine(sampleCase);
  let snapshot = initialSnapshot(machine);
  snapshot = nextSnapshot(machine, snapshot, "investigate");
  expect(snapshot.context).toMatchObject({ score: 2, flags: ["oplyst"] });
  expect(offeredChoices(machine, sampleCase, snapshot).map((c) => c.id)).toEqual([
    "decide-well",
    "decide-badly",
    "back",
  ]);

  const gated = {
    start: "s",
    steps: [step("s", [choice("end", { id: "flagged", requires: ["x"] }), choice("end", { id: "plain" })])],
    outcomes: [outcome("end", "korrekt" as const)],
  };
  const gatedMachine = createCaseMachine(gated);
  expect(offeredChoices(gatedMachine, gated, initialSnapshot(gatedMachine)).map((c) => c.id)).toEqual(["plain"]);
});

test("a choice's points count only the first time it is made, so a loop cannot be farmed", () => {
  const machine = createCaseMachine(sampleCase);
  let snapshot = initialSnapshot(machine);
  for (let round = 0; round < 3; round++) {
    snapshot = nextSnapshot(machine, snapshot, "investigate");
    snapshot = nextSnapshot(machine, snapshot, "back");
  }
  expect(snapshot.context.score).toBe(2);
  snapshot = nextSnapshot(machine, snapshot, "investigate");
  snapshot = nextSnapshot(machine, snapshot, "decide-well");
  expect(snapshot.status).toBe("done");
  expect(snapshot.context.score).toBe(5);
});

test("a persisted snapshot restores, takes an offered choice, and refuses one that is not offered", () => {
  const machine = createCaseMachine(sampleCase);
  const persisted = JSON.parse(JSON.stringify(startPersisted(machine)));
  const restored = restoreSnapshot(machine, persisted);
  const refused = applyChoice(machine, sampleCase, restored, "decide-well");
  expect(refused).toEqual({ ok: false, reason: "not-offered" });
  const unknown = applyChoice(machine, sampleCase, restored, "findes-ikke");
  expect(unknown).toEqual({ ok: false, reason: "not-offered" });

  const taken = applyChoice(machine, sampleCase, restored, "investigate");
  if (!taken.ok) throw new Error("expected the choice to be taken");
  expect(taken).toMatchObject({ stepId: "start", earned: 2, choice: { id: "investigate" } });
  const again = applyChoice(
    machine,
    sampleCase,
    restoreSnapshot(machine, JSON.parse(JSON.stringify(taken.persisted))),
    "decide-well",
  );
  expect(again).toMatchObject({ ok: true, earned: 3 });
  if (!again.ok) return;
  expect(again.snapshot.status).toBe("done");
  expect(applyChoice(machine, sampleCase, restoreSnapshot(machine, again.persisted), "back")).toEqual({
    ok: false,
    reason: "finished",
  });
});
