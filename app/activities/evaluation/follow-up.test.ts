import { expect, test } from "vitest";
import { dueFollowUps, followUpOpensOn } from "./follow-up";

test("a follow-up opens afterDays after the cohort ends, unless the trainer has moved it", () => {
  expect(followUpOpensOn("2026-12-01", 90)).toEqual({ opensOn: "2027-03-01", moved: false });
  expect(followUpOpensOn("2026-12-01", 90, "2027-01-15")).toEqual({ opensOn: "2027-01-15", moved: true });
});

const evaluation = { id: "bpa-evaluering", moduleId: "bpa", afterDays: 90 };
const cohort = (endsOn: string, dates: Record<string, string> = {}, moduleIds = ["bpa"]) => ({
  endsOn,
  moduleIds,
  dates: new Map(Object.entries(dates)),
});
const ask = (input: Partial<Parameters<typeof dueFollowUps>[0]>) =>
  dueFollowUps({
    evaluations: [evaluation],
    memberships: [cohort("2026-12-01")],
    submittedEvaluations: new Set(["bpa-evaluering"]),
    submittedFollowUps: new Set(),
    today: "2027-03-01",
    ...input,
  });

test("a learner who submitted the evaluation is asked from the opening day, not the day before", () => {
  expect(ask({})).toEqual([{ activityId: "bpa-evaluering", opensOn: "2027-03-01" }]);
  expect(ask({ today: "2027-02-28" })).toEqual([]);
  expect(ask({ today: "2028-01-01" })).toHaveLength(1);
});

test("only those who submitted, and only until they have answered the follow-up", () => {
  expect(ask({ submittedEvaluations: new Set() })).toEqual([]);
  expect(ask({ submittedFollowUps: new Set(["bpa-evaluering"]) })).toEqual([]);
});

test("the trainer's date counts; with several cohorts the earliest one that has the module", () => {
  expect(ask({ memberships: [cohort("2026-12-01", { "bpa-evaluering": "2027-04-01" })] })).toEqual([]);
  expect(ask({ memberships: [cohort("2026-12-01", { "bpa-evaluering": "2027-01-10" })], today: "2027-01-10" })).toEqual(
    [{ activityId: "bpa-evaluering", opensOn: "2027-01-10" }],
  );
  expect(
    ask({
      memberships: [cohort("2027-06-30"), cohort("2026-10-01", {}, ["bil"]), cohort("2026-11-15")],
      today: "2027-02-13",
    }),
  ).toEqual([{ activityId: "bpa-evaluering", opensOn: "2027-02-13" }]);
  // No cohort with the module (removed from it, or the module taken off the cohort): not asked.
  expect(ask({ memberships: [cohort("2026-01-01", {}, ["bil"])] })).toEqual([]);
});
