/**
 * The daily housekeeping of personal data: learning data of accounts inactive for
 * RETENTION_MONTHS is removed (and the removal written to the audit log), audit entries older
 * than 12 months are removed. Run on start and then once a day; with several app processes each
 * runs it, which is harmless (what one removed, the next finds gone).
 */
import { purgeOldAuditEntries, recordAudit } from "~/admin/audit.server";
import type { DB } from "~/db/database.server";
import { removeLearningDataOfInactiveAccounts } from "./user-data.server";

export async function applyRetention(
  db: DB,
  retentionMonths: number,
): Promise<{ accounts: number; auditEntries: number }> {
  const removed = await removeLearningDataOfInactiveAccounts(db, retentionMonths);
  for (const userId of removed) {
    await recordAudit(db, {
      actor: null,
      action: "retention.learning_data_deleted",
      subjectUserId: userId,
      details: { months: retentionMonths },
    });
  }
  const auditEntries = await purgeOldAuditEntries(db);
  return { accounts: removed.length, auditEntries };
}
