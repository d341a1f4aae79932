/**
 * The database side of /admin/import: what the plan needs to know (existing accounts, kommuner,
 * cohorts), and the import itself in one transaction. The preview and the import plan the same
 * file against the database of their moment; when the database has changed in between (someone
 * created one of the users meanwhile), the import stops and shows the new preview instead.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "~/db/database.server";
import { createUser } from "~/users/users.server";
import { normaliseJoinCode } from "~/trainer/join-code";
import { createInvitation, placeInCohort } from "./invitations.server";
import {
  decodeSpreadsheetText,
  foldName,
  planImport,
  readImportFile,
  type ImportLookups,
  type ImportPlan,
  type ImportRow,
} from "./import";

export async function loadImportLookups(db: DB, rows: ImportRow[]): Promise<ImportLookups> {
  const emails = [...new Set(rows.map((row) => row.email.toLowerCase()).filter(Boolean))];
  const codes = [...new Set(rows.map((row) => normaliseJoinCode(row.cohortCode)).filter(Boolean))];
  const [users, memberships, organisations, cohorts] = await Promise.all([
    emails.length
      ? db.selectFrom("users").select(["id", "email", "name"]).where("email", "in", emails).execute()
      : Promise.resolve([]),
    emails.length
      ? db
          .selectFrom("cohort_members")
          .innerJoin("users", "users.id", "cohort_members.user_id")
          .select(["users.email", "cohort_members.cohort_id"])
          .where("users.email", "in", emails)
          .execute()
      : Promise.resolve([]),
    db.selectFrom("organisations").select(["id", "name"]).execute(),
    codes.length
      ? db
          .selectFrom("cohorts")
          .select([
            "id",
            "name",
            "join_code",
            sql<boolean>`ends_on < (now() at time zone 'Europe/Copenhagen')::date`.as("expired"),
          ])
          .where("join_code", "in", codes)
          .execute()
      : Promise.resolve([]),
  ]);
  const cohortIdsOf = (email: string) => new Set(memberships.filter((m) => m.email === email).map((m) => m.cohort_id));
  return {
    users: new Map(users.map((u) => [u.email, { id: u.id, name: u.name, cohortIds: cohortIdsOf(u.email) }])),
    organisations: new Map(organisations.map((o) => [foldName(o.name), o])),
    cohorts: new Map(cohorts.map((c) => [c.join_code, { id: c.id, name: c.name, expired: c.expired }])),
  };
}

/** What the preview and the import compare: the same rows doing the same things. */
export function planFingerprint(plan: ImportPlan): string {
  const summary = plan.rows.map((row) => [
    row.line,
    row.status,
    row.email,
    row.status === "error" ? row.errors : [row.cohort?.id ?? null, row.status === "exists" ? row.userId : null],
  ]);
  return createHash("sha256").update(JSON.stringify(summary)).digest("hex").slice(0, 32);
}

export type ImportPreview =
  { ok: true; text: string; plan: ImportPlan; fingerprint: string } | { ok: false; error: string };

/** Reads and plans an uploaded file; writes nothing. `text` is what the import form sends back. */
export async function previewImport(db: DB, bytes: Uint8Array): Promise<ImportPreview> {
  const file = readImportFile(bytes);
  if (!file.ok) return file;
  const plan = planImport(file.rows, await loadImportLookups(db, file.rows));
  // The import form sends the decoded text back (as UTF-8), so nobody uploads the file twice.
  return { ok: true, text: decodeSpreadsheetText(bytes), plan, fingerprint: planFingerprint(plan) };
}

export type ImportResult =
  | {
      ok: true;
      created: { id: string; email: string }[];
      joined: number;
      /** Invitations to send once the transaction has committed. */
      invitations: { id: string; token: string; email: string }[];
    }
  | { ok: false; preview: ImportPreview; message: string };

/**
 * Imports the previewed file: every new account (without a password), every cohort membership,
 * and the invitations when asked for, in one transaction. Refuses when the file has errors or
 * the plan is not the one the administrator saw.
 */
export async function commitImport(
  db: DB,
  input: { text: string; fingerprint: string; invite: boolean; invitedBy: string },
): Promise<ImportResult> {
  const bytes = new TextEncoder().encode(input.text);
  const file = readImportFile(bytes);
  if (!file.ok) return { ok: false, preview: file, message: file.error };
  return db.transaction().execute(async (trx) => {
    const plan = planImport(file.rows, await loadImportLookups(trx, file.rows));
    const fingerprint = planFingerprint(plan);
    const preview: ImportPreview = { ok: true, text: input.text, plan, fingerprint };
    if (plan.counts.error > 0) {
      return { ok: false, preview, message: "Filen har fejl. Ret dem, og upload filen igen; intet er importeret." };
    }
    if (fingerprint !== input.fingerprint) {
      return {
        ok: false,
        preview,
        message: "Databasen er ændret siden forhåndsvisningen. Se den nye forhåndsvisning, og importér igen.",
      };
    }
    const created: { id: string; email: string }[] = [];
    const invitations: { id: string; token: string; email: string }[] = [];
    let joined = 0;
    for (const row of plan.rows) {
      let userId: string;
      if (row.status === "create") {
        const user = await createUser(trx, {
          email: row.email,
          name: row.name,
          role: row.role,
          organisationId: row.organisationId,
          password: null,
        });
        userId = user.id;
        created.push({ id: user.id, email: user.email });
        if (input.invite) {
          const invitation = await createInvitation(trx, {
            email: row.email,
            name: row.name,
            role: row.role,
            organisationId: row.organisationId,
            cohortId: null,
            invitedBy: input.invitedBy,
          });
          invitations.push({ id: invitation.id, token: invitation.token, email: row.email });
        }
      } else if (row.status === "exists") {
        userId = row.userId;
      } else {
        continue;
      }
      if (row.cohort) {
        const role =
          row.status === "create"
            ? row.role
            : (await trx.selectFrom("users").select("role").where("id", "=", userId).executeTakeFirstOrThrow()).role;
        await placeInCohort(trx, row.cohort.id, userId, role);
        joined += 1;
      }
    }
    return { ok: true, created, joined, invitations };
  });
}
