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
      organisationId,
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
  const add = (cohortId: string, email: string, actor: { id: string; role: SessionUser["role"] }) =>
    addCohortTrainer(handle.db, cohortId, email, { name: "", ...actor });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => "accepted",
      (error: Error) => error.message,
    );

  test("a second trainer is added by e-mail and then sees the cohort", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    const colleague = await createTestUser(handle.db, { role: "trainer", name: "Karin Kollega", organisationId });
    expect(await refusal(requireCohortAccess(handle.db, asUser(colleague), cohort.id))).not.toBe("accepted");

    // Case and surrounding spaces do not matter, as at login.
    expect(await add(cohort.id, `  ${colleague.email.toUpperCase()} `, trainer)).toMatchObject({
      name: "Karin Kollega",
    });
    expect((await cohortTrainers(handle.db, cohort.id)).map((t) => t.name)).toContain("Karin Kollega");
    expect((await requireCohortAccess(handle.db, asUser(colleague), cohort.id)).id).toBe(cohort.id);
    expect((await visibleCohorts(handle.db, asUser(colleague))).map((c) => c.id)).toEqual([cohort.id]);
  });

  test("adding is refused with one message for anyone the trainer may not learn about; a participant and a trainer already on the cohort are told", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    const notPossible = (email: string) =>
      `${email} kan ikke tilføjes som underviser. Det kræver en aktiv underviserkonto i Egeby Kommune; en administrator kan oprette den eller give den rollen underviser.`;
    expect(await refusal(add(cohort.id, "ingen@egeby.dk", trainer))).toBe(notPossible("ingen@egeby.dk"));
    const inactive = await createTestUser(handle.db, { role: "trainer", organisationId });
    await handle.db.updateTable("users").set({ active: false }).where("id", "=", inactive.id).execute();
    expect(await refusal(add(cohort.id, inactive.email, trainer))).toBe(notPossible(inactive.email));
    const learner = await createTestUser(handle.db, { name: "Lars Lærer", organisationId });
    expect(await refusal(add(cohort.id, learner.email, trainer))).toBe(notPossible(learner.email));
    // A trainer, an administrator and a learner of another kommune: nothing about them is told.
    const elsewhere = (
      await handle.db
        .insertInto("organisations")
        .values({ name: `Andeby ${randomUUID().slice(0, 4)}` })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    for (const role of ["trainer", "admin", "learner"] as const) {
      const other = await createTestUser(handle.db, { role, name: "Anders Andeby", organisationId: elsewhere });
      const message = await refusal(add(cohort.id, other.email, trainer));
      expect(message).toBe(notPossible(other.email));
      expect(message).not.toContain("Anders");
    }

    const participant = await createTestUser(handle.db, { role: "trainer", name: "Pia Deltager", organisationId });
    const joinCode = (
      await handle.db.selectFrom("cohorts").select("join_code").where("id", "=", cohort.id).executeTakeFirstOrThrow()
    ).join_code;
    expect((await joinCohort(handle.db, participant.id, joinCode)).ok).toBe(true);
    expect(await refusal(add(cohort.id, participant.email, trainer))).toBe(
      "Pia Deltager er deltager på holdet og kan ikke også være underviser på det.",
    );

    expect(await refusal(add(cohort.id, trainer.email, trainer))).toMatch(/er allerede underviser på holdet\.$/);
    expect(await cohortTrainers(handle.db, cohort.id)).toHaveLength(1);
  });

  test("a trainer who tries many addresses that cannot be added must wait; an administrator may add a trainer from any kommune", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    for (let i = 0; i < 10; i++) {
      expect(await refusal(add(cohort.id, `gaet-${i}@andeby.dk`, trainer))).toMatch(/kan ikke tilføjes/);
    }
    const colleague = await createTestUser(handle.db, { role: "trainer", name: "Karin Kollega", organisationId });
    expect(await refusal(add(cohort.id, colleague.email, trainer))).toMatch(/^Du har prøvet mange e-mailadresser/);

    const admin = await createTestUser(handle.db, { role: "admin" });
    const elsewhere = await createTestUser(handle.db, { role: "trainer", name: "Birte Udefra" });
    expect(await add(cohort.id, elsewhere.email, admin)).toMatchObject({ name: "Birte Udefra" });
  });

  test("a trainer is removed and loses the cohort; the last trainer cannot be removed", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    expect(await refusal(removeCohortTrainer(handle.db, cohort.id, trainer.id))).toBe(
      "Holdet skal have mindst én underviser. Tilføj en anden, før du fjerner den sidste.",
    );
    const colleague = await createTestUser(handle.db, { role: "trainer", name: "Karin Kollega", organisationId });
    await add(cohort.id, colleague.email, trainer);
    expect(await removeCohortTrainer(handle.db, cohort.id, trainer.id)).toEqual({ name: trainer.name });
    expect(await refusal(requireCohortAccess(handle.db, asUser(trainer), cohort.id))).not.toBe("accepted");
    expect((await cohortTrainers(handle.db, cohort.id)).map((t) => t.id)).toEqual([colleague.id]);
    expect(await refusal(removeCohortTrainer(handle.db, cohort.id, trainer.id))).toBe(
      "Brugeren er ikke underviser på holdet.",
    );
  });

  test("two trainers removing each other at the same time leave one of them on the cohort", async () => {
    const { trainer, cohort } = await cohortWithTrainer();
    const colleague = await createTestUser(handle.db, { role: "trainer", organisationId });
    await add(cohort.id, colleague.email, trainer);
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
