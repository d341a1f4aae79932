import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DateField, dateProps } from "~/components/date-field";
import { ModuleCheckboxes, moduleProps } from "~/components/module-checkboxes";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldProps, IntentForm, SelectField, TextField } from "~/components/forms";
import { getCourse, publishedModules } from "~/content/content.server";
import { getDb } from "~/db/database.server";
import trainerStyles from "~/styles/trainer.css";
import { cohortSchema, createCohort, listOrganisations, UnknownOrganisationError } from "~/trainer/cohorts.server";
import { readSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction = () => [{ title: "Opret et hold – Underviser – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "trainer");
  const [organisations, course] = await Promise.all([listOrganisations(await getDb()), getCourse()]);
  return {
    organisations,
    defaultOrganisation: user.organisationId,
    modules: publishedModules(course).map(({ id, title }) => ({ id, title })),
  };
}

/** The id of the page's one form. */
const NEW_COHORT_FORM = "new-cohort";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "trainer");
  const moduleIds = publishedModules(await getCourse()).map((m) => m.id);
  // A refused form comes back with what was typed, so nothing has to be typed again.
  const submission = await readSubmission(request, cohortSchema(moduleIds));
  if (submission.status !== "success") return refuse(NEW_COHORT_FORM, submission);
  let cohort;
  try {
    cohort = await createCohort(await getDb(), { ...submission.value, trainerId: user.id });
  } catch (error) {
    if (error instanceof UnknownOrganisationError)
      return refuse(NEW_COHORT_FORM, submission, { fields: { organisationId: error.message } });
    throw error;
  }
  return redirect(`/underviser/hold/${cohort.id}?oprettet=1`);
}

export default function NewCohortPage() {
  const { organisations, defaultOrganisation, modules } = useLoaderData<typeof loader>();
  const cohort = useReplyForm<z.input<ReturnType<typeof cohortSchema>>>(
    NEW_COHORT_FORM,
    useActionData<typeof action>(),
    { organisationId: defaultOrganisation ?? "" },
  );
  const { fields } = cohort;
  return (
    <>
      <Breadcrumbs items={[{ to: "/underviser", label: "Underviser" }, { label: "Opret et hold" }]} />
      <h1>Opret et hold</h1>
      <IntentForm reply={cohort}>
        <TextField {...fieldProps(fields.name)} label="Holdets navn" required maxLength={120} />
        <SelectField
          {...fieldProps(fields.organisationId)}
          label="Kommune"
          options={[
            { value: "", label: "Vælg kommune" },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <DateField {...dateProps(fields.startsOn)} label="Startdato" required />
        <DateField
          {...dateProps(fields.endsOn)}
          label="Slutdato"
          hint="Efter slutdatoen kan der ikke tilmeldes med koden."
          required
        />
        <ModuleCheckboxes {...moduleProps(fields.modules)} modules={modules} />
        <button type="submit" className="button button-primary">
          Opret holdet
        </button>
      </IntentForm>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
