// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import type { Kysely } from "kysely";

/**
 * Indexes for the trainer's cohort dashboard (issue 5). Every dashboard query starts from the
 * cohort's members (cohort_members primary key) and reaches each learner's rows through an
 * index that leads with user_id, so a cohort's figures cost the same however many other
 * learners the database holds.
 */
// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("case_decisions_user_activity")
    .on("case_decisions")
    .columns(["user_id", "activity_id"])
    .execute();
  await db.schema
    .createIndex("quiz_answers_user_activity")
    .on("quiz_answers")
    .columns(["user_id", "activity_id"])
    .execute();
  await db.schema.createIndex("cohorts_organisation").on("cohorts").column("organisation_id").execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["cohorts_organisation", "quiz_answers_user_activity", "case_decisions_user_activity"]) {
    await db.schema.dropIndex(index).execute();
  }
}
