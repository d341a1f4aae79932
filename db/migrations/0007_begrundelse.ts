// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

/**
 * Issue 13, "Skriv begrundelsen": a learner's attempts at writing a begrundelse (the draft while
 * writing, the text as submitted), their own rating of it per criterion, a trainer's rating per
 * criterion with a comment, and the texts a trainer marks for discussion in a cohort. Every table
 * has the learner's user_id, so a person's data is found, exported and deleted by it.
 */
const RATING = sql`rating in ('opfyldt', 'delvist', 'ikke-opfyldt')`;

// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("begrundelse_attempts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("module_id", "text", (c) => c.notNull())
    // The activity's version the attempt was written on (its task and criteria).
    .addColumn("content_version", "text", (c) => c.notNull())
    // 1, 2, … per learner and activity; "Prøv igen" adds the next.
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'assessed')`))
    .addColumn("draft_text", "text", (c) => c.notNull().defaultTo(""))
    // Fixed when submitted: the text the learner and the trainer assess.
    .addColumn("submitted_text", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("self_assessed_at", "timestamptz")
    .addUniqueConstraint("begrundelse_attempts_number", ["user_id", "activity_id", "number"])
    .addCheckConstraint(
      "begrundelse_attempts_submitted",
      sql`(status = 'draft') = (submitted_text is null) and (status = 'draft') = (submitted_at is null)`,
    )
    .execute();
  await db.schema
    .createIndex("begrundelse_attempts_activity")
    .on("begrundelse_attempts")
    .columns(["activity_id", "status"])
    .execute();
  await db.schema
    .createIndex("begrundelse_attempts_module")
    .on("begrundelse_attempts")
    .columns(["user_id", "module_id"])
    .execute();

  // The learner's own rating of a submitted text, per criterion.
  await db.schema
    .createTable("begrundelse_self_ratings")
    .addColumn("attempt_id", "uuid", (c) => c.notNull().references("begrundelse_attempts.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("criterion_id", "text", (c) => c.notNull())
    .addColumn("rating", "text", (c) => c.notNull().check(RATING))
    .addPrimaryKeyConstraint("begrundelse_self_ratings_pk", ["attempt_id", "criterion_id"])
    .execute();

  // One trainer assessment per text (the last trainer to save it), with its ratings.
  await db.schema
    .createTable("begrundelse_reviews")
    .addColumn("attempt_id", "uuid", (c) => c.primaryKey().references("begrundelse_attempts.id").onDelete("cascade"))
    // The learner whose text it is.
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("trainer_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("comment", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("begrundelse_review_ratings")
    .addColumn("attempt_id", "uuid", (c) =>
      c.notNull().references("begrundelse_reviews.attempt_id").onDelete("cascade"),
    )
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("criterion_id", "text", (c) => c.notNull())
    .addColumn("rating", "text", (c) => c.notNull().check(RATING))
    .addPrimaryKeyConstraint("begrundelse_review_ratings_pk", ["attempt_id", "criterion_id"])
    .execute();

  // Texts a cohort's trainer has marked "Til drøftelse" for the classroom day.
  await db.schema
    .createTable("begrundelse_discussions")
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("attempt_id", "uuid", (c) => c.notNull().references("begrundelse_attempts.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("marked_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("marked_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("begrundelse_discussions_pk", ["cohort_id", "attempt_id"])
    .execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "begrundelse_discussions",
    "begrundelse_review_ratings",
    "begrundelse_reviews",
    "begrundelse_self_ratings",
    "begrundelse_attempts",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
