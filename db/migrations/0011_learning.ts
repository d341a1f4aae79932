// Migrations are frozen in time: Kysely<any>, no app imports (see 0001).
import { sql, type Kysely } from "kysely";

/**
 * Learning that holds (issue 11): each case decision stores its verdict by the review's rule
 * (`best`, `partial`, `not-best`; the best choice of the step in the whole case, not only among
 * the offered ones). A step may have no best choice left (every way ends forkert), so the best
 * choice to name may be absent. Decisions stored before this migration keep a null verdict: the
 * learner's review judges them again from the case, and the trainer's figures read `was_best`.
 */
// Kysely<any> on purpose: see the note at the top.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("case_decisions")
    .addColumn("verdict", "text", (c) => c.check(sql`verdict in ('best', 'partial', 'not-best')`))
    .execute();
  await db.schema
    .alterTable("case_decisions")
    .alterColumn("best_choice_id", (c) => c.dropNotNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update case_decisions set best_choice_id = choice_id where best_choice_id is null`.execute(db);
  await db.schema
    .alterTable("case_decisions")
    .alterColumn("best_choice_id", (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable("case_decisions").dropColumn("verdict").execute();
}
