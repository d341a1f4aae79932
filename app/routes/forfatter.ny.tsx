import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { editorHref } from "~/authoring/editor-links";
import { createActivity, EDITOR_OFF, editorEnabled, requireEditor, templateTypes } from "~/authoring/editor.server";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { getCourse } from "~/content/content.server";

export const meta: MetaFunction = () => [{ title: "Ny aktivitet – Forfatter – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  if (!editorEnabled()) return { enabled: false as const, message: EDITOR_OFF };
  const course = await getCourse();
  return {
    enabled: true as const,
    modules: course.modules.map((module) => ({ value: module.id, label: `${module.title} (${module.id})` })),
    types: templateTypes(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, "author");
  requireEditor();
  const form = await request.formData();
  const result = await createActivity(form);
  if (result.created) return redirect(editorHref(result.file.relative));
  return {
    errors: result.errors,
    values: {
      moduleId: String(form.get("moduleId") ?? ""),
      type: String(form.get("type") ?? ""),
      name: String(form.get("name") ?? ""),
      title: String(form.get("title") ?? ""),
    },
  };
}

const LABELS = { moduleId: "Modul", type: "Type", name: "Filnavn", title: "Titel" };

export default function NewActivityPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.enabled) {
    return (
      <>
        <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: "Ny aktivitet" }]} />
        <h1>Ny aktivitet</h1>
        <p>{data.message}</p>
      </>
    );
  }
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <>
      <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: "Ny aktivitet" }]} />
      <h1>Ny aktivitet</h1>
      <p>
        Aktiviteten laves som en ny fil i modulets mappe ud fra en skabelon, der består indholdskontrollen. Filen får
        næste ledige nummer (f.eks. <code>07-klage-over-afslag.mdx</code>) og id&apos;et <code>modul-filnavn</code>.
        Derefter åbner editoren den.
      </p>
      <Form method="post" noValidate>
        <ErrorSummary errors={errors} labels={LABELS} formError={errors ? "Aktiviteten er ikke lavet" : undefined} />
        <SelectField
          name="moduleId"
          label="Modul"
          options={data.modules}
          error={errors?.moduleId}
          defaultValue={values?.moduleId}
        />
        <SelectField name="type" label="Type" options={data.types} error={errors?.type} defaultValue={values?.type} />
        <TextField
          name="name"
          label="Filnavn"
          hint="Små bogstaver a-z, tal og bindestreg, f.eks. klage-over-afslag."
          error={errors?.name}
          defaultValue={values?.name}
          autoComplete="off"
          required
        />
        <TextField
          name="title"
          label="Titel"
          error={errors?.title}
          defaultValue={values?.title}
          autoComplete="off"
          required
        />
        <button type="submit" className="button button-primary">
          Lav aktiviteten
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
