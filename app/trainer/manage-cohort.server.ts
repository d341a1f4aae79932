/**
 * Managing a cohort after it is created (issue 14): its name, dates and modules; removing a
 * participant; archiving and restoring; the date of an evaluation's follow-up. An archived cohort
 * is read-only: every change but restoring is refused with a Danish message.
 *
 * Removing a participant ends the membership only: their attempts, answers and completions stay
 * theirs (their own pages and certificates are unchanged), and since every figure of the cohort
 * starts from its members, they leave the cohort's figures at once.
 */
import { sql } from "kysely";
import { inTransaction, type DB } from "~/db/database.server";
import { CohortRuleError } from "./cohorts.server";

export const ARCHIVED_MESSAGE = "Holdet er arkiveret og kan ikke ændres. Gendan holdet for at ændre det.";

/** Locks the cohort's row for the change and refuses when it is archived. */
async function lockOpenCohort(trx: DB, cohortId: string) {
  const cohort = await trx
    .selectFrom("cohorts")
    .select(["id", "archived_at"])
    .where("id", "=", cohortId)
    .forUpdate()
    .executeTakeFirst();
  if (!cohort) throw new CohortRuleError("Holdet findes ikke.");
  if (cohort.archived_at) throw new CohortRuleError(ARCHIVED_MESSAGE);
}

/** Runs a change of the cohort in a transaction, refused when the cohort is archived. */
export function changeOpenCohort<T>(db: DB, cohortId: string, change: (trx: DB) => Promise<T>) {
  // Inside a caller's transaction (the audit entry's) when there is one.
  return inTransaction(db, async (trx) => {
    await lockOpenCohort(trx, cohortId);
    return change(trx);
  });
}

export interface CohortDetails {
  name: string;
  startsOn: string;
  endsOn: string;
  /** Published modules only (the form's schema checks that); at least one. */
  modules: string[];
}

/**
 * Changes the name, dates and modules. A module taken off the cohort keeps its learners' work;
 * it only leaves the cohort's pages (and is back, with the work, if it is put on again).
 */
export async function updateCohort(db: DB, cohortId: string, details: CohortDetails): Promise<void> {
  await changeOpenCohort(db, cohortId, async (trx) => {
    await trx
      .updateTable("cohorts")
      .set({ name: details.name, starts_on: details.startsOn, ends_on: details.endsOn })
      .where("id", "=", cohortId)
      .execute();
    await trx
      .deleteFrom("cohort_modules")
      .where("cohort_id", "=", cohortId)
      .where("module_id", "not in", details.modules)
      .execute();
    await trx
      .insertInto("cohort_modules")
      .values(details.modules.map((module_id) => ({ cohort_id: cohortId, module_id })))
      .onConflict((oc) => oc.columns(["cohort_id", "module_id"]).doNothing())
      .execute();
  });
}

/** The cohort's participants for the settings page, in Danish name order (in JavaScript: ICU's order). */
export function cohortParticipants(db: DB, cohortId: string) {
  return db
    .selectFrom("cohort_members")
    .innerJoin("users", "users.id", "cohort_members.user_id")
    .select(["users.id", "users.name", "users.email", "users.active", "cohort_members.joined_at as joinedAt"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .execute();
}

/** Takes a participant off the cohort. Their own work stays; the cohort's figures no longer count it. */
export async function removeParticipant(db: DB, cohortId: string, userId: string): Promise<{ name: string }> {
  return changeOpenCohort(db, cohortId, async (trx) => {
    const removed = await trx
      .deleteFrom("cohort_members")
      .where("cohort_id", "=", cohortId)
      .where("user_id", "=", userId)
      .returning("user_id")
      .executeTakeFirst();
    if (!removed) throw new CohortRuleError("Personen er ikke deltager på holdet.");
    const user = await trx.selectFrom("users").select("name").where("id", "=", userId).executeTakeFirstOrThrow();
    return { name: user.name };
  });
}

/**
 * Archives the cohort: read-only, hidden from the trainers' default list, its join code no
 * longer takes members. Nothing is deleted; restoring brings it back as it was.
 */
export async function archiveCohort(db: DB, cohortId: string): Promise<void> {
  await changeOpenCohort(db, cohortId, (trx) =>
    trx
      .updateTable("cohorts")
      .set({ archived_at: sql<Date>`now()` })
      .where("id", "=", cohortId)
      .execute(),
  );
}

export async function restoreCohort(db: DB, cohortId: string): Promise<void> {
  const restored = await db
    .updateTable("cohorts")
    .set({ archived_at: null })
    .where("id", "=", cohortId)
    .where("archived_at", "is not", null)
    .returning("id")
    .executeTakeFirst();
  if (!restored) throw new CohortRuleError("Holdet er ikke arkiveret.");
}

/** Moves an evaluation's follow-up to `opensOn`, or back to the default date (null). */
export async function setFollowUpDate(db: DB, cohortId: string, activityId: string, opensOn: string | null) {
  await changeOpenCohort(db, cohortId, async (trx) => {
    if (opensOn === null) {
      await trx
        .deleteFrom("cohort_follow_ups")
        .where("cohort_id", "=", cohortId)
        .where("activity_id", "=", activityId)
        .execute();
      return;
    }
    await trx
      .insertInto("cohort_follow_ups")
      .values({ cohort_id: cohortId, activity_id: activityId, opens_on: opensOn })
      .onConflict((oc) => oc.columns(["cohort_id", "activity_id"]).doUpdateSet({ opens_on: opensOn }))
      .execute();
  });
}

/** The trainer's follow-up dates of a cohort, by evaluation id. */
export async function followUpDates(db: DB, cohortId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("cohort_follow_ups")
    .select(["activity_id", "opens_on"])
    .where("cohort_id", "=", cohortId)
    .execute();
  return new Map(rows.map((r) => [r.activity_id, r.opens_on]));
}
