/** Managing a cohort on both engines: editing it, removing a participant, archiving and restoring. */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { Role } from "../../app/auth/roles";
import { submitQuiz } from "../../app/activities/quiz/attempts.server";
import {
  ARCHIVED_CODE_MESSAGE,
  CohortRuleError,
  createCohort,
  joinCohort,
  lookUpJoinCode,
  requireCohortAccess,
  visibleCohorts,
} from "../../app/trainer/cohorts.server";
import { cohortDashboard } from "../../app/trainer/dashboard.server";
import { requireParticipant } from "../../app/trainer/learner.server";
import {
  archiveCohort,
  ARCHIVED_MESSAGE,
  followUpDates,
  removeParticipant,
  restoreCohort,
  setFollowUpDate,
  updateCohort,
} from "../../app/trainer/manage-cohort.server";
import { cohortPlaces } from "../../app/trainer/weak-places.server";
import { testQuiz, trainerCourse } from "../activity-fixtures";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { DECIDE_NOW, DECIDE_WELL, INVESTIGATE, playCase } from "./play-case";

const asSession = (user: { id: string; name: string; email: string; role: Role }) => ({
  ...user,
  organisationId: null,
  sessionId: "test",
});

describe.each(engines)("managing a cohort on %s", (engine) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  async function setUp() {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const org = await db
      .insertInto("organisations")
      .values({ name: "Egeby Kommune" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cohort = await createCohort(db, {
      name: "Hold A",
      organisationId: org.id,
      startsOn: "2026-01-01",
      endsOn: "2099-12-31",
      modules: ["test"],
      trainerId: trainer.id,
    });
    return { db, trainer, cohort };
  }

  test("name, dates and modules can be changed; a module taken off and put back keeps its learners' work", async () => {
    const { db, trainer, cohort } = await setUp();
    const learner = await createTestUser(db);
    await joinCohort(db, learner.id, cohort.joinCode);
    await playCase(db, learner.id, [DECIDE_NOW]);

    await updateCohort(db, cohort.id, {
      name: "Hold B",
      startsOn: "2026-02-01",
      endsOn: "2026-12-01",
      modules: ["kladde"],
    });
    let header = await requireCohortAccess(db, asSession(trainer), cohort.id);
    expect(header).toMatchObject({
      name: "Hold B",
      startsOn: "2026-02-01",
      endsOn: "2026-12-01",
      moduleIds: ["kladde"],
    });

    await updateCohort(db, cohort.id, {
      name: "Hold B",
      startsOn: "2026-02-01",
      endsOn: "2026-12-01",
      modules: ["test", "kladde"],
    });
    header = await requireCohortAccess(db, asSession(trainer), cohort.id);
    expect([...header.moduleIds].sort()).toEqual(["kladde", "test"]);
    const dashboard = await cohortDashboard(db, trainerCourse, header);
    expect(dashboard.cases[0]!.steps[0]!.decisions).toBe(1);
  });

  test("a removed participant leaves the figures and the learner pages; their own work stays", async () => {
    const { db, trainer, cohort } = await setUp();
    const [stays, leaves] = [await createTestUser(db, { name: "Bliver" }), await createTestUser(db, { name: "Går" })];
    for (const learner of [stays, leaves]) await joinCohort(db, learner.id, cohort.joinCode);
    // Solved, so the case is completed: a completion is recorded only for a passed case.
    await playCase(db, leaves.id, [INVESTIGATE, DECIDE_WELL]);
    await submitQuiz(db, {
      userId: leaves.id,
      activity: testQuiz,
      submissionId: randomUUID(),
      answers: { ansvar: ["borger"] },
    });

    expect(await removeParticipant(db, cohort.id, leaves.id)).toEqual({ name: "Går" });
    const header = await requireCohortAccess(db, asSession(trainer), cohort.id);
    const dashboard = await cohortDashboard(db, trainerCourse, header);
    expect(dashboard.matrix.rows.map((r) => r.name)).toEqual(["Bliver"]);
    expect(dashboard.cases[0]!.steps[0]!.decisions).toBe(0);
    expect((await cohortPlaces(db, cohort.id, [trainerCourse.modules[0]!])).every((p) => p.total === 0)).toBe(true);
    await expect(requireParticipant(db, cohort.id, leaves.id)).rejects.toMatchObject({ status: 403 });

    // Their attempts, answers and completions are still theirs.
    const attempts = await db.selectFrom("case_attempts").select("id").where("user_id", "=", leaves.id).execute();
    const quizzes = await db.selectFrom("quiz_attempts").select("id").where("user_id", "=", leaves.id).execute();
    const completed = await db
      .selectFrom("activity_completions")
      .select("activity_id")
      .where("user_id", "=", leaves.id)
      .execute();
    expect([attempts.length, quizzes.length, completed.length]).toEqual([1, 1, 1]);

    // Removing someone who is not on the cohort is refused in Danish and changes nothing.
    await expect(removeParticipant(db, cohort.id, leaves.id)).rejects.toThrow("Personen er ikke deltager på holdet.");
  });

  test("an archived cohort is hidden from the list, takes no members, refuses changes, and is restored as it was", async () => {
    const { db, trainer, cohort } = await setUp();
    const learner = await createTestUser(db);
    await joinCohort(db, learner.id, cohort.joinCode);
    await archiveCohort(db, cohort.id);

    expect(await visibleCohorts(db, trainer)).toEqual([]);
    expect((await visibleCohorts(db, trainer, { limit: 25, offset: 0, archived: true })).map((c) => c.id)).toEqual([
      cohort.id,
    ]);
    expect(await lookUpJoinCode(db, cohort.joinCode)).toEqual({ ok: false, message: ARCHIVED_CODE_MESSAGE });
    const newcomer = await createTestUser(db);
    expect(await joinCohort(db, newcomer.id, cohort.joinCode)).toMatchObject({ ok: false });
    // Still readable: the trainer opens it, with its participants.
    const header = await requireCohortAccess(db, asSession(trainer), cohort.id);
    expect(header.archivedAt).toBeInstanceOf(Date);
    expect((await cohortDashboard(db, trainerCourse, header)).matrix.rows).toHaveLength(1);

    for (const change of [
      () =>
        updateCohort(db, cohort.id, {
          name: "Nyt navn",
          startsOn: "2026-01-01",
          endsOn: "2099-12-31",
          modules: ["test"],
        }),
      () => removeParticipant(db, cohort.id, learner.id),
      () => setFollowUpDate(db, cohort.id, "test-evaluering", "2027-01-01"),
      () => archiveCohort(db, cohort.id),
    ]) {
      await expect(change()).rejects.toThrow(new CohortRuleError(ARCHIVED_MESSAGE));
    }
    expect((await requireCohortAccess(db, asSession(trainer), cohort.id)).name).toBe("Hold A");

    await restoreCohort(db, cohort.id);
    expect((await visibleCohorts(db, trainer)).map((c) => c.id)).toEqual([cohort.id]);
    expect(await lookUpJoinCode(db, cohort.joinCode)).toMatchObject({ ok: true });
    await expect(restoreCohort(db, cohort.id)).rejects.toThrow("Holdet er ikke arkiveret.");
  });

  test("a follow-up date is set, moved and put back to the default", async () => {
    const { db, cohort } = await setUp();
    await setFollowUpDate(db, cohort.id, "test-evaluering", "2027-01-01");
    await setFollowUpDate(db, cohort.id, "test-evaluering", "2027-02-15");
    expect(await followUpDates(db, cohort.id)).toEqual(new Map([["test-evaluering", "2027-02-15"]]));
    await setFollowUpDate(db, cohort.id, "test-evaluering", null);
    expect(await followUpDates(db, cohort.id)).toEqual(new Map());
  });
});
