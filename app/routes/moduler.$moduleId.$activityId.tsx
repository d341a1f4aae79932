import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handleActivityAction, loadActivityPage } from "~/activities/activity-page.server";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { CasePlayer } from "~/components/case-player";
import { EvaluationView } from "~/components/evaluation-view";
import { QuizView } from "~/components/quiz-view";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LessonView } from "~/components/lesson-view";
import { getDb } from "~/db/database.server";
import { requireActivity } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.activity.title} – ${data.module.title} – Sagslab` : "Aktivitet – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module, activity } = await requireActivity(params, user.role);
  return loadActivityPage(await getDb(), user, module, activity, new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { module, activity } = await requireActivity(params, user.role);
  return handleActivityAction(await getDb(), user, module, activity, await request.formData());
}

export default function ActivityPage() {
  const { module, activity, view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && "error" in actionData ? actionData.error : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Moduler" },
          { to: `/moduler/${module.id}`, label: module.title },
          { label: activity.title },
        ]}
      />
      <p className="meta">{activity.typeLabel}</p>
      <h1>{activity.title}</h1>
      {view.kind === "lesson" && <LessonView lesson={view.lesson} />}
      {view.kind === "case" && <CasePlayer data={view.case} error={error} />}
      {view.kind === "quiz" && (
        <QuizView
          key={view.quiz.kind === "form" ? view.quiz.submissionId : "result"}
          data={view.quiz}
          actionData={actionData}
        />
      )}
      {view.kind === "evaluation" && <EvaluationView data={view.evaluation} actionData={actionData} />}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
