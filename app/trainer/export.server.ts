/**
 * The cohort's export as a download (`eksport.csv`, `eksport.xlsx`): the trainer's access as on
 * the cohort page, the same typed table in both, an audit entry for each.
 */
import { recordAudit } from "~/admin/audit.server";
import { getCourse } from "~/content/content.server";
import { requireTrainerCohort } from "./cohorts.server";
import { cohortExportTable } from "./dashboard.server";
import { tableToCsv } from "./export-table";
import { tableToXlsx } from "./xlsx.server";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** "hold-egeby-foraar": the cohort's name as a file name any system accepts. */
export const exportFileName = (name: string) =>
  `hold-${
    name
      .replace(/æ/gi, "ae")
      .replace(/ø/gi, "oe")
      .replace(/å/gi, "aa")
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "eksport"
  }`;

export async function cohortExportResponse(
  request: Request,
  cohortId: string | undefined,
  format: "csv" | "xlsx",
  clientAddress?: string,
) {
  const { user, db, cohort } = await requireTrainerCohort(request, cohortId);
  const table = await cohortExportTable(db, await getCourse(), cohort);
  const body = format === "csv" ? tableToCsv(table) : new Uint8Array(await tableToXlsx(table));
  await recordAudit(db, {
    actor: user,
    action: format === "csv" ? "cohort.csv_exported" : "cohort.xlsx_exported",
    cohortId: cohort.id,
    clientAddress,
  });
  return new Response(body, {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFileName(cohort.name)}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
