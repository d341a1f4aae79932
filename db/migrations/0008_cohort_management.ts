// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

/**
 * Issue 14: archived cohorts, and the follow-up of a module evaluation asked months after the
 * course (`<FollowUp>`): the date a cohort's trainer has set for it, and the learners' answers,
 * kept apart from the evaluation's own so the two can be compared.
 */
// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  // Set when a trainer archives the cohort: read-only, hidden from the default list, restorable.
  await db.schema.alterTable("cohorts").addColumn("archived_at", "timestamptz").execute();

  // A trainer's date for a follow-up; without a row it opens `afterDays` after the cohort ends.
  await db.schema
    .createTable("cohort_follow_ups")
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("opens_on", "date", (c) => c.notNull())
    .addPrimaryKeyConstraint("cohort_follow_ups_pk", ["cohort_id", "activity_id"])
    .execute();

  // One follow-up response per learner and evaluation (activity_id is the evaluation's id).
  await db.schema
    .createTable("follow_up_responses")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_at", "timestamptz")
    .addUniqueConstraint("follow_up_responses_once", ["user_id", "activity_id"])
    .execute();

  await db.schema
    .createTable("follow_up_answers")
    .addColumn("response_id", "uuid", (c) => c.notNull().references("follow_up_responses.id").onDelete("cascade"))
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("likert_value", "text")
    .addColumn("text_value", "text")
    .addPrimaryKeyConstraint("follow_up_answers_pk", ["response_id", "item_id"])
    .execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["follow_up_answers", "follow_up_responses", "cohort_follow_ups"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("cohorts").dropColumn("archived_at").execute();
}
