// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  // Every version of a case that an attempt was started on, so an unfinished attempt can
  // continue on its own version after an author has changed the case.
  await db.schema
    .createTable("case_versions")
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("definition", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("case_versions_pk", ["activity_id", "version"])
    .execute();

  await db.schema
    .createTable("case_attempts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("case_version", "text", (c) => c.notNull())
    .addColumn("snapshot", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'finished', 'abandoned')`))
    .addColumn("current_place", "text", (c) => c.notNull())
    // How many decisions are recorded, and how many of their feedbacks the learner has read.
    .addColumn("decision_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("acknowledged_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("score", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_score", "integer", (c) => c.notNull())
    .addColumn("outcome_id", "text")
    .addColumn("outcome_result", "text")
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("case_attempts_user_activity")
    .on("case_attempts")
    .columns(["user_id", "activity_id", "started_at"])
    .execute();
  // At most one unfinished attempt per learner and case: a double "start" cannot create two.
  await sql`create unique index case_attempts_one_active on case_attempts (user_id, activity_id) where status = 'active'`.execute(
    db,
  );

  await db.schema
    .createTable("case_decisions")
    .addColumn("attempt_id", "uuid", (c) => c.notNull().references("case_attempts.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull())
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("step_id", "text", (c) => c.notNull())
    .addColumn("choice_id", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    // Points earned (0 when the choice was made before in the attempt) and the choice's own points.
    .addColumn("points", "integer", (c) => c.notNull())
    .addColumn("choice_points", "integer", (c) => c.notNull())
    // Whether no offered choice had more points, and the one with the most: the basis of
    // "a better choice existed" in the learner's review and the trainer's dashboard.
    .addColumn("was_best", "boolean", (c) => c.notNull())
    .addColumn("best_choice_id", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("decided_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("case_decisions_pk", ["attempt_id", "seq"])
    .execute();
  await db.schema
    .createIndex("case_decisions_activity")
    .on("case_decisions")
    .columns(["activity_id", "step_id"])
    .execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("case_decisions").execute();
  await db.schema.dropTable("case_attempts").execute();
  await db.schema.dropTable("case_versions").execute();
}
