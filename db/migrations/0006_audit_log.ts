// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

/**
 * Issue 12, accountability: who did what to whom, when and from where (kept 12 months), and when
 * each account was last active, so that learning data of accounts inactive for RETENTION_MONTHS
 * can be removed.
 */
// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // The user who acted; null for the app itself (the retention job) or once the user is deleted.
    .addColumn("actor_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    // Kept as written at the time, so the entry still reads after the user is gone.
    .addColumn("actor_name", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("cohort_id", "uuid", (c) => c.references("cohorts.id").onDelete("set null"))
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("client_address", "text")
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
  await db.schema.createIndex("audit_log_subject").on("audit_log").column("subject_user_id").execute();

  // Accounts that existed before count as active now: nothing is removed earlier than
  // RETENTION_MONTHS after this migration.
  await db.schema
    .alterTable("users")
    .addColumn("last_active_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("users_last_active").on("users").column("last_active_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("last_active_at").execute();
  await db.schema.dropTable("audit_log").execute();
}
