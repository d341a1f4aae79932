import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import trainerStyles from "~/styles/trainer.css";
import { BegrundelserSection } from "~/trainer/components/begrundelser-section";
import { CaseSection } from "~/trainer/components/case-section";
import { CohortHeader } from "~/trainer/components/cohort-header";
import { EvaluationSection } from "~/trainer/components/evaluation-section";
import { ProgressSection } from "~/trainer/components/progress-section";
import { QuizSection } from "~/trainer/components/quiz-section";
import { useDetailsOpenForTargets } from "~/trainer/components/use-details-open";
import { WeakPlacesSection } from "~/trainer/components/weak-places";
import { cohortDashboardPage } from "~/trainer/dashboard-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cohort.name} – Underviser – Sagslab` : "Hold – Underviser – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return cohortDashboardPage(request, params.cohortId);
}

/**
 * The cohort page: where the cohort goes wrong first, then every section collapsed under its
 * one-line summary (the sections are in app/trainer/components).
 */
export default function CohortDashboardPage() {
  const data = useLoaderData<typeof loader>();
  useDetailsOpenForTargets();
  return (
    <>
      <div className="no-print">
        <Breadcrumbs items={[{ to: "/underviser", label: "Underviser" }, { label: data.cohort.name }]} />
      </div>
      <CohortHeader data={data} />
      <WeakPlacesSection weakPlaces={data.weakPlaces} />
      <ProgressSection data={data} />
      <QuizSection data={data} />
      <CaseSection cases={data.cases} />
      <BegrundelserSection cohortId={data.cohort.id} begrundelser={data.begrundelser} />
      <EvaluationSection evaluations={data.evaluations} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
