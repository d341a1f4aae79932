import { expect, test } from "vitest";
import type { CourseModule } from "~/content/types";
import { testEvaluation, testQuiz, trainerCase } from "../../tests/activity-fixtures";
import { missingActivities } from "~/activities/module-statuses.server";
import { completedAt, isPassingPercent, isPassingResult, NOT_STARTED, passedIds, type Standing } from "./passing";

const module = { id: "test", activities: [trainerCase, testQuiz, testEvaluation] } as unknown as CourseModule;
const passedOn = (day: string): Standing => ({
  passedAt: new Date(`${day}T10:00:00Z`),
  played: true,
  inProgress: false,
});

test("a case passes only on a korrekt ending, or also delvist where the case says pass=delvist", () => {
  expect(isPassingResult("korrekt")).toBe(true);
  expect(isPassingResult("delvist")).toBe(false);
  expect(isPassingResult("forkert")).toBe(false);
  expect(isPassingResult(null)).toBe(false);
  expect(isPassingResult("delvist", "delvist")).toBe(true);
  expect(isPassingResult("forkert", "delvist")).toBe(false);
  expect(isPassingPercent(80, 80)).toBe(true);
  expect(isPassingPercent(79, 80)).toBe(false);
});

test("what is missing says whether it was played, taken or saved, in module order", async () => {
  const standings = new Map<string, Standing>([
    [trainerCase.id, { ...NOT_STARTED, played: true }],
    [testQuiz.id, { ...NOT_STARTED, played: true }],
    [testEvaluation.id, { ...NOT_STARTED, played: true }],
  ]);
  expect((await missingActivities(module, standings)).map((m) => m.sentence)).toEqual([
    "Casen „Testcase“ er spillet, men ikke bestået (den skal ende korrekt): prøv igen.",
    "Quizzen „Quiz“ er taget, men ikke bestået (du skal have mindst 100 % rigtige): prøv igen.",
    "Evalueringen „Evaluering“ er gemt som kladde, men ikke indsendt.",
  ]);
  expect((await missingActivities(module, new Map())).map((m) => m.sentence)[0]).toBe(
    "Casen „Testcase“ er ikke spillet endnu.",
  );
  const underWay = new Map([[trainerCase.id, { ...NOT_STARTED, inProgress: true }]]);
  expect((await missingActivities(module, underWay))[0]!.sentence).toBe("Casen „Testcase“ er i gang: spil den færdig.");
});

test("the module is completed on the day its last required activity was first passed", () => {
  const standings = new Map([
    [trainerCase.id, passedOn("2026-11-03")],
    [testQuiz.id, passedOn("2026-11-20")],
  ]);
  expect(completedAt(module, standings)).toBeNull();
  standings.set(testEvaluation.id, passedOn("2026-11-10"));
  expect(completedAt(module, standings)?.toISOString().slice(0, 10)).toBe("2026-11-20");
  expect([...passedIds(standings)].sort()).toEqual([testEvaluation.id, trainerCase.id, testQuiz.id].sort());
});
