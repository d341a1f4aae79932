/** What the classroom brief's loader does (`/underviser/hold/<id>/brief`): same access as the cohort page. */
import { getCourse } from "~/content/content.server";
import type { QuizActivity } from "~/activities/quiz/content";
import { formatDate, formatDateTime } from "~/utils/danish";
import { briefSections } from "./brief";
import { requireTrainerCohort } from "./cohorts.server";
import { cohortDashboard, cohortModules } from "./dashboard.server";
import { cohortQuizFigures } from "./quiz-figures.server";
import { cohortPlaces } from "./weak-places.server";

export async function cohortBriefPage(request: Request, cohortId: string | undefined) {
  const { db, cohort } = await requireTrainerCohort(request, cohortId);
  const course = await getCourse();
  const modules = cohortModules(course, cohort.moduleIds);
  const quizzes = modules.flatMap((m) => m.activities).filter((a): a is QuizActivity => a.type === "quiz");
  const [dashboard, places, quizFigures] = await Promise.all([
    cohortDashboard(db, course, cohort),
    cohortPlaces(db, cohort.id, modules),
    cohortQuizFigures(db, cohort.id, quizzes),
  ]);
  const moduleOf = new Map(modules.flatMap((m) => m.activities.map((a) => [a.id, m.title] as const)));
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      organisation: cohort.organisation,
      period: `${formatDate(cohort.startsOn)} – ${formatDate(cohort.endsOn)}`,
    },
    printedAt: formatDateTime(new Date()),
    participants: dashboard.matrix.rows.length,
    participation: dashboard.matrix.perModule,
    quizFigures: quizFigures.map((q) => ({ ...q, moduleTitle: moduleOf.get(q.activityId) ?? "" })),
    ...briefSections(
      places,
      dashboard.evaluations.map((e) => ({ ...e, moduleTitle: moduleOf.get(e.activityId) ?? e.title })),
    ),
  };
}
