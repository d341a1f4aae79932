/**
 * "Glemt adgangskode?": a link by e-mail, valid RESET_MINUTES, used once, stored hashed. The
 * answer to a request is the same whether the address has an account or not, and takes as long:
 * the mail is sent after the answer, not before it. Requests are throttled per address and per
 * client with the throttle module. Setting the new password ends every session of the account.
 */
import { sql } from "kysely";
import { hashPassword } from "~/auth/password.server";
import { recordFailure, secondsToWait, type ThrottlePolicy } from "~/auth/throttle.server";
import { hashToken, newToken } from "~/auth/tokens.server";
import type { DB } from "~/db/database.server";
import { sendMail } from "~/mail/mail.server";
import { passwordResetMail } from "~/mail/templates";
import { findUserByEmail, normaliseEmail } from "~/users/users.server";
import { getEnv } from "~/utils/env.server";

export const RESET_MINUTES = 60;

export type ResetRequest =
  /** `delivery` settles when the mail is sent (or has failed, which is logged); the page does not wait for it. */
  { ok: true; delivery: Promise<void> } | { ok: false; retryAfterSeconds: number };

/**
 * Each request counts against the e-mail address asked for (5 an hour, then 30 s doubling) and
 * against the client asking, with more room there: a whole kommune may share one address.
 */
const PER_CLIENT: ThrottlePolicy = { freeFailures: 50, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };

export async function requestPasswordReset(
  db: DB,
  input: { email: string; clientAddress: string },
): Promise<ResetRequest> {
  const email = normaliseEmail(input.email);
  const keys = { email: `reset-email:${email}`, client: `reset-address:${input.clientAddress}` };
  const wait = Math.max(await secondsToWait(db, keys.email), await secondsToWait(db, keys.client, PER_CLIENT));
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  await recordFailure(db, [keys.email, keys.client]);

  const user = await findUserByEmail(db, email);
  // With PASSWORD_LOGIN=0 only administrators have a password to reset; the others sign in with single sign-on.
  if (!user?.active || (!getEnv().passwordLogin && user.role !== "admin")) {
    return { ok: true, delivery: Promise.resolve() };
  }
  const { token, hash } = newToken();
  const reset = await db.transaction().execute(async (trx) => {
    // Only the newest link works.
    await endOpenResetLinks(trx, user.id);
    return trx
      .insertInto("password_resets")
      .values({
        token_hash: hash,
        user_id: user.id,
        expires_at: sql<Date>`now() + make_interval(mins => ${RESET_MINUTES})`,
      })
      .returning("expires_at")
      .executeTakeFirstOrThrow();
  });
  const organisation = user.organisation_id
    ? await db.selectFrom("organisations").select("name").where("id", "=", user.organisation_id).executeTakeFirst()
    : undefined;
  const delivery = sendMail({
    to: user.email,
    ...passwordResetMail({
      name: user.name,
      organisation: organisation?.name ?? null,
      link: `${getEnv().appUrl}/nulstil-adgangskode/${token}`,
      expiresAt: reset.expires_at,
    }),
  }).catch((error: unknown) => {
    // The answer has gone; the user asks again if no mail comes. The mail module has logged why.
    void error;
  });
  return { ok: true, delivery };
}

export const RESET_LINK_UNUSABLE =
  "Linket til at vælge en ny adgangskode er udløbet eller allerede brugt. Bed om et nyt link nedenfor.";

/** Whether a reset link can still be used, and for which address (shown on the page). */
export async function findPasswordReset(db: DB, token: string): Promise<{ ok: true; email: string } | { ok: false }> {
  const row = await db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select("users.email")
    .where("password_resets.token_hash", "=", hashToken(token))
    .where("password_resets.used_at", "is", null)
    .where("password_resets.expires_at", ">", sql<Date>`now()`)
    .where("users.active", "=", true)
    .executeTakeFirst();
  return row ? { ok: true, email: row.email } : { ok: false };
}

export class ResetLinkError extends Error {
  constructor() {
    super(RESET_LINK_UNUSABLE);
  }
}

/**
 * Sets the new password and uses up the link, in one transaction that also ends every session
 * of the account (a thief signed in elsewhere is out). Returns the account's id, so the page can
 * sign the user in on this browser.
 */
export async function resetPassword(db: DB, token: string, password: string): Promise<string> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const reset = await trx
      .updateTable("password_resets")
      .set({ used_at: sql<Date>`now()` })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .returning("user_id")
      .executeTakeFirst();
    if (!reset) throw new ResetLinkError();
    const user = await trx
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", reset.user_id)
      .where("active", "=", true)
      .returning("id")
      .executeTakeFirst();
    if (!user) throw new ResetLinkError();
    await endOpenResetLinks(trx, user.id);
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    return user.id;
  });
}

/** Marks every unused reset link of the user as used: only the newest one works, and none after a reset. */
function endOpenResetLinks(db: DB, userId: string) {
  return db
    .updateTable("password_resets")
    .set({ used_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}
