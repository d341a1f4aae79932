/**
 * Slows down guessing without letting one person's failures lock out another. Failures are
 * counted per (account, address) and per account, never per address alone: a whole kommune
 * behind one NAT address must not be locked out by one colleague's typos or by someone
 * guessing other accounts. After a few free failures each further attempt must wait, a wait
 * that doubles up to a few minutes (a growing delay, not a long lockout).
 *
 * - (account, address): FREE_FAILURES free, then 15 s doubling to 5 minutes.
 * - account, from every address together (guessing from many addresses): ACCOUNT_FREE_FAILURES
 *   free, then 30 s doubling to 15 minutes, but only for addresses that have themselves failed
 *   for the account: a correct password from an address that has not failed always gets in.
 *
 * The same counters, under other keys, slow down other lookups (a trainer adding colleagues).
 */
import { sql } from "kysely";
import type { DB } from "~/db/database.server";

export interface ThrottlePolicy {
  freeFailures: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

/** Failures older than this are forgotten. */
const FORGET_AFTER_SECONDS = 60 * 60;

/** For callers that name no policy (password reset requests): 5 free, then 30 s doubling to 15 minutes. */
export const DEFAULT_POLICY: ThrottlePolicy = { freeFailures: 5, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };
export const ACCOUNT_AT_ADDRESS: ThrottlePolicy = { freeFailures: 5, firstWaitSeconds: 15, maxWaitSeconds: 5 * 60 };
export const ACCOUNT_EVERYWHERE: ThrottlePolicy = { freeFailures: 20, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };

export function waitAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.firstWaitSeconds * 2 ** (failures - policy.freeFailures), policy.maxWaitSeconds);
}

export const loginKeys = (email: string, clientAddress: string) => ({
  atAddress: `login:${email}|${clientAddress}`,
  everywhere: `login:${email}`,
});

interface FailureCount {
  failures: number;
  secondsSince: number;
}

async function failureCounts(db: DB, keys: string[]): Promise<Map<string, FailureCount>> {
  const rows = await db
    .selectFrom("login_failures")
    .select(["key", "failures", sql<number>`extract(epoch from (now() - last_failed_at))::float8`.as("secondsSince")])
    .where("key", "in", keys)
    .execute();
  return new Map(rows.filter((row) => row.secondsSince <= FORGET_AFTER_SECONDS).map((row) => [row.key, row]));
}

const remaining = (count: FailureCount | undefined, policy: ThrottlePolicy) =>
  count ? Math.max(waitAfterFailures(count.failures, policy) - count.secondsSince, 0) : 0;

/** Seconds the caller must still wait under `policy` (the longest over `keys`), 0 if it may try now. */
export async function secondsToWait(
  db: DB,
  keys: string | string[],
  policy: ThrottlePolicy = DEFAULT_POLICY,
): Promise<number> {
  const list = [keys].flat();
  const counts = await failureCounts(db, list);
  return Math.ceil(Math.max(0, ...list.map((key) => remaining(counts.get(key), policy))));
}

/** Seconds a login for `email` from `clientAddress` must still wait, 0 if it may try now. */
export async function loginWait(db: DB, email: string, clientAddress: string): Promise<number> {
  const keys = loginKeys(email, clientAddress);
  const counts = await failureCounts(db, [keys.atAddress, keys.everywhere]);
  const atAddress = counts.get(keys.atAddress);
  if (!atAddress) return 0;
  return Math.ceil(
    Math.max(remaining(atAddress, ACCOUNT_AT_ADDRESS), remaining(counts.get(keys.everywhere), ACCOUNT_EVERYWHERE)),
  );
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

export async function clearFailures(db: DB, keys: string[]): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "in", keys).execute();
}

/** Removes counters nobody looks at any more; called now and then with the session purge. */
export async function purgeOldFailures(db: DB): Promise<void> {
  await db
    .deleteFrom("login_failures")
    .where("last_failed_at", "<", sql<Date>`now() - make_interval(secs => ${FORGET_AFTER_SECONDS})`)
    .execute();
}
