/**
 * What the cohort dashboard's loader does: the trainer (or an administrator) with access to the
 * cohort, its figures, and the matrix sorted as the URL asks. Also what `npm run bench:dashboard`
 * measures.
 */
import { begrundelseSummaries } from "~/activities/begrundelse/trainer-pages.server";
import { getCourse } from "~/content/content.server";
import { requireTrainerCohort } from "./cohorts.server";
import { parseMatrixSort, sortMatrix } from "./dashboard";
import { cohortDashboard } from "./dashboard.server";
import { formatMinute } from "~/utils/danish";
import { joinLinkFor } from "./join-code";

export async function cohortDashboardPage(request: Request, cohortId: string | undefined) {
  const { db, cohort } = await requireTrainerCohort(request, cohortId);
  const [dashboard, begrundelser] = await Promise.all([
    cohortDashboard(db, await getCourse(), cohort),
    begrundelseSummaries(db, cohort),
  ]);
  const url = new URL(request.url);
  const sort = parseMatrixSort(
    url.searchParams,
    dashboard.matrix.modules.map((m) => m.id),
  );
  return {
    cohort,
    joinLink: joinLinkFor(url.origin, cohort.joinCode),
    created: url.searchParams.get("oprettet") === "1",
    sort,
    ...dashboard,
    begrundelser,
    matrix: {
      ...dashboard.matrix,
      rows: sortMatrix(dashboard.matrix.rows, sort).map((row) => ({
        ...row,
        lastActivity: row.lastActivity ? formatMinute(row.lastActivity) : "",
      })),
    },
  };
}
