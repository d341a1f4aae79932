/**
 * A cohort's settings: more trainers, removing one, and a new join code. Both engines.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SessionUser } from "../../app/auth/session.server";
import {
  addCohortTrainer,
  cohortTrainers,
  createCohort,
  joinCohort,
  removeCohortTrainer,
  renewJoinCode,
  requireCohortAccess,
  UNKNOWN_CODE_MESSAGE,
  visibleCohorts,
} from "../../app/trainer/cohorts.server";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";

describe.each(engines)("cohort settings on %s", (engine) => {
  let handle: TestDatabase;
  let organisationId = "";

  beforeAll(async () => {
    handle = await freshDatabase(engine);
    organisationId = (
      await handle.db
        .insertInto("organisations")
        .values({ name: "Egeby Kommune" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => handle.close());

  async function cohortWithTrainer(random?: (size: number) => Buffer) {
    const trainer = await createTestUser(handle.db, {
      role: "trainer",
      name: `Tove Træner ${randomUUID().slice(0, 4)}`,
    });
    const cohort = await createCohort(
      handle.db,
      {
        name: "Hold A",
        organisationId,
        startsOn: "2026-01-01",
        endsOn: "2099-12-31",
        modules: ["test"],
        trainerId: trainer.id,
      },
      random,
    );
    return { trainer, cohort };
  }
  const asUser = (user: { id: string; role: SessionUser["role"] }) => ({
    ...user,
    email: "",
    name: "",
    organisationId: null,
    sessionId: "",
  });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => "accepted",
      (error: Error) => error.message,
    );

  test("a second trainer is added by e-mail and then sees the cohort", async () => {
    const { cohort } = await cohortWithTrainer();
    const colleague = await createTestUser(handle.db, { role: "trainer", name: "Karin Kollega" });
    expect(await refusal(requireCohortAccess(handle.db, asUser(colleague), cohort.id))).not.toBe("accepted");

    // Case and surrounding spaces do not matter, as at login.
    expect(await addCohortTrainer(handle.db, cohort.id, `  ${colleague.email.toUpperCase()} `)).toEqual({
      name: "Karin Kollega",
    });
    expect((await cohortTrainers(handle.db, cohort.id)).map((t) => t.name)).toContain("Karin Kollega");
    expect((await requireCohortAccess(handle.db, asUser(colleague), cohort.id)).id).toBe(cohort.id);
    expect((await visibleCohorts(handle.db, asUser(colleague))).map((c) => c.id)).toEqual([cohort.id]);
  });

  test("adding is refused, in Danish, for an unknown or deactivated user, a learner, a participant and a trainer already on the cohort", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    expect(await refusal(addCohortTrainer(handle.db, cohort.id, "ingen@egeby.dk"))).toBe(
      "Der er ingen aktiv bruger med e-mailadressen ingen@egeby.dk. En administrator kan oprette brugeren.",
    );
    const inactive = await createTestUser(handle.db, { role: "trainer" });
    await handle.db.updateTable("users").set({ active: false }).where("id", "=", inactive.id).execute();
    expect(await refusal(addCohortTrainer(handle.db, cohort.id, inactive.email))).toMatch(/^Der er ingen aktiv bruger/);

    const learner = await createTestUser(handle.db, { name: "Lars Lærer" });
    expect(await refusal(addCohortTrainer(handle.db, cohort.id, learner.email))).toBe(
      "Lars Lærer er ikke underviser. En administrator kan give brugeren rollen underviser.",
    );

    const participant = await createTestUser(handle.db, { role: "trainer", name: "Pia Deltager" });
    const joinCode = (
      await handle.db.selectFrom("cohorts").select("join_code").where("id", "=", cohort.id).executeTakeFirstOrThrow()
    ).join_code;
    expect((await joinCohort(handle.db, participant.id, joinCode)).ok).toBe(true);
    expect(await refusal(addCohortTrainer(handle.db, cohort.id, participant.email))).toBe(
      "Pia Deltager er deltager på holdet og kan ikke også være underviser på det.",
    );

    expect(await refusal(addCohortTrainer(handle.db, cohort.id, trainer.email))).toMatch(
      /er allerede underviser på holdet\.$/,
    );
    expect(await cohortTrainers(handle.db, cohort.id)).toHaveLength(1);
  });

  test("a trainer is removed and loses the cohort; the last trainer cannot be removed", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    expect(await refusal(removeCohortTrainer(handle.db, cohort.id, trainer.id))).toBe(
      "Holdet skal have mindst én underviser. Tilføj en anden, før du fjerner den sidste.",
    );
    const colleague = await createTestUser(handle.db, { role: "trainer", name: "Karin Kollega" });
    await addCohortTrainer(handle.db, cohort.id, colleague.email);
    expect(await removeCohortTrainer(handle.db, cohort.id, trainer.id)).toEqual({ name: trainer.name });
    expect(await refusal(requireCohortAccess(handle.db, asUser(trainer), cohort.id))).not.toBe("accepted");
    expect((await cohortTrainers(handle.db, cohort.id)).map((t) => t.id)).toEqual([colleague.id]);
    expect(await refusal(removeCohortTrainer(handle.db, cohort.id, trainer.id))).toBe(
      "Brugeren er ikke underviser på holdet.",
    );
  });

  test("two trainers removing each other at the same time leave one of them on the cohort", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    const colleague = await createTestUser(handle.db, { role: "trainer" });
    await addCohortTrainer(handle.db, cohort.id, colleague.email);
    const results = await Promise.allSettled([
      removeCohortTrainer(handle.db, cohort.id, colleague.id),
      removeCohortTrainer(handle.db, cohort.id, trainer.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await cohortTrainers(handle.db, cohort.id)).toHaveLength(1);
  });

  test("a new join code: the old code stops working, the new one joins, and participants stay", async () => {
    const { cohort } = await cohortWithTrainer();
    const early = await createTestUser(handle.db);
    expect((await joinCohort(handle.db, early.id, cohort.joinCode)).ok).toBe(true);

    const renewed = await renewJoinCode(handle.db, cohort.id);
    expect(renewed).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(renewed).not.toBe(cohort.joinCode);

    const late = await createTestUser(handle.db);
    expect(await joinCohort(handle.db, late.id, cohort.joinCode)).toEqual({ ok: false, message: UNKNOWN_CODE_MESSAGE });
    expect((await joinCohort(handle.db, late.id, renewed)).ok).toBe(true);
    const members = await handle.db
      .selectFrom("cohort_members")
      .select("user_id")
      .where("cohort_id", "=", cohort.id)
      .execute();
    expect(members.map((m) => m.user_id).sort()).toEqual([early.id, late.id].sort());
  });

  test("a new code that happens to clash with another cohort's is drawn again", async () => {
    const fixedBytes = (fill: number) => () => Buffer.alloc(8, fill);
    const { cohort: first } = await cohortWithTrainer(fixedBytes(1));
    const { cohort: second } = await cohortWithTrainer();
    let draws = 0;
    // The first draw gives the first cohort's code again; the second draw is free.
    const clashOnce = () => Buffer.alloc(8, ++draws === 1 ? 1 : 2);
    const renewed = await renewJoinCode(handle.db, second.id, clashOnce);
    expect(draws).toBe(2);
    expect(renewed).not.toBe(first.joinCode);
    expect(
      (await handle.db.selectFrom("cohorts").select("join_code").where("id", "=", first.id).executeTakeFirstOrThrow())
        .join_code,
    ).toBe(first.joinCode);
  });
});
