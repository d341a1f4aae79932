import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DateField } from "~/components/date-field";
import { ModuleCheckboxes } from "~/components/module-checkboxes";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { getCourse, publishedModules } from "~/content/content.server";
import { getDb } from "~/db/database.server";
import trainerStyles from "~/styles/trainer.css";
import { cohortSchema, createCohort, listOrganisations, UnknownOrganisationError } from "~/trainer/cohorts.server";
import { formToObject, parseFormData } from "~/utils/forms.server";

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

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "trainer");
  const moduleIds = publishedModules(await getCourse()).map((m) => m.id);
  const form = await request.formData();
  const parsed = parseFormData(form, cohortSchema(moduleIds));
  // A refused form comes back with what was typed, so nothing has to be typed again.
  const refuse = (errors: Record<string, string>) =>
    data({ ok: false as const, errors, formError: undefined, values: formToObject(form) }, { status: 400 });
  if (!parsed.ok) return refuse(parsed.errors);
  let cohort;
  try {
    cohort = await createCohort(await getDb(), { ...parsed.data, trainerId: user.id });
  } catch (error) {
    if (error instanceof UnknownOrganisationError) return refuse({ organisationId: error.message });
    throw error;
  }
  return redirect(`/underviser/hold/${cohort.id}?oprettet=1`);
}

const LABELS = {
  name: "Holdets navn",
  organisationId: "Kommune",
  startsOn: "Startdato",
  endsOn: "Slutdato",
  modules: "Moduler",
};

export default function NewCohortPage() {
  const { organisations, defaultOrganisation, modules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  const value = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const chosenModules = [values.modules ?? []].flat();
  return (
    <>
      <Breadcrumbs items={[{ to: "/underviser", label: "Underviser" }, { label: "Opret et hold" }]} />
      <h1>Opret et hold</h1>
      <Form method="post" noValidate>
        <ErrorSummary errors={errors} formError={result?.formError} labels={LABELS} />
        <TextField
          name="name"
          label={LABELS.name}
          required
          error={errors?.name}
          maxLength={120}
          defaultValue={value("name")}
        />
        <SelectField
          name="organisationId"
          label={LABELS.organisationId}
          defaultValue={value("organisationId") ?? defaultOrganisation ?? ""}
          error={errors?.organisationId}
          options={[
            { value: "", label: "Vælg kommune" },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <DateField
          name="startsOn"
          label={LABELS.startsOn}
          required
          error={errors?.startsOn}
          value={value("startsOn")}
        />
        <DateField
          name="endsOn"
          label={LABELS.endsOn}
          hint="Efter slutdatoen kan der ikke tilmeldes med koden."
          required
          error={errors?.endsOn}
          value={value("endsOn")}
        />
        <ModuleCheckboxes modules={modules} chosen={chosenModules} error={errors?.modules} />
        <button type="submit" className="button button-primary">
          Opret holdet
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
