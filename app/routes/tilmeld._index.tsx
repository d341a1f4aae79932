import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { JOIN_FORM, JoinForm } from "~/components/join-form";
import { getDb } from "~/db/database.server";
import { cohortsOfMember, joinCohort, joinSchema } from "~/trainer/cohorts.server";
import { accept, readSubmission, refuse } from "~/forms/submission.server";

export const meta: MetaFunction = () => [{ title: "Tilmeld dig et hold – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { cohorts: await cohortsOfMember(await getDb(), user.id) };
}

/** Also the target of the form on /tilmeld/<code>. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, joinSchema);
  if (submission.status !== "success") return refuse(JOIN_FORM, submission);
  const result = await joinCohort(await getDb(), user.id, submission.value.code);
  if (!result.ok) return refuse(JOIN_FORM, submission, { fields: { code: result.message } });
  return accept(
    JOIN_FORM,
    submission,
    result.alreadyMember
      ? `Du var allerede tilmeldt holdet „${result.cohort.name}“.`
      : `Du er nu tilmeldt holdet „${result.cohort.name}“ (${result.cohort.organisation}).`,
  );
}

export default function JoinPage() {
  const { cohorts } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <h1>Tilmeld dig et hold</h1>
      <p>Skriv den kode, du har fået af din underviser. Du kan være tilmeldt flere hold.</p>
      <JoinForm reply={reply} />
      <h2>Dine hold</h2>
      {cohorts.length === 0 ? (
        <p>Du er ikke tilmeldt nogen hold endnu.</p>
      ) : (
        <ul>
          {cohorts.map((cohort) => (
            <li key={cohort.id}>
              {cohort.name} ({cohort.starts_on} – {cohort.ends_on})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
