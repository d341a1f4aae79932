/**
 * The audit log (GDPR accountability): who created, imported, invited or corrected a user, changed
 * a role (also by single sign-on), deactivated a user, exported a cohort's CSV or a user's data,
 * deleted learning data, renewed a join code, added or removed a trainer; when, and from which
 * address. Entries are kept AUDIT_KEEP_MONTHS, then removed by the daily job.
 */
import { sql } from "kysely";
import type { SessionUser } from "~/auth/session.server";
import { inTransaction, type DB } from "~/db/database.server";
import type { AuditAction } from "~/db/schema";

export const AUDIT_KEEP_MONTHS = 12;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "user.role_changed": "Rolle ændret",
  "user.deactivated": "Bruger deaktiveret",
  "user.reactivated": "Bruger aktiveret igen",
  "user.data_exported": "Brugerens data eksporteret",
  "user.learning_data_deleted": "Brugerens læringsdata slettet",
  "cohort.csv_exported": "Holdets CSV eksporteret",
  "cohort.join_code_renewed": "Ny tilmeldingskode",
  "cohort.trainer_added": "Underviser tilføjet",
  "cohort.trainer_removed": "Underviser fjernet",
  "cohort.participant_removed": "Deltager fjernet fra holdet",
  "cohort.archived": "Hold arkiveret",
  "cohort.restored": "Hold gendannet",
  "cohort.xlsx_exported": "Holdets Excel-ark eksporteret",
  "retention.learning_data_deleted": "Læringsdata slettet efter opbevaringsperioden",
  "user.created": "Bruger oprettet",
  "user.edited": "Brugerens oplysninger rettet",
  "user.identity_unlinked": "Kobling til single sign-on fjernet",
  "user.invited": "Invitation sendt",
  "users.imported": "Brugere importeret fra regneark",
  "user.created_by_single_sign_on": "Bruger oprettet ved single sign-on",
  "invitation.accepted": "Invitation modtaget",
  "cohort.invitations_sent": "Deltagere inviteret til holdet",
};

export interface AuditEntry {
  /** Null for the app itself (the retention job). */
  actor: Pick<SessionUser, "id" | "name"> | null;
  action: AuditAction;
  subjectUserId?: string | null;
  cohortId?: string | null;
  details?: Record<string, string | number | boolean | null>;
  clientAddress?: string | null;
}

export async function recordAudit(db: DB, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actor?.id ?? null,
      actor_name: entry.actor?.name ?? null,
      action: entry.action,
      subject_user_id: entry.subjectUserId ?? null,
      cohort_id: entry.cohortId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      client_address: entry.clientAddress ?? null,
    })
    .execute();
}

/**
 * Makes a change and writes its audit entry in one transaction: the change is never made without
 * its entry, nor the entry written for a change that failed. `entry` may depend on the change's
 * result (the trainer who was added, the rows that were deleted).
 */
export async function audited<T>(
  db: DB,
  entry: AuditEntry | ((result: T) => AuditEntry),
  change: (trx: DB) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const result = await change(trx);
    await recordAudit(trx, typeof entry === "function" ? entry(result) : entry);
    return result;
  });
}

export const AUDIT_PER_PAGE = 100;

/** The newest entries first, with the names of the user and cohort they concern. */
export async function listAuditLog(db: DB, options: { page?: number; subjectUserId?: string } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("users as subject", "subject.id", "audit_log.subject_user_id")
    .leftJoin("cohorts", "cohorts.id", "audit_log.cohort_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.actor_name as actorName",
      "audit_log.action",
      "subject.name as subjectName",
      "subject.email as subjectEmail",
      "cohorts.name as cohortName",
      "audit_log.details",
      "audit_log.client_address as clientAddress",
    ])
    .$if(Boolean(options.subjectUserId), (query) =>
      query.where("audit_log.subject_user_id", "=", options.subjectUserId!),
    )
    .orderBy("audit_log.at", "desc")
    .limit(AUDIT_PER_PAGE + 1)
    .offset((page - 1) * AUDIT_PER_PAGE)
    .execute();
  return { entries: rows.slice(0, AUDIT_PER_PAGE), more: rows.length > AUDIT_PER_PAGE, page };
}

export async function purgeOldAuditEntries(db: DB): Promise<number> {
  const result = await db
    .deleteFrom("audit_log")
    .where("at", "<", sql<Date>`now() - make_interval(months => ${AUDIT_KEEP_MONTHS})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
