/**
 * The daily housekeeping of personal data: learning data of accounts inactive for
 * RETENTION_MONTHS is removed (and the removal written to the audit log), audit entries older
 * than 12 months are removed. Run on start and then once a day; with several app processes each
 * runs it, which is harmless (what one removed, the next finds gone).
 */
import { purgeOldAuditEntries, recordAudit } from "~/admin/audit.server";
import { inTransaction, type DB } from "~/db/database.server";
import { deleteLearningData, inactiveAccounts } from "./user-data.server";

export async function applyRetention(
  db: DB,
  retentionMonths: number,
): Promise<{ accounts: number; auditEntries: number }> {
  let accounts = 0;
  for (const userId of await inactiveAccounts(db, retentionMonths)) {
    // The removal and its audit entry in one transaction; an account with nothing left to remove
    // gets no entry (the job runs daily).
    const removed = await inTransaction(db, async (trx) => {
      const deleted = await deleteLearningData(trx, userId);
      const rows = Object.values(deleted).reduce((sum, count) => sum + count, 0);
      if (rows > 0) {
        await recordAudit(trx, {
          actor: null,
          action: "retention.learning_data_deleted",
          subjectUserId: userId,
          details: { months: retentionMonths, rows },
        });
      }
      return rows > 0;
    });
    if (removed) accounts++;
  }
  const auditEntries = await purgeOldAuditEntries(db);
  return { accounts, auditEntries };
}
