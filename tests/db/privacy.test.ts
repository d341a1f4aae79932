/**
 * Personal data (GDPR): every table is classified, a user's export covers every table that holds
 * something about them, deleting learning data removes exactly that user's learning rows, the
 * retention rule removes those of long-inactive accounts, and the audit log keeps 12 months.
 * Both engines.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { audited, listAuditLog, purgeOldAuditEntries, recordAudit } from "../../app/admin/audit.server";
import type { DB } from "../../app/db/database.server";
import { applyRetention } from "../../app/privacy/retention.server";
import { deleteLearningData, exportUserData, LEARNING_TABLES, TABLES } from "../../app/privacy/user-data.server";
import { addCohortTrainer, createCohort } from "../../app/trainer/cohorts.server";
import { changeRole } from "../../app/users/users.server";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";

/** A little of every kind of learning data for one user. */
async function learn(db: DB, userId: string) {
  await db
    .insertInto("activity_completions")
    .values({ user_id: userId, activity_id: "lektion-1", module_id: "m", activity_type: "lesson" })
    .execute();
  const quiz = await db
    .insertInto("quiz_attempts")
    .values({
      user_id: userId,
      activity_id: "quiz-1",
      module_id: "m",
      quiz_version: "v1",
      submission_id: crypto.randomUUID(),
      correct_count: 1,
      question_count: 2,
      percent: 50,
      passed: false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("quiz_answers")
    .values({
      attempt_id: quiz.id,
      question_id: "q1",
      user_id: userId,
      activity_id: "quiz-1",
      option_ids: ["a"],
      correct: true,
      topic: "sagsoplysning",
    })
    .execute();
  const response = await db
    .insertInto("evaluation_responses")
    .values({ user_id: userId, activity_id: "evaluering", module_id: "m", status: "submitted" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("evaluation_answers")
    .values({ response_id: response.id, item_id: "fritekst", likert_value: null, text_value: "Godt kursus" })
    .execute();
}

const learningRows = async (db: DB, userId: string) => {
  const counts: Record<string, number> = {};
  for (const table of LEARNING_TABLES) {
    const classification = TABLES[table];
    counts[table] = classification.personal ? (await classification.rows(db, userId)).length : 0;
  }
  return counts;
};

describe.each(engines)("personal data on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await freshDatabase(engine);
  });
  afterAll(() => handle.close());

  test("every table of the database is classified: a new table must say whether and how it holds a user's data", async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(
      handle.db,
    );
    const unclassified = rows.map((row) => row.table_name).filter((name) => !(name in TABLES));
    expect(unclassified, "add these tables to TABLES in app/privacy/user-data.server.ts").toEqual([]);

    // Every column that points at a user is in a table the export covers.
    const { rows: userColumns } = await sql<{ table_name: string; column_name: string }>`
      select kcu.table_name, kcu.column_name
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name
      where ccu.table_name = 'users' and kcu.table_schema = 'public'`.execute(handle.db);
    const { rows: userIdColumns } = await sql<{ table_name: string }>`
      select table_name from information_schema.columns where table_schema = 'public' and column_name = 'user_id'`.execute(
      handle.db,
    );
    const pointing = new Set([...userColumns, ...userIdColumns].map((row) => row.table_name));
    expect(pointing.size).toBeGreaterThan(10);
    const uncovered = [...pointing].filter((name) => !TABLES[name as keyof typeof TABLES]?.personal);
    expect(uncovered, "tables with a user column must be exported (personal: true)").toEqual([]);
  });

  test("the export holds the account and every kind of learning data, without password or token hashes", async () => {
    const user = await createTestUser(handle.db, { name: "Eva Eksport" });
    await learn(handle.db, user.id);
    await recordAudit(handle.db, { actor: null, action: "user.role_changed", subjectUserId: user.id });
    const exported = await exportUserData(handle.db, user.id);
    expect(exported?.tables.users).toEqual([expect.objectContaining({ id: user.id, name: "Eva Eksport" })]);
    for (const table of [
      "activity_completions",
      "quiz_attempts",
      "quiz_answers",
      "evaluation_responses",
      "evaluation_answers",
      "audit_log",
    ]) {
      expect(exported?.tables[table], table).toHaveLength(1);
    }
    const text = JSON.stringify(exported);
    expect(text).toContain("Godt kursus");
    expect(text).not.toMatch(/password_hash|token_hash|scrypt/);
    expect(await exportUserData(handle.db, crypto.randomUUID())).toBeNull();
  });

  test("deleting learning data removes the user's and nobody else's; the account stays", async () => {
    const user = await createTestUser(handle.db);
    const other = await createTestUser(handle.db);
    await learn(handle.db, user.id);
    await learn(handle.db, other.id);
    const deleted = await deleteLearningData(handle.db, user.id);
    expect(deleted).toMatchObject({ activity_completions: 1, quiz_answers: 1, evaluation_answers: 1 });
    expect(Object.values(await learningRows(handle.db, user.id)).every((count) => count === 0)).toBe(true);
    expect(await learningRows(handle.db, other.id)).toMatchObject({ activity_completions: 1, evaluation_answers: 1 });
    expect((await exportUserData(handle.db, user.id))?.tables.users).toHaveLength(1);
  });

  test("retention removes the learning data of accounts inactive longer than RETENTION_MONTHS, and logs it", async () => {
    const dormant = await createTestUser(handle.db);
    const active = await createTestUser(handle.db);
    await learn(handle.db, dormant.id);
    await learn(handle.db, active.id);
    await handle.db
      .updateTable("users")
      .set({ last_active_at: sql`now() - interval '25 months'` })
      .where("id", "=", dormant.id)
      .execute();
    await applyRetention(handle.db, 24);
    expect((await learningRows(handle.db, dormant.id)).activity_completions).toBe(0);
    expect((await learningRows(handle.db, active.id)).activity_completions).toBe(1);
    const { entries } = await listAuditLog(handle.db, { subjectUserId: dormant.id });
    expect(entries.map((e) => e.action)).toContain("retention.learning_data_deleted");
  });

  test("audit entries are kept 12 months", async () => {
    const user = await createTestUser(handle.db);
    await recordAudit(handle.db, { actor: user, action: "cohort.csv_exported", clientAddress: "10.0.0.1" });
    await handle.db
      .insertInto("audit_log")
      .values({ action: "user.deactivated", at: sql`now() - interval '13 months'`, details: "{}" })
      .execute();
    expect(await purgeOldAuditEntries(handle.db)).toBe(1);
    const { entries } = await listAuditLog(handle.db);
    expect(entries.find((e) => e.action === "cohort.csv_exported")).toMatchObject({
      actorName: user.name,
      clientAddress: "10.0.0.1",
    });
  });

  test("a change and its audit entry commit together: neither without the other", async () => {
    const admin = await createTestUser(handle.db, { role: "admin" });
    const user = await createTestUser(handle.db);
    const roleOf = async () =>
      (await handle.db.selectFrom("users").select("role").where("id", "=", user.id).executeTakeFirstOrThrow()).role;
    const entriesAbout = async () => (await listAuditLog(handle.db, { subjectUserId: user.id })).entries;

    // The entry cannot be written (it names a cohort that does not exist): the role stays.
    await expect(
      audited(
        handle.db,
        { actor: admin, action: "user.role_changed", subjectUserId: user.id, cohortId: crypto.randomUUID() },
        (trx) => changeRole(trx, { actorId: admin.id, userId: user.id, role: "trainer" }),
      ),
    ).rejects.toThrow();
    expect(await roleOf()).toBe("learner");
    expect(await entriesAbout()).toEqual([]);

    // The change is refused: no entry.
    await expect(
      audited(handle.db, { actor: admin, action: "user.role_changed", subjectUserId: user.id }, (trx) =>
        changeRole(trx, { actorId: admin.id, userId: admin.id, role: "learner" }),
      ),
    ).rejects.toThrow(/egen administratorrolle/);
    expect(await entriesAbout()).toEqual([]);

    await audited(
      handle.db,
      { actor: admin, action: "user.role_changed", subjectUserId: user.id, clientAddress: "10.1.2.3" },
      (trx) => changeRole(trx, { actorId: admin.id, userId: user.id, role: "trainer" }),
    );
    expect(await roleOf()).toBe("trainer");
    expect(await entriesAbout()).toEqual([
      expect.objectContaining({ action: "user.role_changed", actorName: admin.name, clientAddress: "10.1.2.3" }),
    ]);
  });

  test("adding a trainer is logged with the address; a refused address is not, but still counts for the throttle", async () => {
    const organisationId = (
      await handle.db
        .insertInto("organisations")
        .values({ name: "Logby Kommune" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const trainer = await createTestUser(handle.db, { role: "trainer", organisationId });
    const colleague = await createTestUser(handle.db, { role: "trainer", organisationId });
    const cohort = await createCohort(handle.db, {
      name: "Logbogshold",
      organisationId,
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      modules: ["test"],
      trainerId: trainer.id,
    });
    const actor = { id: trainer.id, name: trainer.name, role: trainer.role };
    await expect(addCohortTrainer(handle.db, cohort.id, "ingen@logby.dk", actor, "10.0.0.9")).rejects.toThrow(
      /kan ikke tilføjes/,
    );
    const failures = await handle.db
      .selectFrom("login_failures")
      .select("key")
      .where("key", "=", `trainer-lookup:${trainer.id}`)
      .execute();
    expect(failures.length).toBeGreaterThan(0);
    await addCohortTrainer(handle.db, cohort.id, colleague.email, actor, "10.0.0.9");
    const { entries } = await listAuditLog(handle.db, { subjectUserId: colleague.id });
    expect(entries).toEqual([
      expect.objectContaining({
        action: "cohort.trainer_added",
        actorName: trainer.name,
        cohortName: "Logbogshold",
        clientAddress: "10.0.0.9",
      }),
    ]);
  });
});
