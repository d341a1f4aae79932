import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SuccessMessage } from "~/components/forms";
import { JoinForm } from "~/components/join-form";
import { getDb } from "~/db/database.server";
import { cohortsOfMember, joinCohort, joinSchema } from "~/trainer/cohorts.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Tilmeld dig et hold – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { cohorts: await cohortsOfMember(await getDb(), user.id) };
}

/** Also the target of the form on /tilmeld/<code>. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, joinSchema);
  if (!parsed.ok) return formFailure(parsed.errors);
  const result = await joinCohort(await getDb(), user.id, parsed.data.code);
  if (!result.ok) return formFailure({ code: result.message });
  return data({
    ok: true as const,
    message: result.alreadyMember
      ? `Du var allerede tilmeldt holdet „${result.cohort.name}“.`
      : `Du er nu tilmeldt holdet „${result.cohort.name}“ (${result.cohort.organisation}).`,
  });
}

export default function JoinPage() {
  const { cohorts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Tilmeld dig et hold</h1>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={result?.errors} formError={result?.formError} labels={{ code: "Tilmeldingskode" }} />
      )}
      <p>Skriv den kode, du har fået af din underviser. Du kan være tilmeldt flere hold.</p>
      <JoinForm error={result && !result.ok ? result.errors.code : undefined} />
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
