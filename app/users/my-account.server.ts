/**
 * "Min konto": what a signed-in user sees of their own account (cohorts, sign-in methods,
 * sessions) and changes themselves (their password). Every function acts on the signed-in user
 * only; nothing here takes another user's id from a form.
 */
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { destroyUserSessions, listUserSessions, type SessionUser } from "~/auth/session.server";
import { clearFailures, loginKeys, loginWait, recordFailure } from "~/auth/throttle.server";
import type { DB } from "~/db/database.server";

export async function myAccount(db: DB, user: SessionUser) {
  const [account, memberOf, trains, identities, sessions] = await Promise.all([
    db
      .selectFrom("users")
      .leftJoin("organisations", "organisations.id", "users.organisation_id")
      .select(["users.created_at as createdAt", "users.password_hash", "organisations.name as organisation"])
      .where("users.id", "=", user.id)
      .executeTakeFirstOrThrow(),
    cohortsOf(db, "cohort_members", user.id),
    cohortsOf(db, "cohort_trainers", user.id),
    db
      .selectFrom("user_identities")
      .select(["issuer", "created_at as linkedAt", "last_login_at as lastLoginAt"])
      .where("user_id", "=", user.id)
      .orderBy("created_at")
      .execute(),
    listUserSessions(db, user.id, user.sessionId),
  ]);
  return {
    organisation: account.organisation,
    createdAt: account.createdAt,
    hasPassword: account.password_hash !== null,
    cohorts: [
      ...memberOf.map((c) => ({ ...c, as: "deltager" as const })),
      ...trains.map((c) => ({ ...c, as: "underviser" as const })),
    ],
    identities,
    sessions,
  };
}

function cohortsOf(db: DB, table: "cohort_members" | "cohort_trainers", userId: string) {
  return db
    .selectFrom(table)
    .innerJoin("cohorts", "cohorts.id", `${table}.cohort_id`)
    .innerJoin("organisations", "organisations.id", "cohorts.organisation_id")
    .select([
      "cohorts.id",
      "cohorts.name",
      "organisations.name as organisation",
      "cohorts.starts_on as startsOn",
      "cohorts.ends_on as endsOn",
    ])
    .where(`${table}.user_id`, "=", userId)
    .orderBy("cohorts.starts_on", "desc")
    .orderBy("cohorts.name")
    .execute();
}

export type PasswordChange =
  | { ok: true; endedSessions: number }
  | { ok: false; field: "currentPassword"; message: string }
  | { ok: false; retryAfterSeconds: number };

/**
 * Changes the signed-in user's password. The current one is required and checked with the
 * login's throttle (a stolen session must not become a way to guess the password); every other
 * session of the account ends.
 */
export async function changeOwnPassword(
  db: DB,
  input: { user: SessionUser; currentPassword: string; newPassword: string; clientAddress: string },
): Promise<PasswordChange> {
  const wait = await loginWait(db, input.user.email, input.clientAddress);
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  const keys = loginKeys(input.user.email, input.clientAddress);
  const row = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", input.user.id)
    .executeTakeFirstOrThrow();
  if (!row.password_hash || !(await verifyPassword(input.currentPassword, row.password_hash))) {
    await recordFailure(db, [keys.atAddress, keys.everywhere]);
    return {
      ok: false,
      field: "currentPassword",
      message: row.password_hash
        ? "Den nuværende adgangskode er forkert."
        : "Din konto har ingen adgangskode endnu. Brug „Glemt adgangskode?“ på login-siden for at vælge en.",
    };
  }
  await clearFailures(db, [keys.atAddress, keys.everywhere]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", input.user.id).execute();
  const endedSessions = await destroyUserSessions(db, input.user.id, input.user.sessionId);
  return { ok: true, endedSessions };
}
