/**
 * The follow-up of an evaluation on both engines: asked of those who submitted the evaluation,
 * from the cohort's end plus afterDays (or the trainer's date), answered once, reported to the
 * trainer beside the evaluation from five respondents.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { EvaluationActivity } from "../../app/activities/evaluation/content";
import { cohortFollowUpFigures, followUpsDue, submitFollowUp } from "../../app/activities/evaluation/follow-up.server";
import { saveEvaluation } from "../../app/activities/evaluation/responses.server";
import type { CourseModule } from "../../app/content/types";
import { createCohort, joinCohort } from "../../app/trainer/cohorts.server";
import { members } from "../../app/trainer/dashboard.server";
import { setFollowUpDate } from "../../app/trainer/manage-cohort.server";
import { testEvaluation, trainerCourse } from "../activity-fixtures";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";

const evaluation: EvaluationActivity = {
  ...testEvaluation,
  evaluation: {
    id: "test-evaluering",
    items: [
      { kind: "likert", id: "praksis", statement: "Forløbet vil påvirke min praksis." },
      { kind: "text", id: "forbedringer", label: "Hvad kan gøres bedre?" },
    ],
    followUp: {
      afterDays: 90,
      items: [
        { kind: "likert", id: "praksis-efter", statement: "Forløbet har påvirket min praksis." },
        { kind: "text", id: "eksempel", label: "Giv et eksempel." },
      ],
    },
  },
};
const module: CourseModule = { ...trainerCourse.modules[0]!, activities: [evaluation] };
const at = (day: string) => new Date(`${day}T10:00:00Z`);

describe.each(engines)("the follow-up on %s", (engine) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  test("asked from its day of those who submitted the evaluation, once; the trainer's date moves it", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const org = await db
      .insertInto("organisations")
      .values({ name: "Egeby" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cohort = await createCohort(db, {
      name: "Hold F",
      organisationId: org.id,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["test"],
      trainerId: trainer.id,
    });
    const learners = [];
    for (let i = 0; i < 6; i++) {
      const learner = await createTestUser(db, { name: `Kursist ${i}` });
      await joinCohort(db, learner.id, cohort.joinCode);
      learners.push(learner);
    }
    // The cohort ended 31 January 2026: its follow-up opens 90 days later, 1 May 2026.
    await db.updateTable("cohorts").set({ ends_on: "2026-01-31" }).where("id", "=", cohort.id).execute();
    for (const learner of learners.slice(0, 5)) {
      const saved = await saveEvaluation(db, {
        userId: learner.id,
        activity: evaluation,
        answers: { praksis: learner === learners[0] ? "slet-ikke" : "hoej" },
        submit: true,
      });
      expect(saved.ok).toBe(true);
    }
    const [first, , , , , notEvaluated] = learners;
    expect(await followUpsDue(db, first!.id, [module], at("2026-04-30"))).toEqual([]);
    expect(await followUpsDue(db, first!.id, [module], at("2026-05-01"))).toEqual([
      { activityId: "test-evaluering", opensOn: "2026-05-01", moduleId: module.id, moduleTitle: module.title },
    ]);
    // Only those who submitted the evaluation are asked.
    expect(await followUpsDue(db, notEvaluated!.id, [module], at("2026-06-01"))).toEqual([]);
    // The trainer moves it earlier.
    await setFollowUpDate(db, cohort.id, "test-evaluering", "2026-03-01");
    expect((await followUpsDue(db, first!.id, [module], at("2026-03-02")))[0]?.opensOn).toBe("2026-03-01");

    // Answered once: a second submission is refused, and it is no longer asked.
    expect(
      await submitFollowUp(db, { userId: first!.id, activity: evaluation, answers: { "praksis-efter": "nogen" } }),
    ).toEqual({ ok: true });
    expect(
      await submitFollowUp(db, { userId: first!.id, activity: evaluation, answers: { "praksis-efter": "hoej" } }),
    ).toMatchObject({ ok: false, status: 409 });
    expect(await followUpsDue(db, first!.id, [module], at("2026-06-01"))).toEqual([]);

    // Fewer than five: nothing but the number. From five: the share after, beside the statement before.
    const figures = () => cohortFollowUpFigures(db, members(cohort.id), [evaluation]);
    expect((await figures())[0]).toMatchObject({ respondents: 1, shown: false });
    for (const learner of learners.slice(1, 5)) {
      await submitFollowUp(db, { userId: learner.id, activity: evaluation, answers: { "praksis-efter": "mindre" } });
    }
    expect((await figures())[0]).toEqual({
      activityId: "test-evaluering",
      respondents: 5,
      shown: true,
      statements: [
        {
          id: "praksis-efter",
          statement: "Forløbet har påvirket min praksis.",
          before: "praksis",
          after: 20,
          answers: 5,
        },
      ],
    });
  });
});
