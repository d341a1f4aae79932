import { expect, test } from "vitest";
import { trainerCourse } from "../../tests/activity-fixtures";
import { buildPlaces, rankPlaces, topicPhaseTable, withoutDiscussion } from "./weak-places";

const testModule = trainerCourse.modules[0]!;

const counts = {
  choices: [
    { activityId: "test-case", stepId: "start", choiceId: "investigate", wasBest: true, chosen: 4 },
    { activityId: "test-case", stepId: "start", choiceId: "decide-now", wasBest: false, chosen: 6 },
    { activityId: "test-case", stepId: "investigated", choiceId: "decide-well", wasBest: true, chosen: 3 },
    { activityId: "test-case", stepId: "investigated", choiceId: "back", wasBest: false, chosen: 1 },
    // A step an author has since removed: it counts nowhere.
    { activityId: "test-case", stepId: "removed-step", choiceId: "x", wasBest: false, chosen: 9 },
  ],
  answers: [
    { activityId: "test-quiz", questionId: "ansvar", total: 10, wrong: 2 },
    { activityId: "test-quiz", questionId: "indhold", total: 10, wrong: 0 },
  ],
  wrongOptions: [{ activityId: "test-quiz", questionId: "ansvar", optionId: "borger", chosen: 2 }],
};

test("every step and question is a place described in words: module, title, situation or question, wrong choice", () => {
  const places = buildPlaces([testModule], counts);
  expect(places.map((p) => [p.kind, p.position, p.wrong, p.total])).toEqual([
    ["case", "Trin 1", 6, 10],
    ["case", "Trin 2", 1, 4],
    ["quiz", "Spørgsmål 1", 2, 10],
    ["quiz", "Spørgsmål 2", 0, 10],
  ]);
  expect(withoutDiscussion(places[0]!)).toEqual({
    kind: "case",
    anchor: "trin-test-case-start",
    moduleTitle: "Testmodul",
    activityId: "test-case",
    activityTitle: "Testcase",
    position: "Trin 1",
    text: "Situation start",
    topic: "sagsoplysning",
    phase: "opstart",
    wrong: 6,
    total: 10,
    mostChosenWrong: { label: "Afgør nu", chosen: 6 },
  });
  // The classroom brief gets the situation and the feedback on the wrong choice made most.
  expect(places[0]!.discussion).toEqual({
    html: "<p>Situation start</p>",
    explanationHtml: "<p>Feedback på decide-now</p>",
  });
  // The second step tests a decision's reasons: the topic of its highest-scoring choice.
  expect(places[1]!.topic).toBe("begrundelse");
  expect(places[2]).toMatchObject({
    text: "Hvem?",
    topic: "sagsoplysning",
    phase: null,
    mostChosenWrong: { label: "Borgeren", chosen: 2 },
    discussion: { explanationHtml: "<p>Kommunen.</p>" },
  });
});

test("ranked: the weakest first, too few and clean places left out; per topic and per phase", () => {
  const ranked = rankPlaces(buildPlaces([testModule], counts));
  // Trin 2 has only four answers; Spørgsmål 2 nobody got wrong.
  expect(ranked.weakest.map((p) => [p.activityTitle, p.position, p.wrongShare])).toEqual([
    ["Testcase", "Trin 1", 60],
    ["Quiz", "Spørgsmål 1", 20],
  ]);
  expect(ranked.byTopic.map((g) => [g.label, g.wrong, g.total, g.tooFew])).toEqual([
    ["Sagsoplysning", 8, 20, false],
    ["Begrundelse", 1, 14, false],
  ]);
  expect(ranked.byPhase.map((g) => [g.label, g.wrong, g.total, g.tooFew])).toEqual([
    ["Opstart", 6, 10, false],
    ["Oplysning", 1, 4, true],
  ]);
  expect(ranked.answeredPlaces).toBe(4);
});

test("the brief's topics × phases table: wrong of answers per phase, quizzes in their own column", () => {
  const places = buildPlaces([testModule], counts);
  const { byTopic } = rankPlaces(places);
  const table = topicPhaseTable(places, byTopic);
  expect(table.columns.map((c) => c.label)).toEqual(["Opstart", "Oplysning", "Afgørelse", "Opfølgning", "Quizzer"]);
  expect(
    table.rows.map((r) => [r.label, ...r.cells.map((c) => (c.total === 0 ? "–" : `${c.wrong}/${c.total}`))]),
  ).toEqual([
    ["Sagsoplysning", "6/10", "–", "–", "–", "2/10"],
    ["Begrundelse", "–", "1/4", "–", "–", "0/10"],
  ]);
  expect(table.rows[0]!.total).toEqual({ wrong: 8, total: 20, wrongShare: 40 });
});
