// Migrations are frozen in time: they use Kysely<any> rather than the app's current schema
// types, and never import app code, so an old migration still reads as it ran.
import { sql, type Kysely } from "kysely";

// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("app_meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('learner', 'trainer', 'author', 'admin')`))
    .addColumn("organisation_id", "uuid", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The id is a SHA-256 of the cookie's token, so a copy of this table opens no session.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_failures")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("first_failed_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_failed_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cohorts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("join_code", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("cohort_trainers")
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("cohort_trainers_pk", ["cohort_id", "user_id"])
    .execute();
  await db.schema.createIndex("cohort_trainers_user_id").on("cohort_trainers").column("user_id").execute();

  await db.schema
    .createTable("cohort_members")
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("joined_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("cohort_members_pk", ["cohort_id", "user_id"])
    .execute();
  await db.schema.createIndex("cohort_members_user_id").on("cohort_members").column("user_id").execute();

  await db.schema
    .createTable("cohort_modules")
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("module_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cohort_modules_pk", ["cohort_id", "module_id"])
    .execute();

  // One row per learner and completed activity, whatever its type: the basis of all progress.
  await db.schema
    .createTable("activity_completions")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("activity_type", "text", (c) => c.notNull())
    .addColumn("completed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("activity_completions_pk", ["user_id", "activity_id"])
    .execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "activity_completions",
    "cohort_modules",
    "cohort_members",
    "cohort_trainers",
    "cohorts",
    "login_failures",
    "sessions",
    "users",
    "organisations",
    "app_meta",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
