import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LessonView } from "~/components/lesson-view";
import { nextActivity } from "~/content/content.server";
import { ACTIVITY_TYPES } from "~/content/vocabulary";
import { getDb } from "~/db/database.server";
import { completions, recordCompletion } from "~/models/progress.server";
import { badRequest } from "~/utils/forms.server";
import { requireActivity } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.activity.title} – ${data.module.title} – Sagslab` : "Aktivitet – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module, activity } = await requireActivity(params, user.role);
  const db = await getDb();
  const header = {
    module: { id: module.id, title: module.title },
    activity: { id: activity.id, title: activity.title, type: activity.type, typeLabel: ACTIVITY_TYPES[activity.type] },
  };
  const next = nextActivity(module, activity.id);
  const done = await completions(db, user.id);
  return {
    ...header,
    view: {
      kind: "lesson" as const,
      lesson: {
        html: activity.type === "lesson" ? activity.html : "",
        completed: done.has(activity.id),
        nextLabel: next ? "Næste" : "Afslut modulet",
      },
    },
  };
}

const intentSchema = z.object({ intent: z.enum(["lesson.complete"], { error: "Ukendt handling." }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { module, activity } = await requireActivity(params, user.role);
  const form = await request.formData();
  const parsed = intentSchema.safeParse({ intent: form.get("intent") });
  if (!parsed.success) badRequest("Ukendt handling.");
  const db = await getDb();
  if (activity.type !== "lesson") badRequest("Denne aktivitet er ikke en lektion.");
  await recordCompletion(db, user.id, activity);
  const next = nextActivity(module, activity.id);
  throw redirect(next ? `/moduler/${module.id}/${next.id}` : `/moduler/${module.id}`);
}

export default function ActivityPage() {
  const { module, activity, view } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[{ to: "/", label: "Moduler" }, { to: `/moduler/${module.id}`, label: module.title }, { label: activity.title }]}
      />
      <p className="meta">{activity.typeLabel}</p>
      <h1>{activity.title}</h1>
      {view.kind === "lesson" && <LessonView lesson={view.lesson} />}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
