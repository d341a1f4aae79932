import { expect, test } from "vitest";
import { findBestPath } from "~/activities/case/analysis";
import type { CaseDefinition } from "~/activities/case/content";
import { choice, outcome, sampleCase, step } from "~/activities/case/test-cases";
import { bestPathNumbersList, buildCaseMap, choiceFacts, nodeMarks } from "./case-map";
import { edgeLabelLines, layoutCaseMap, wrapText } from "./case-layout";

test("the map has a node per step and outcome and an edge per choice", () => {
  const map = buildCaseMap(sampleCase);
  expect(map.nodes.map((n) => `${n.kind}:${n.id}`)).toEqual([
    "step:start",
    "step:investigated",
    "outcome:good",
    "outcome:partial",
    "outcome:remitted",
  ]);
  expect(map.edges.map((e) => `${e.from} -${e.choiceId}-> ${e.to}`)).toEqual([
    "start -investigate-> investigated",
    "start -decide-now-> remitted",
    "investigated -decide-well-> good",
    "investigated -decide-badly-> partial",
    "investigated -back-> start",
  ]);
  expect(map.phases).toEqual([
    { phase: "opstart", label: "Opstart", stepIds: ["start"] },
    { phase: "oplysning", label: "Oplysning", stepIds: ["investigated"] },
  ]);
});

test("the best path and the maximum score are the case engine's own", () => {
  const map = buildCaseMap(sampleCase);
  const best = findBestPath(sampleCase)!;
  expect(map.maxScore).toBe(best.maxScore);
  expect(map.bestOutcomeId).toBe(best.outcomeId);
  expect(
    map.edges.filter((e) => e.onBestPath).map((e) => ({ stepId: e.from, choiceId: e.choiceId, n: e.bestPathNumbers })),
  ).toEqual(best.choices.map((c, index) => ({ ...c, n: [index + 1] })));
  expect(map.nodes.filter((n) => n.onBestPath).map((n) => n.id)).toEqual(["start", "investigated", "good"]);
  expect(nodeMarks(map.nodes[0]!)).toEqual(["Start", "Bedste vej"]);
});

test("a step no choice leads to is marked unreachable; a step that only loops is a dead end", () => {
  const broken: CaseDefinition = {
    start: "a",
    steps: [
      step("a", [choice("end", { points: 1 }), choice("loop1")]),
      step("loop1", [choice("loop2")]),
      step("loop2", [choice("loop1")]),
      step("island", [choice("end")]),
    ],
    outcomes: [outcome("end", "korrekt"), outcome("never", "forkert")],
  };
  const map = buildCaseMap(broken);
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  expect(byId.get("island")).toMatchObject({ unreachable: true, deadEnd: false });
  expect(byId.get("never")).toMatchObject({ unreachable: true });
  expect(byId.get("loop1")).toMatchObject({ unreachable: false, deadEnd: true });
  expect(byId.get("loop2")).toMatchObject({ unreachable: false, deadEnd: true });
  expect(byId.get("a")).toMatchObject({ unreachable: false, deadEnd: false });
  expect(nodeMarks(byId.get("loop1")!)).toEqual(["Blindgyde"]);
  expect(nodeMarks(byId.get("island")!)).toEqual(["Kan ikke nås"]);
  expect(map.maxScore).toBe(1);
});

test("a step where every choice needs a flag that is never set is a dead end", () => {
  const stuck: CaseDefinition = {
    start: "a",
    steps: [
      step("a", [choice("b")]),
      step("b", [choice("end", { requires: ["x"] })]),
      step("c", [choice("b", { sets: ["x"] })]),
    ],
    outcomes: [outcome("end", "korrekt")],
  };
  const map = buildCaseMap(stuck);
  expect(map.nodes.find((n) => n.id === "b")).toMatchObject({ deadEnd: true });
  expect(map.nodes.find((n) => n.id === "c")).toMatchObject({ unreachable: true });
  expect(map.maxScore).toBeNull();
});

test("a choice's facts read as points, flags set and flags required", () => {
  expect(choiceFacts({ points: 2, sets: ["laege"], requires: [] })).toBe("2 point · sætter laege");
  expect(choiceFacts({ points: 0, sets: [], requires: ["a", "b"] })).toBe("0 point · kræver a, b");
});

test("dagre places every node, every phase box around its steps, and routes every edge", () => {
  const layout = layoutCaseMap(buildCaseMap(sampleCase));
  expect(layout.nodes).toHaveLength(5);
  expect(layout.edges).toHaveLength(5);
  for (const node of layout.nodes) {
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
  }
  for (const phase of layout.phases) {
    const members = layout.nodes.filter((n) => n.kind === "step" && n.phase === phase.phase);
    for (const node of members) {
      expect(node.x).toBeGreaterThanOrEqual(phase.x);
      expect(node.x + node.width).toBeLessThanOrEqual(phase.x + phase.width);
      expect(node.y).toBeGreaterThanOrEqual(phase.y);
      expect(node.y + node.height).toBeLessThanOrEqual(phase.y + phase.height);
    }
  }
  for (const edge of layout.edges) expect(edge.route.length).toBeGreaterThanOrEqual(2);
  expect(layout.edges.find((e) => e.choiceId === "investigate")!.labelLines).toEqual([
    "★ 1. Undersøg",
    "2 point · sætter oplyst",
  ]);
});

test("a case of 22 steps is laid out without overlapping boxes", () => {
  const steps = Array.from({ length: 22 }, (_, index) => {
    const id = `s${index + 1}`;
    const next = index === 21 ? "done" : `s${index + 2}`;
    const phase = index < 5 ? "opstart" : index < 12 ? "oplysning" : index < 18 ? "afgoerelse" : "opfoelgning";
    return step(
      id,
      [
        choice(next, { id: "next", points: 1 }),
        choice("wrong", { id: "wrong" }),
        ...(index === 8 ? [choice("s6", { id: "back" })] : []),
      ],
      { phase },
    );
  });
  const map = buildCaseMap({ start: "s1", steps, outcomes: [outcome("done", "korrekt"), outcome("wrong", "forkert")] });
  expect(map.maxScore).toBe(22);
  const layout = layoutCaseMap(map);
  expect(layout.nodes).toHaveLength(24);
  expect(layout.edges).toHaveLength(45);
  expect(layout.phases).toHaveLength(4);
  const boxes = [...layout.nodes, ...layout.edges.map((e) => e.labelBox)];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap =
        a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
      expect(overlap, JSON.stringify([a, b])).toBe(false);
    }
  }
});

test("long labels wrap at spaces", () => {
  expect(wrapText("Indhent en lægeerklæring med Birthes samtykke", 20)).toEqual([
    "Indhent en",
    "lægeerklæring med",
    "Birthes samtykke",
  ]);
  expect(edgeLabelLines({ ...buildCaseMap(sampleCase).edges[1]!, label: "Afgør nu" })).toEqual(["Afgør nu", "0 point"]);
});

test("a choice the best path takes twice (back to pick up a flag) carries both numbers, without gaps", () => {
  // hall → (enter) → desk → (fetch key, sets "key") → hall → (enter) → desk → (open, requires "key") → done
  const revisit: CaseDefinition = {
    start: "hall",
    steps: [
      step("hall", [choice("desk", { id: "enter", points: 1, label: "Gå ind" })]),
      step("desk", [
        choice("hall", { id: "fetch", points: 1, sets: ["key"], label: "Hent nøglen" }),
        choice("done", { id: "open", points: 3, requires: ["key"], label: "Åbn" }),
      ]),
    ],
    outcomes: [outcome("done", "korrekt")],
  };
  const best = findBestPath(revisit)!;
  expect(best.choices.map((c) => c.choiceId)).toEqual(["enter", "fetch", "enter", "open"]);
  const map = buildCaseMap(revisit);
  const byChoice = new Map(map.edges.map((e) => [e.choiceId, e]));
  expect(byChoice.get("enter")!.bestPathNumbers).toEqual([1, 3]);
  expect(byChoice.get("fetch")!.bestPathNumbers).toEqual([2]);
  expect(byChoice.get("open")!.bestPathNumbers).toEqual([4]);
  expect(edgeLabelLines(byChoice.get("enter")!)[0]).toBe("★ 1., 3. Gå ind");
  expect(edgeLabelLines(byChoice.get("open")!)[0]).toBe("★ 4. Åbn");
  // The table beside the map says it in running text.
  expect(bestPathNumbersList([1, 3])).toBe("1 og 3");
  expect(bestPathNumbersList([1, 3, 5])).toBe("1, 3 og 5");
  expect(bestPathNumbersList([4])).toBe("4");
});
