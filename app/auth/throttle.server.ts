/**
 * Slows down password guessing: after FREE_FAILURES failed logins for one account or one
 * address, each further attempt must wait, and the wait doubles with every failure.
 */
import { sql } from "kysely";
import type { DB } from "~/db/database.server";

const FREE_FAILURES = 5;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
const FORGET_AFTER_SECONDS = 60 * 60;

export const throttleKeys = (email: string, clientAddress: string) => [`email:${email}`, `address:${clientAddress}`];

export function waitAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS);
}

/** Seconds the caller must still wait before a new attempt, 0 if it may try now. */
export async function secondsToWait(db: DB, keys: string[]): Promise<number> {
  const rows = await db
    .selectFrom("login_failures")
    .select(["failures", sql<number>`extract(epoch from (now() - last_failed_at))::float8`.as("secondsSince")])
    .where("key", "in", keys)
    .execute();
  let wait = 0;
  for (const row of rows) {
    if (row.secondsSince > FORGET_AFTER_SECONDS) continue;
    wait = Math.max(wait, waitAfterFailures(row.failures) - row.secondsSince);
  }
  return Math.ceil(Math.max(wait, 0));
}

export async function recordFailure(db: DB, keys: string[]): Promise<void> {
  for (const key of keys) {
    await db
      .insertInto("login_failures")
      .values({ key, failures: 1, first_failed_at: sql`now()`, last_failed_at: sql`now()` })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: sql`case when login_failures.last_failed_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}) then 1 else login_failures.failures + 1 end`,
          first_failed_at: sql`case when login_failures.last_failed_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}) then now() else login_failures.first_failed_at end`,
          last_failed_at: sql`now()`,
        }),
      )
      .execute();
  }
}

export async function clearFailures(db: DB, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}
