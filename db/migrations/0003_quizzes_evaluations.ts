// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("quiz_attempts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("quiz_version", "text", (c) => c.notNull())
    // A token the quiz form carries: the same form submitted twice is stored once.
    .addColumn("submission_id", "uuid", (c) => c.notNull())
    .addColumn("correct_count", "integer", (c) => c.notNull())
    .addColumn("question_count", "integer", (c) => c.notNull())
    .addColumn("percent", "integer", (c) => c.notNull())
    .addColumn("passed", "boolean", (c) => c.notNull())
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("quiz_attempts_submission", ["user_id", "submission_id"])
    .execute();
  await db.schema
    .createIndex("quiz_attempts_user_activity")
    .on("quiz_attempts")
    .columns(["user_id", "activity_id", "submitted_at"])
    .execute();

  await db.schema
    .createTable("quiz_answers")
    .addColumn("attempt_id", "uuid", (c) => c.notNull().references("quiz_attempts.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("option_ids", sql`text[]`, (c) => c.notNull())
    .addColumn("correct", "boolean", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("quiz_answers_pk", ["attempt_id", "question_id"])
    .execute();
  await db.schema
    .createIndex("quiz_answers_activity")
    .on("quiz_answers")
    .columns(["activity_id", "question_id"])
    .execute();

  // One response per learner and evaluation; editable until submitted.
  await db.schema
    .createTable("evaluation_responses")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_at", "timestamptz")
    .addUniqueConstraint("evaluation_responses_once", ["user_id", "activity_id"])
    .execute();
  await db.schema
    .createIndex("evaluation_responses_activity")
    .on("evaluation_responses")
    .columns(["activity_id", "status"])
    .execute();

  await db.schema
    .createTable("evaluation_answers")
    .addColumn("response_id", "uuid", (c) => c.notNull().references("evaluation_responses.id").onDelete("cascade"))
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("likert_value", "text")
    .addColumn("text_value", "text")
    .addPrimaryKeyConstraint("evaluation_answers_pk", ["response_id", "item_id"])
    .execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["evaluation_answers", "evaluation_responses", "quiz_answers", "quiz_attempts"]) {
    await db.schema.dropTable(table).execute();
  }
}
