/**
 * Invitations by e-mail: an administrator invites anyone (optionally to a cohort), a trainer
 * invites participants to a cohort they train. The link is valid for INVITATION_DAYS, works once
 * and is stored only as a hash. Accepting it creates the account (or uses the one that exists),
 * sets a password or links a single sign-on identity, and places the user in the cohort.
 */
import { sql } from "kysely";
import { recordAudit } from "~/admin/audit.server";
import { hashPassword } from "~/auth/password.server";
import { mayEnter, type Role } from "~/auth/roles";
import { recordFailure, secondsToWait, type ThrottlePolicy } from "~/auth/throttle.server";
import { hashToken, newToken } from "~/auth/tokens.server";
import { inTransaction, type DB } from "~/db/database.server";
import { invitationMail } from "~/mail/templates";
import { MailNotSentError, sendMail } from "~/mail/mail.server";
import { parseInviteeList } from "~/users/invitee-list";
import { createUser, normaliseEmail, signInMethods } from "~/users/users.server";
import { getEnv } from "~/utils/env.server";

export const INVITATION_DAYS = 7;

export interface InvitationInput {
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  cohortId: string | null;
  invitedBy: string | null;
}

/** A refusal the invitee or the inviter should read, in Danish. */
export class InvitationError extends Error {}

/**
 * Stores an invitation and returns its token (for the link). An earlier open invitation of the
 * same address to the same cohort stops working: only the newest link is valid.
 */
export async function createInvitation(db: DB, input: InvitationInput) {
  const email = normaliseEmail(input.email);
  const { token, hash } = newToken();
  const work = async (trx: DB) => {
    const existing = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    let superseded = trx
      .updateTable("invitations")
      .set({ expires_at: sql<Date>`now()` })
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`);
    superseded = input.cohortId
      ? superseded.where("cohort_id", "=", input.cohortId)
      : superseded.where("cohort_id", "is", null);
    await superseded.execute();
    const invitation = await trx
      .insertInto("invitations")
      .values({
        token_hash: hash,
        email,
        name: input.name,
        role: input.role,
        organisation_id: input.organisationId,
        cohort_id: input.cohortId,
        user_id: existing?.id ?? null,
        invited_by: input.invitedBy,
        expires_at: sql<Date>`now() + make_interval(days => ${INVITATION_DAYS})`,
      })
      .returning(["id", "expires_at"])
      .executeTakeFirstOrThrow();
    return { id: invitation.id, token, email, expiresAt: invitation.expires_at, existingAccount: Boolean(existing) };
  };
  // Inside the import's transaction, or a transaction of its own.
  return inTransaction(db, work);
}

export const invitationLink = (token: string) => `${getEnv().appUrl}/invitation/${token}`;

/** Sends the invitation mail (throws MailNotSentError when the mail server refuses). */
export async function sendInvitationMail(db: DB, invitationId: string, token: string) {
  const row = await db
    .selectFrom("invitations")
    .leftJoin("organisations", "organisations.id", "invitations.organisation_id")
    .leftJoin("cohorts", "cohorts.id", "invitations.cohort_id")
    .leftJoin("organisations as cohort_organisations", "cohort_organisations.id", "cohorts.organisation_id")
    .leftJoin("users as inviters", "inviters.id", "invitations.invited_by")
    .leftJoin("users as invitees", "invitees.id", "invitations.user_id")
    .select([
      "invitations.email",
      "invitations.name",
      "invitations.expires_at",
      "organisations.name as organisation",
      "cohorts.name as cohort",
      "cohort_organisations.name as cohortOrganisation",
      "inviters.name as inviter",
      "invitees.name as existingName",
    ])
    .where("invitations.id", "=", invitationId)
    .executeTakeFirstOrThrow();
  const { oidc } = getEnv();
  await sendMail({
    to: row.email,
    ...invitationMail({
      name: row.existingName ?? row.name,
      inviterName: row.inviter,
      organisation: row.cohortOrganisation ?? row.organisation,
      cohort: row.cohort,
      link: invitationLink(token),
      expiresAt: row.expires_at,
      singleSignOn: oidc?.buttonText ?? null,
    }),
  });
}

/**
 * Invites the owner of an existing account that has no way to sign in yet (created by an
 * administrator or imported): a new link (the older one stops working), mailed at once. Returns
 * false when the mail server refused the mail; the link is then stored but unknown to anyone.
 */
export async function inviteExistingAccount(db: DB, userId: string, invitedBy: string): Promise<boolean> {
  const user = await db
    .selectFrom("users")
    .select(["email", "name", "role", "organisation_id"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const invitation = await createInvitation(db, {
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisation_id,
    cohortId: null,
    invitedBy,
  });
  try {
    await sendInvitationMail(db, invitation.id, invitation.token);
    return true;
  } catch (error) {
    if (error instanceof MailNotSentError) return false;
    throw error;
  }
}

export type InvitationView = Awaited<ReturnType<typeof findInvitation>>;

/** What the invitation page shows for a token: the invitation and whether it can still be used. */
export async function findInvitation(db: DB, token: string) {
  const row = await db
    .selectFrom("invitations")
    .leftJoin("organisations", "organisations.id", "invitations.organisation_id")
    .leftJoin("cohorts", "cohorts.id", "invitations.cohort_id")
    .leftJoin("users", (join) =>
      join.on((eb) =>
        eb.or([
          eb("users.id", "=", eb.ref("invitations.user_id")),
          eb("users.email", "=", eb.ref("invitations.email")),
        ]),
      ),
    )
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.name",
      "invitations.role",
      "invitations.expires_at as expiresAt",
      "invitations.accepted_at as acceptedAt",
      "organisations.name as organisation",
      "cohorts.name as cohort",
      "users.id as userId",
      ...signInMethods(),
      sql<boolean>`invitations.expires_at <= now()`.as("expired"),
    ])
    .where("invitations.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { status: "unknown" as const };
  if (row.acceptedAt) return { status: "used" as const };
  if (row.expired) return { status: "expired" as const };
  const { expired: _expired, acceptedAt: _acceptedAt, ...invitation } = row;
  return {
    status: "open" as const,
    invitation: {
      ...invitation,
      /** The account exists and can sign in already: the invitee signs in to accept. */
      accountCanSignIn: Boolean(row.userId && (row.hasPassword || row.hasIdentity)),
    },
  };
}

export type Acceptance =
  /** A new account, or one without a password yet (imported): the invitee chooses a password. */
  | { kind: "password"; password: string }
  /** The signed-in user accepts for their own account. */
  | { kind: "signed-in"; userId: string }
  /** A single sign-on identity; the account is the one it is linked to, or the invitation's. */
  | { kind: "identity"; issuer: string; subject: string; email: string | null };

/**
 * Accepts an invitation in one transaction: locks it (a second use, even at the same moment, is
 * refused), finds or creates the account, sets the password or links the identity, and places
 * the user in the cohort. Returns the account's id.
 */
export async function acceptInvitation(db: DB, invitationId: string, acceptance: Acceptance): Promise<string> {
  const passwordHash = acceptance.kind === "password" ? await hashPassword(acceptance.password) : null;
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom("invitations")
      .selectAll()
      .select(sql<boolean>`expires_at <= now()`.as("expired"))
      .where("id", "=", invitationId)
      .forUpdate()
      .executeTakeFirst();
    if (!invitation || invitation.accepted_at) throw new InvitationError("Invitationen er allerede brugt.");
    if (invitation.expired) {
      throw new InvitationError("Invitationen er udløbet. Bed den, der inviterede dig, om en ny.");
    }
    // An archived cohort is read-only and takes no members, also not by an invitation sent before.
    if (invitation.cohort_id) {
      const cohort = await trx
        .selectFrom("cohorts")
        .select("archived_at")
        .where("id", "=", invitation.cohort_id)
        .executeTakeFirst();
      if (cohort?.archived_at) {
        throw new InvitationError(
          "Holdet er arkiveret og tager ikke imod nye deltagere. Kontakt den, der inviterede dig.",
        );
      }
    }
    const account = await trx
      .selectFrom("users")
      .select(["id", "email", "role", "active", "password_hash"])
      .where((eb) => (invitation.user_id ? eb("id", "=", invitation.user_id) : eb("email", "=", invitation.email)))
      .executeTakeFirst();
    if (account && !account.active) {
      throw new InvitationError("Kontoen er deaktiveret. Kontakt en administrator.");
    }

    let userId: string;
    if (acceptance.kind === "signed-in") {
      if (!account || account.id !== acceptance.userId) {
        throw new InvitationError(
          `Invitationen er sendt til ${invitation.email}. Log ud, og log ind med den adresse for at tage imod den.`,
        );
      }
      userId = account.id;
    } else if (acceptance.kind === "password") {
      if (account?.password_hash) {
        throw new InvitationError("Du har allerede en konto med adgangskode. Log ind for at tage imod invitationen.");
      }
      if (account) {
        await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", account.id).execute();
        userId = account.id;
      } else {
        userId = (await createUser(trx, newAccount(invitation))).id;
        // The hash was computed before the transaction (scrypt takes a while); set it directly.
        await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
      }
    } else {
      const linked = await trx
        .selectFrom("user_identities")
        .innerJoin("users", "users.id", "user_identities.user_id")
        .select(["users.id", "users.active"])
        .where("issuer", "=", acceptance.issuer)
        .where("subject", "=", acceptance.subject)
        .executeTakeFirst();
      if (linked && !linked.active) throw new InvitationError("Kontoen er deaktiveret. Kontakt en administrator.");
      if (linked) {
        userId = linked.id;
      } else {
        userId = account?.id ?? (await createUser(trx, newAccount(invitation))).id;
        await trx
          .insertInto("user_identities")
          .values({
            issuer: acceptance.issuer,
            subject: acceptance.subject,
            user_id: userId,
            linked_email: acceptance.email,
          })
          .execute();
      }
    }

    if (invitation.cohort_id) {
      const role = (await trx.selectFrom("users").select("role").where("id", "=", userId).executeTakeFirstOrThrow())
        .role;
      await placeInCohort(trx, invitation.cohort_id, userId, role);
    }
    await trx
      .updateTable("invitations")
      .set({ accepted_at: sql<Date>`now()`, accepted_by: userId })
      .where("id", "=", invitation.id)
      .execute();
    const accepter = await trx
      .selectFrom("users")
      .select(["id", "name"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: accepter,
      action: "invitation.accepted",
      subjectUserId: userId,
      cohortId: invitation.cohort_id,
      details: {
        with:
          acceptance.kind === "identity" ? "single sign-on" : acceptance.kind === "password" ? "adgangskode" : "login",
      },
    });
    return userId;
  });
}

const newAccount = (invitation: { email: string; name: string; role: Role; organisation_id: string | null }) => ({
  email: invitation.email,
  name: invitation.name,
  role: invitation.role,
  organisationId: invitation.organisation_id,
  password: null,
});

/**
 * A trainer or administrator trains the cohort; anyone else takes part in it. A participant is
 * never also a trainer of the same cohort (the figures would count the trainer).
 */
export async function placeInCohort(trx: DB, cohortId: string, userId: string, role: Role) {
  const trains = await trx
    .selectFrom("cohort_trainers")
    .select("user_id")
    .where("cohort_id", "=", cohortId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (trains) return;
  if (mayEnter(role, "trainer")) {
    const member = await trx
      .selectFrom("cohort_members")
      .select("user_id")
      .where("cohort_id", "=", cohortId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!member) {
      await trx.insertInto("cohort_trainers").values({ cohort_id: cohortId, user_id: userId }).execute();
      return;
    }
  }
  await trx
    .insertInto("cohort_members")
    .values({ cohort_id: cohortId, user_id: userId })
    .onConflict((oc) => oc.columns(["cohort_id", "user_id"]).doNothing())
    .execute();
}

/** The invitations of a cohort that can still be accepted, for its settings page. */
export function openInvitationsOfCohort(db: DB, cohortId: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "email", "name", "expires_at as expiresAt"])
    .where("cohort_id", "=", cohortId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
}

/** Per inviter: ten submissions an hour (each up to MAX_INVITEES people), then a minute's wait, doubling. */
const INVITATION_POLICY: ThrottlePolicy = { freeFailures: 10, firstWaitSeconds: 60, maxWaitSeconds: 15 * 60 };

export type InvitationsSent =
  { ok: true; sent: string[]; notSent: string[] } | { ok: false; retryAfterSeconds: number };

/**
 * Invites people by e-mail and sends the mails: a trainer's participants (learners in the
 * cohort's kommune), or one person an administrator invites. The answer is the same whether an
 * address has an account, so the form reveals nothing about other kommuners' users. Each
 * submission counts once in the inviter's throttle (mail to strangers must not become a tool).
 */
export async function sendInvitations(
  db: DB,
  input: {
    invitedBy: string;
    invitees: { name: string; email: string }[];
    role: Role;
    organisationId: string | null;
    cohortId: string | null;
  },
): Promise<InvitationsSent> {
  const keys = [`invite:${input.invitedBy}`];
  const wait = await secondsToWait(db, keys, INVITATION_POLICY);
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  await recordFailure(db, keys);
  const sent: string[] = [];
  const notSent: string[] = [];
  for (const invitee of input.invitees) {
    const invitation = await createInvitation(db, {
      email: invitee.email,
      name: invitee.name,
      role: input.role,
      organisationId: input.organisationId,
      cohortId: input.cohortId,
      invitedBy: input.invitedBy,
    });
    try {
      await sendInvitationMail(db, invitation.id, invitation.token);
      sent.push(invitation.email);
    } catch (error) {
      if (!(error instanceof MailNotSentError)) throw error;
      notSent.push(invitation.email);
    }
  }
  return { ok: true, sent, notSent };
}

export type ParticipantInvitations =
  | { ok: true; sent: string[]; notSent: string[] }
  | { ok: false; errors: string[] }
  | { ok: false; retryAfterSeconds: number };

/**
 * A trainer (or an administrator) invites participants to a cohort: the pasted list, one person
 * per line, as learners in the cohort's kommune. A cohort that has ended takes nobody new.
 */
export async function inviteParticipants(
  db: DB,
  input: { cohortId: string; invitedBy: string; text: string },
): Promise<ParticipantInvitations> {
  const list = parseInviteeList(input.text);
  if (!list.ok) return list;
  const cohort = await db
    .selectFrom("cohorts")
    .select(["organisation_id", sql<boolean>`ends_on < (now() at time zone 'Europe/Copenhagen')::date`.as("ended")])
    .where("id", "=", input.cohortId)
    .executeTakeFirstOrThrow();
  if (cohort.ended) {
    return { ok: false, errors: ["Holdet er slut og kan ikke få nye deltagere. Ret slutdatoen først."] };
  }
  return sendInvitations(db, {
    invitedBy: input.invitedBy,
    invitees: list.invitees,
    role: "learner",
    organisationId: cohort.organisation_id,
    cohortId: input.cohortId,
  });
}
