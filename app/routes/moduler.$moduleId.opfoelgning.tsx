import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ActivityActionData } from "~/activities/activity-type";
import { requireUser } from "~/auth/auth.server";
import { FREE_TEXT_MAX, readEvaluationForm } from "~/activities/evaluation/answers";
import { EvaluationView } from "~/activities/evaluation/evaluation-page";
import {
  evaluationsWithFollowUp,
  followUpsDue,
  followUpSubmitted,
  submitFollowUp,
} from "~/activities/evaluation/follow-up.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireModule } from "~/content/require-content.server";
import { getDb } from "~/db/database.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Opfølgning på ${data.module.title} – Sagslab` : "Opfølgning – Sagslab" },
];

/**
 * The follow-up of a module's evaluation, months after the course: open to a learner who
 * submitted the evaluation once its day has come (their cohort's end plus `afterDays`, or the
 * trainer's date); answered once.
 */
async function followUpFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const { module } = await requireModule(params, user.role);
  const evaluation = evaluationsWithFollowUp([module])[0];
  if (!evaluation) notFound("Modulet har ingen opfølgning.");
  const db = await getDb();
  const [due, submitted] = await Promise.all([
    followUpsDue(db, user.id, [module]),
    followUpSubmitted(db, user.id, evaluation.id),
  ]);
  return { user, db, module, evaluation, due: due[0] ?? null, submitted };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { module, evaluation, due, submitted } = await followUpFor(request, params);
  return {
    module: { id: module.id, title: module.title },
    state: submitted ? ("submitted" as const) : due ? ("open" as const) : ("closed" as const),
    page: {
      introHtml: "",
      status: submitted ? ("submitted" as const) : ("new" as const),
      items: evaluation.evaluation.followUp!.items,
      answers: {},
      maxLength: FREE_TEXT_MAX,
      way: { to: `/moduler/${module.id}`, label: "Tilbage til modulet" as const, title: null },
      followUp: true,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, module, evaluation, due } = await followUpFor(request, params);
  if (!due) return data<ActivityActionData>({ error: "Opfølgningen er ikke åben for dig." }, { status: 409 });
  const form = await request.formData();
  const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  const reading = readEvaluationForm(
    { id: evaluation.evaluation.id, items: evaluation.evaluation.followUp!.items },
    entries,
    { submitting: true },
  );
  if (!reading.ok) {
    return data<ActivityActionData>(
      { error: "Svarene er ikke indsendt.", fieldErrors: reading.errors },
      { status: 400 },
    );
  }
  const saved = await submitFollowUp(db, { userId: user.id, activity: evaluation, answers: reading.answers });
  if (!saved.ok) return data<ActivityActionData>({ error: saved.message }, { status: saved.status });
  return redirect(`/moduler/${module.id}/opfoelgning`);
}

export default function FollowUpPage() {
  const { module, state, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Moduler" },
          { to: `/moduler/${module.id}`, label: module.title },
          { label: "Opfølgning" },
        ]}
      />
      <h1>Opfølgning på {module.title}</h1>
      {state === "closed" ? (
        <p>
          Opfølgningen er ikke åben for dig. Den gives et stykke tid efter holdets forløb til dem, der har indsendt
          modulets evaluering.
        </p>
      ) : (
        <>
          {state === "open" && (
            <p className="font-lead">
              Det er et stykke tid siden, du var på forløbet om {module.title}. Hvordan har det påvirket dit arbejde?
            </p>
          )}
          <EvaluationView page={page} actionData={actionData as ActivityActionData | undefined} />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
