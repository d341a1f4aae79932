/**
 * What the cohort dashboard's loader does: the trainer (or an administrator) with access to the
 * cohort, its figures, where it goes wrong (ranked, first attempts), its quizzes as numbers, and
 * the matrix sorted as the URL asks. Also what `npm run bench:dashboard` measures.
 */
import { begrundelseSummaries } from "~/activities/begrundelse/trainer-pages.server";
import { cohortFollowUpFigures, evaluationsWithFollowUp } from "~/activities/evaluation/follow-up.server";
import type { QuizActivity } from "~/activities/quiz/content";
import { getCourse } from "~/content/content.server";
import { formatMinute } from "~/utils/danish";
import { requireTrainerCohort } from "./cohorts.server";
import { parseMatrixSort, sortMatrix } from "./dashboard";
import { cohortDashboard, cohortModules, members } from "./dashboard.server";
import { joinLinkFor } from "./join-code";
import { cohortQuizFigures } from "./quiz-figures.server";
import { cohortPlaces } from "./weak-places.server";
import { rankPlaces, withoutDiscussion } from "./weak-places";

export async function cohortDashboardPage(request: Request, cohortId: string | undefined) {
  const { db, cohort } = await requireTrainerCohort(request, cohortId);
  const course = await getCourse();
  const modules = cohortModules(course, cohort.moduleIds);
  const quizzes = modules.flatMap((m) => m.activities).filter((a): a is QuizActivity => a.type === "quiz");
  const [dashboard, places, quizFigures, followUps, begrundelser] = await Promise.all([
    cohortDashboard(db, course, cohort),
    cohortPlaces(db, cohort.id, modules),
    cohortQuizFigures(db, cohort.id, quizzes),
    cohortFollowUpFigures(db, members(cohort.id), evaluationsWithFollowUp(modules)),
    begrundelseSummaries(db, cohort),
  ]);
  const moduleOf = new Map(modules.flatMap((m) => m.activities.map((a) => [a.id, m.title] as const)));
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
    /** Sorted through a column's link: the matrix is what the trainer looks for. */
    sorted: url.searchParams.has("sorter"),
    ...dashboard,
    begrundelser,
    weakPlaces: rankPlaces(places.map(withoutDiscussion)),
    quizFigures: quizFigures.map((q) => ({ ...q, moduleTitle: moduleOf.get(q.activityId) ?? "" })),
    quizzes: dashboard.quizzes.map((q) => ({ ...q, moduleTitle: moduleOf.get(q.activityId) ?? "" })),
    cases: dashboard.cases.map((c) => ({ ...c, moduleTitle: moduleOf.get(c.activityId) ?? "" })),
    evaluations: dashboard.evaluations.map((e) => ({
      ...e,
      moduleTitle: moduleOf.get(e.activityId) ?? e.title,
      followUp: followUps.find((f) => f.activityId === e.activityId) ?? null,
    })),
    matrix: {
      ...dashboard.matrix,
      rows: sortMatrix(dashboard.matrix.rows, sort).map((row) => ({
        ...row,
        lastActivity: row.lastActivity ? formatMinute(row.lastActivity) : "",
      })),
    },
  };
}
