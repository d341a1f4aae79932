import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/admin/audit.server";
import { getCourse } from "~/content/content.server";
import { requireTrainerCohort } from "~/trainer/cohorts.server";
import { cohortExport } from "~/trainer/dashboard.server";

/** The cohort's progress matrix and results per participant as CSV for Danish Excel. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, db, cohort } = await requireTrainerCohort(request, params.cohortId);
  const csv = await cohortExport(db, await getCourse(), cohort);
  await recordAudit(db, {
    actor: user,
    action: "cohort.csv_exported",
    cohortId: cohort.id,
    clientAddress: context.clientAddress,
  });
  const fileName = `hold-${
    cohort.name
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "eksport"
  }.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
