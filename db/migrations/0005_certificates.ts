// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

/**
 * Course certificates (issue 11). A certificate is issued once per learner and module, when the
 * module is completed by the pass rule, and keeps what it said on that day: the learner's name
 * and kommune, the module, the day it was completed and the date of its legal basis. Its code is
 * what /bevis/<code> looks up, without a login, so anyone handed a printed certificate can check it.
 * No existing row is touched: old attempts are judged by the pass rule when read, never marked here.
 */
// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("certificates")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("learner_name", "text", (c) => c.notNull())
    .addColumn("organisation_name", "text")
    .addColumn("module_title", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("legal_as_of", "date")
    .addColumn("completed_on", "date", (c) => c.notNull())
    .addColumn("issued_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("certificates_once", ["user_id", "module_id"])
    .execute();
}

// Kysely<any> on purpose: see the note at the top.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("certificates").execute();
}
