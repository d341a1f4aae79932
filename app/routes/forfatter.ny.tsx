import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { editorHref } from "~/authoring/editor-links";
import {
  createActivity,
  EDITOR_OFF,
  editorEnabled,
  newActivityForm,
  requireEditor,
  templateTypes,
} from "~/authoring/editor.server";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldProps, IntentForm, SelectField, TextField } from "~/components/forms";
import { getCourse } from "~/content/content.server";
import { readSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";

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

export const NEW_ACTIVITY_FORM = "new-activity";

const NOT_CREATED = "Aktiviteten er ikke lavet";

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, "author");
  requireEditor();
  const submission = await readSubmission(request, newActivityForm);
  // 200 as before: a refusal is the form again with its messages and values.
  if (submission.status !== "success") return refuse(NEW_ACTIVITY_FORM, submission, { form: NOT_CREATED }, 200);
  const result = await createActivity(submission.value);
  if (result.created) return redirect(editorHref(result.file.relative));
  return refuse(NEW_ACTIVITY_FORM, submission, { form: NOT_CREATED, fields: result.errors }, 200);
}

export default function NewActivityPage() {
  const data = useLoaderData<typeof loader>();
  const form = useReplyForm<z.input<typeof newActivityForm>>(NEW_ACTIVITY_FORM, useActionData<typeof action>());
  if (!data.enabled) {
    return (
      <>
        <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: "Ny aktivitet" }]} />
        <h1>Ny aktivitet</h1>
        <p>{data.message}</p>
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: "Ny aktivitet" }]} />
      <h1>Ny aktivitet</h1>
      <p>
        Aktiviteten laves som en ny fil i modulets mappe ud fra en skabelon, der består indholdskontrollen. Filen får
        næste ledige nummer (f.eks. <code>07-klage-over-afslag.mdx</code>) og id&apos;et <code>modul-filnavn</code>.
        Derefter åbner editoren den.
      </p>
      <IntentForm reply={form}>
        <SelectField {...fieldProps(form.fields.moduleId)} label="Modul" options={data.modules} />
        <SelectField {...fieldProps(form.fields.type)} label="Type" options={data.types} />
        <TextField
          {...fieldProps(form.fields.name)}
          label="Filnavn"
          hint="Små bogstaver a-z, tal og bindestreg, f.eks. klage-over-afslag."
          autoComplete="off"
          required
        />
        <TextField {...fieldProps(form.fields.title)} label="Titel" autoComplete="off" required />
        <button type="submit" className="button button-primary">
          Lav aktiviteten
        </button>
      </IntentForm>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
