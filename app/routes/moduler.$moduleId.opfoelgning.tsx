import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { FREE_TEXT_MAX } from "~/activities/evaluation/answers";
import { EvaluationView } from "~/activities/evaluation/evaluation-page";
import { EVALUATION_FORM } from "~/activities/evaluation/page";
import { readEvaluationSubmission } from "~/activities/evaluation/submission.server";
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
import { refuse } from "~/forms/submission.server";
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
  const { submission, reading } = readEvaluationSubmission(
    { id: evaluation.evaluation.id, items: evaluation.evaluation.followUp!.items },
    await request.formData(),
    { submitting: true },
  );
  if (!due) return refuse(EVALUATION_FORM, submission, { form: "Opfølgningen er ikke åben for dig." }, 409);
  if (!reading.ok)
    return refuse(EVALUATION_FORM, submission, { form: "Svarene er ikke indsendt.", fields: reading.errors });
  const saved = await submitFollowUp(db, { userId: user.id, activity: evaluation, answers: reading.answers });
  if (!saved.ok) return refuse(EVALUATION_FORM, submission, { form: saved.message }, saved.status);
  return redirect(`/moduler/${module.id}/opfoelgning`);
}

export default function FollowUpPage() {
  const { module, state, page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
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
          <EvaluationView page={page} reply={reply} />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
