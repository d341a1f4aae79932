import { expect, test } from "vitest";
import { testEvaluation } from "../../tests/activity-fixtures";
import {
  buildEvaluationStats,
  buildProgressMatrix,
  caseSummary,
  parseMatrixSort,
  plainText,
  share,
  sortLink,
  sortMatrix,
  type CaseStats,
  type StepStats,
} from "./dashboard";

const modules = [
  { id: "bpa", title: "BPA", required: 4 },
  { id: "bil", title: "Bil", required: 2 },
];
const members = [
  { userId: "u1", name: "Åse", email: "a@x.dk", lastActivity: new Date("2026-03-02T10:00:00Z") },
  { userId: "u2", name: "Bent", email: "b@x.dk", lastActivity: null },
  { userId: "u3", name: "Anders", email: "c@x.dk", lastActivity: new Date("2026-03-01T10:00:00Z") },
];

test("shares are whole per cent, and none when there is nothing to divide by", () => {
  expect(share(1, 3)).toBe(33);
  expect(share(2, 3)).toBe(67);
  expect(share(0, 0)).toBeNull();
});

test("the progress matrix: status and share per cell with the module completion rule, counts per module", () => {
  const matrix = buildProgressMatrix(modules, members, [
    { userId: "u1", moduleId: "bpa", done: 4 },
    { userId: "u1", moduleId: "bil", done: 1 },
    { userId: "u3", moduleId: "bpa", done: 1 },
    // Begun (a case under way) but nothing required completed yet.
    { userId: "u2", moduleId: "bil", done: 0 },
  ]);
  expect(matrix.rows.map((r) => r.cells.map((c) => `${c.status}:${c.percent}`))).toEqual([
    ["complete:100", "started:50"],
    ["todo:0", "started:0"],
    ["started:25", "todo:0"],
  ]);
  expect(matrix.perModule).toEqual([
    { moduleId: "bpa", title: "BPA", completed: 1, started: 1, participants: 3, completedShare: 33 },
    { moduleId: "bil", title: "Bil", completed: 0, started: 2, participants: 3, completedShare: 0 },
  ]);
  expect(buildProgressMatrix(modules, [], []).perModule[0]!.completedShare).toBeNull();
});

test("sorting by name (Danish order), by a module's share and by last activity, both ways", () => {
  const matrix = buildProgressMatrix(modules, members, [
    { userId: "u1", moduleId: "bpa", done: 4 },
    { userId: "u3", moduleId: "bpa", done: 1 },
  ]);
  const names = (key: string, direction: "asc" | "desc") =>
    sortMatrix(matrix.rows, { key, direction }).map((r) => r.name);
  expect(names("navn", "asc")).toEqual(["Anders", "Bent", "Åse"]);
  expect(names("navn", "desc")).toEqual(["Åse", "Bent", "Anders"]);
  expect(names("bpa", "desc")).toEqual(["Åse", "Anders", "Bent"]);
  expect(names("aktivitet", "asc")).toEqual(["Bent", "Anders", "Åse"]);
});

test("the sort comes from the query string; unknown keys fall back to name", () => {
  const ids = ["bpa"];
  expect(parseMatrixSort(new URLSearchParams("sorter=bpa&retning=faldende"), ids)).toEqual({
    key: "bpa",
    direction: "desc",
  });
  expect(parseMatrixSort(new URLSearchParams("sorter=drop%20table"), ids)).toEqual({ key: "navn", direction: "asc" });
  expect(sortLink({ key: "bpa", direction: "asc" }, "bpa")).toBe("?sorter=bpa&retning=faldende#fremskridt");
  expect(sortLink({ key: "bpa", direction: "asc" }, "navn")).toBe("?sorter=navn&retning=stigende#fremskridt");
});

test("names sort in Danish order with numbers by their value (Kursist 2 before Kursist 10)", () => {
  const numbered = ["Kursist 10", "Kursist 2", "Kursist 1", "Åse", "Aage", "Øjvind"].map((name, i) => ({
    userId: `n${i}`,
    name,
    email: `${i}@x.dk`,
    lastActivity: null,
  }));
  const matrix = buildProgressMatrix(modules, numbered, []);
  expect(sortMatrix(matrix.rows, { key: "navn", direction: "asc" }).map((r) => r.name)).toEqual([
    "Kursist 1",
    "Kursist 2",
    "Kursist 10",
    "Øjvind",
    "Aage",
    "Åse",
  ]);
});

const evaluation = testEvaluation;

test("evaluation: nothing but the number of respondents below five; from five the spread and the positive share", () => {
  const likert = [
    { activityId: "test-evaluering", itemId: "kendskab", value: "hoej", count: 3 },
    { activityId: "test-evaluering", itemId: "kendskab", value: "nogen", count: 1 },
    { activityId: "test-evaluering", itemId: "kendskab", value: "slet-ikke", count: 1 },
  ];
  const texts = [{ activityId: "test-evaluering", itemId: "forbedringer", text: "Mere om frister" }];
  expect(buildEvaluationStats(evaluation, 4, likert, texts)).toEqual({
    activityId: "test-evaluering",
    title: "Evaluering",
    respondents: 4,
    shown: false,
  });
  const shown = buildEvaluationStats(evaluation, 5, likert, texts);
  if (!shown.shown) throw new Error("expected the figures");
  expect(shown.statements[0]!.positiveShare).toBe(80);
  expect(shown.statements[0]!.spread.map((s) => `${s.label}:${s.count}:${s.share}`)).toEqual([
    "I høj grad:3:60",
    "I nogen grad:1:20",
    "I mindre grad:0:0",
    "Slet ikke:1:20",
    "Ved ikke:0:0",
  ]);
  expect(shown.freeTexts).toEqual([
    { id: "forbedringer", label: "Hvad kan gøres bedre?", answers: ["Mere om frister"] },
  ]);
});

test("labels from HTML fragments are plain text, shortened", () => {
  expect(plainText("<p>Hvem skal <strong>oplyse</strong> sagen?</p>")).toBe("Hvem skal oplyse sagen?");
  expect(plainText("<p>Tom &amp; Jerry</p>")).toBe("Tom & Jerry");
  expect(plainText(`<p>${"a".repeat(200)}</p>`, 10)).toBe("aaaaaaaaa…");
  // Shortened at a word, without a dangling comma.
  expect(plainText("<p>Borgeren søger om hjælp, men kommunen afviser</p>", 27)).toBe("Borgeren søger om hjælp…");
  // What a sighted reader sees: no screen-reader note, no space where an inline tag was.
  expect(
    plainText(
      '<p>Efter (<a href="x">serviceloven § 96<span class="sr-only"> (lovteksten på Retsinformation, eksternt link)</span></a>).</p><p>Ny</p>',
    ),
  ).toBe("Efter (serviceloven § 96). Ny");
});

test("a case's summary line names the step where the fewest chose best, the earlier one on a tie, and skips unplayed steps", () => {
  const step = (id: string, bestShare: number | null): StepStats => ({
    id,
    anchor: `trin-c-${id}`,
    phase: "Oplysning",
    situation: id,
    decisions: bestShare === null ? 0 : 10,
    firstDecisions: 0,
    bestShare,
    firstBestShare: null,
    choices: [],
  });
  const stats = (steps: StepStats[], outcomes: number[], unfinished: number[]): CaseStats => ({
    activityId: "c",
    title: "Case",
    steps,
    outcomes: outcomes.map((all, i) => ({ id: `o${i}`, result: "Korrekt", text: "", all, first: 0 })),
    dropOff: unfinished.map((all, i) => ({ placeId: `p${i}`, label: "", all, first: 0 })),
    loops: [],
  });

  const summary = caseSummary(stats([step("a", 80), step("b", null), step("c", 40), step("d", 40)], [3, 2], [1]));
  expect(summary.text).toBe("4 trin · 5 afslutninger nået · 1 ufærdigt forsøg");
  expect(summary.weakest).toEqual({ number: 3, anchor: "trin-c-c", bestShare: 40 });

  const unplayed = caseSummary(stats([step("a", null)], [1], []));
  expect(unplayed.text).toBe("1 trin · 1 afslutning nået · 0 ufærdige forsøg");
  expect(unplayed.weakest).toBeNull();
});
