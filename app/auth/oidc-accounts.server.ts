/**
 * Which Sagslab account a verified OpenID Connect identity signs in to (see
 * docs/decisions/0014-account-linking-and-single-sign-on.md): the account linked to (issuer, subject); else, once,
 * the account with the same e-mail when the provider says it is verified; else the account an
 * invitation creates; else a new learner when OIDC_AUTO_CREATE=1; else a Danish refusal.
 * OIDC_ROLE_CLAIM and OIDC_ROLE_MAP then set the role from the provider's groups.
 */
import { sql } from "kysely";
import { audited, recordAudit } from "~/admin/audit.server";
import { acceptInvitation, InvitationError } from "~/users/invitations.server";
import { isUniqueViolation, type DB } from "~/db/database.server";
import { createUser } from "~/users/users.server";
import type { OidcSettings } from "~/utils/env.server";
import type { OidcClaims } from "./oidc.server";
import { roleFromGroups } from "./role-map";

export type IdentitySignIn = { ok: true; userId: string } | { ok: false; message: string };

export const UNKNOWN_USER_MESSAGE =
  "Du har ingen konto i Sagslab endnu. Bed din underviser om en invitation, eller kontakt en administrator i din kommune.";
const DEACTIVATED_MESSAGE = "Din konto i Sagslab er deaktiveret. Kontakt en administrator, hvis det er en fejl.";

export async function signInWithIdentity(
  db: DB,
  settings: OidcSettings,
  claims: OidcClaims,
  options: { invitationId?: string | null; clientAddress?: string | null } = {},
): Promise<IdentitySignIn> {
  const found = await resolveAccount(db, settings, claims, options.invitationId ?? null);
  if (!found.ok) return found;
  await db
    .updateTable("user_identities")
    .set({ last_login_at: sql`now()` })
    .where("issuer", "=", claims.issuer)
    .where("subject", "=", claims.subject)
    .execute();
  await applyRoleClaim(db, settings, claims, found.userId, options.clientAddress ?? null);
  return found;
}

async function resolveAccount(
  db: DB,
  settings: OidcSettings,
  claims: OidcClaims,
  invitationId: string | null,
): Promise<IdentitySignIn> {
  const verifiedEmail = claims.emailVerified ? claims.email : null;
  if (invitationId) {
    try {
      const userId = await acceptInvitation(db, invitationId, {
        kind: "identity",
        issuer: claims.issuer,
        subject: claims.subject,
        email: verifiedEmail,
      });
      return { ok: true, userId };
    } catch (error) {
      if (error instanceof InvitationError) return { ok: false, message: error.message };
      throw error;
    }
  }

  const linked = await db
    .selectFrom("user_identities")
    .innerJoin("users", "users.id", "user_identities.user_id")
    .select(["users.id", "users.active"])
    .where("user_identities.issuer", "=", claims.issuer)
    .where("user_identities.subject", "=", claims.subject)
    .executeTakeFirst();
  if (linked) return linked.active ? { ok: true, userId: linked.id } : { ok: false, message: DEACTIVATED_MESSAGE };

  if (verifiedEmail) {
    const byEmail = await db
      .selectFrom("users")
      .select([
        "users.id",
        "users.active",
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom("user_identities")
                .select("user_identities.subject")
                .whereRef("user_identities.user_id", "=", "users.id")
                .where("user_identities.issuer", "=", claims.issuer),
            )
            .as("linkedElsewhere"),
      ])
      .where("users.email", "=", verifiedEmail)
      .executeTakeFirst();
    if (byEmail) {
      if (!byEmail.active) return { ok: false, message: DEACTIVATED_MESSAGE };
      // The account already belongs to another person at this provider (an address handed on to
      // a new employee, say): linking the newcomer would give them the old account.
      if (byEmail.linkedElsewhere) {
        return {
          ok: false,
          message:
            "Din e-mailadresse hører til en Sagslab-konto, der allerede er knyttet til en anden bruger hos jeres login-udbyder. Kontakt en administrator.",
        };
      }
      await link(db, claims, byEmail.id, verifiedEmail);
      return { ok: true, userId: byEmail.id };
    }
  }

  if (!settings.autoCreate) return { ok: false, message: UNKNOWN_USER_MESSAGE };
  if (!verifiedEmail) {
    return {
      ok: false,
      message:
        "Login-udbyderen har ikke oplyst en bekræftet e-mailadresse, så Sagslab kan ikke oprette en konto til dig. Kontakt en administrator.",
    };
  }
  const organisationName = organisationFromClaims(settings, claims);
  if (!organisationName) {
    return {
      ok: false,
      message: "Login-udbyderen har ikke oplyst din kommune, så Sagslab kan ikke oprette en konto til dig.",
    };
  }
  try {
    const userId = await db.transaction().execute(async (trx) => {
      const organisationId = await organisationByName(trx, organisationName);
      const user = await createUser(trx, {
        email: verifiedEmail,
        name: claims.name ?? verifiedEmail,
        role: "learner",
        organisationId,
        password: null,
      });
      await link(trx, claims, user.id, null);
      await recordAudit(trx, {
        actor: { id: user.id, name: user.name },
        action: "user.created_by_single_sign_on",
        subjectUserId: user.id,
        details: { kommune: organisationName.trim() },
      });
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    // The same person signing in twice at once: the other request created the account.
    if (isUniqueViolation(error)) return resolveAccount(db, settings, claims, null);
    throw error;
  }
}

function link(db: DB, claims: OidcClaims, userId: string, linkedEmail: string | null) {
  return db
    .insertInto("user_identities")
    .values({ issuer: claims.issuer, subject: claims.subject, user_id: userId, linked_email: linkedEmail })
    .execute();
}

function claimValues(claims: OidcClaims, name: string): string[] | null {
  const value = claims.all[name];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return null;
}

function organisationFromClaims(settings: OidcSettings, claims: OidcClaims): string | null {
  if (settings.organisationClaim) {
    const value = claimValues(claims, settings.organisationClaim)?.[0]?.trim();
    if (value) return value;
  }
  return settings.organisation;
}

/** The kommune with this name (case and surrounding spaces do not matter), created if it is new. */
async function organisationByName(db: DB, name: string): Promise<string> {
  const find = () =>
    db
      .selectFrom("organisations")
      .select("id")
      .where(sql<string>`lower(btrim(name))`, "=", name.trim().toLowerCase())
      .executeTakeFirst();
  const existing = await find();
  if (existing) return existing.id;
  return (await db.insertInto("organisations").values({ name: name.trim() }).returning("id").executeTakeFirstOrThrow())
    .id;
}

async function applyRoleClaim(
  db: DB,
  settings: OidcSettings,
  claims: OidcClaims,
  userId: string,
  clientAddress: string | null,
) {
  if (!settings.roleClaim) return;
  const user = await db.selectFrom("users").select("role").where("id", "=", userId).executeTakeFirstOrThrow();
  const role = roleFromGroups(settings.roleMap, user.role, claimValues(claims, settings.roleClaim));
  if (!role || role === user.role) return;
  // A role change like an administrator's, in the audit log with it; the actor is the login provider.
  await audited(
    db,
    {
      actor: null,
      action: "user.role_changed",
      subjectUserId: userId,
      details: { role, previous: user.role, via: "single sign-on" },
      clientAddress,
    },
    (trx) => trx.updateTable("users").set({ role }).where("id", "=", userId).execute(),
  );
}
