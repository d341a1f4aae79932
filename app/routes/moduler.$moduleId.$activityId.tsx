import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ComponentType } from "react";
import { handleActivityAction, loadActivityPage } from "~/activities/activity-page.server";
import type { ActivityActionData, ActivityViewProps } from "~/activities/activity-type";
import { ACTIVITY_REGISTRY } from "~/activities/registry";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireActivity } from "~/content/require-content.server";
import { getDb } from "~/db/database.server";

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
  return handleActivityAction(await getDb(), user, module, activity, await request.formData(), new URL(request.url));
}

export default function ActivityPage() {
  const { module, activity, view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActivityActionData | undefined;
  // The loader paired the page with its type, so the type's own component gets its own page data.
  const View = ACTIVITY_REGISTRY[view.type].View as ComponentType<ActivityViewProps<unknown>>;
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
      <View page={view.page} actionData={actionData} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
