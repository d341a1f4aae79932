/**
 * Demo data for the embedded database (or a server with SEED_DEMO=1): one organisation, one
 * cohort and one account per role. Seeded once: a marker in app_meta keeps a later start from
 * recreating accounts an administrator has changed or removed.
 */
import { sql } from "kysely";
import type { Role } from "~/auth/roles";
import { createUser } from "~/users/users.server";
import type { DB } from "./database.server";

export const DEMO_PASSWORD = "sagslab-demo";
export const DEMO_ORGANISATION = "Demo Kommune";
export const DEMO_COHORT_CODE = "DEMO-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "sagsbehandler@demo.sagslab.dk", name: "Sara Sagsbehandler", role: "learner" },
  { email: "underviser@demo.sagslab.dk", name: "Ulla Underviser", role: "trainer" },
  { email: "forfatter@demo.sagslab.dk", name: "Frede Forfatter", role: "author" },
  { email: "admin@demo.sagslab.dk", name: "Anna Administrator", role: "admin" },
];

const SEEDED_MARKER = "demo_seeded_at";

/** Returns true when it seeded now, false when the demo data was seeded before. */
export async function seedDemoData(db: DB, moduleIds: string[]): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The marker row is inserted first and stays locked until commit, so two processes
    // starting at once against one server cannot both seed.
    const marker = await trx
      .insertInto("app_meta")
      .values({ key: SEEDED_MARKER, value: new Date().toISOString() })
      .onConflict((oc) => oc.column("key").doNothing())
      .returning("key")
      .executeTakeFirst();
    if (!marker) return false;

    const organisation = await trx
      .insertInto("organisations")
      .values({ name: DEMO_ORGANISATION })
      .onConflict((oc) => oc.column("name").doUpdateSet({ name: DEMO_ORGANISATION }))
      .returning("id")
      .executeTakeFirstOrThrow();

    const users = new Map<Role, string>();
    for (const account of DEMO_ACCOUNTS) {
      const existing = await trx.selectFrom("users").select("id").where("email", "=", account.email).executeTakeFirst();
      const id =
        existing?.id ??
        (await createUser(trx, { ...account, password: DEMO_PASSWORD, organisationId: organisation.id })).id;
      users.set(account.role, id);
    }

    const cohort = await trx
      .insertInto("cohorts")
      .values({
        name: "Demohold – handicapområdet",
        organisation_id: organisation.id,
        starts_on: sql<string>`current_date`,
        ends_on: sql<string>`current_date + 365`,
        join_code: DEMO_COHORT_CODE,
        created_by: users.get("trainer") ?? null,
      })
      .onConflict((oc) => oc.column("join_code").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (cohort) {
      await trx
        .insertInto("cohort_trainers")
        .values({ cohort_id: cohort.id, user_id: users.get("trainer")! })
        .execute();
      await trx
        .insertInto("cohort_members")
        .values({ cohort_id: cohort.id, user_id: users.get("learner")! })
        .execute();
      if (moduleIds.length > 0) {
        await trx
          .insertInto("cohort_modules")
          .values(moduleIds.map((module_id) => ({ cohort_id: cohort.id, module_id })))
          .execute();
      }
    }
    return true;
  });
}
