import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import type { ComponentType } from "react";
import { handleActivityAction, loadActivityPage } from "~/activities/activity-page.server";
import type { ActivityReply, ActivityViewProps } from "~/activities/activity-type";
import { ACTIVITY_REGISTRY } from "~/activities/registry";
import { requireUser } from "~/auth/auth.server";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { editorHref } from "~/authoring/editor-links";
import { ContentProblems } from "~/components/content-problems";
import { activityTypeLabel } from "~/activities/registry";
import { requireActivity, requireActivityOrBroken } from "~/content/require-content.server";
import { editorEnabled } from "~/authoring/editor.server";
import { isWarning } from "~/content/problems";
import type { ContentProblem } from "~/content/types";
import { getDb } from "~/db/database.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.broken ? "Fejl: " : ""}${data.activity.title} – ${data.module.title} – Sagslab`
      : "Aktivitet – Sagslab",
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module, activity, broken } = await requireActivityOrBroken(params, user.role);
  if (!activity) {
    // Only an author or administrator gets here: the errors stand where the content would be.
    const unplayable = module.unplayableCases?.some((c) => c.file === broken.file) ?? false;
    return {
      module: { id: module.id, title: module.title },
      activity: { id: broken.id, title: broken.title, type: broken.type, typeLabel: activityTypeLabel(broken.type) },
      broken: { file: broken.file, problems: broken.problems, unplayable, editor: editorEnabled() },
      view: null,
    };
  }
  const referer = request.headers.get("Referer");
  const url = new URL(request.url);
  const page = await loadActivityPage(await getDb(), user, module, activity, url, referer, context);
  return { ...page, broken: null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { module, activity } = await requireActivity(params, user.role);
  return handleActivityAction(await getDb(), user, module, activity, await request.formData(), new URL(request.url));
}

type BrokenPage = { file: string; problems: ContentProblem[]; unplayable: boolean; editor: boolean };

/** An activity the content check refused, as its author sees it: the errors in place of the content. */
function BrokenActivity({ id, broken }: { id: string; broken: BrokenPage }) {
  const count = broken.problems.filter((problem) => !isWarning(problem)).length;
  return (
    <>
      <Alert tone="error" heading={`Aktiviteten har ${count} fejl og vises ikke for kursister`}>
        <p className="alert-text">
          Indholdskontrollen har fundet fejlene nedenfor i <code>{broken.file}</code>. Kursister og undervisere ser ikke
          aktiviteten, før de er rettet. Ret dem, og gem filen: siden viser aktiviteten, når den er i orden.
        </p>
      </Alert>
      <ContentProblems problems={broken.problems} caption="Fejl i aktivitetens fil" />
      <ul className="nobullet-list author-links">
        {broken.editor && (
          <li>
            <Link to={editorHref(broken.file, broken.problems[0]?.line)}>Ret filen i editoren</Link>
          </li>
        )}
        {broken.unplayable && (
          <li>
            <Link to={`/forfatter/case/${id}`}>Se kortet over casen, og hvor den går i stå</Link>
          </li>
        )}
        <li>
          <Link to="/forfatter#fejl">Alle fejl på forfattersiden</Link>
        </li>
      </ul>
    </>
  );
}

/**
 * A refusal because the activity moved on elsewhere (409: a case played on in another tab) shows
 * the page as it is now, so the loader runs again; other refusals keep the page as it was.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export default function ActivityPage() {
  const { module, activity, view, broken } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ActivityReply | undefined;
  // The loader paired the page with its type, so the type's own component gets its own page data.
  const View = view ? (ACTIVITY_REGISTRY[view.type].View as ComponentType<ActivityViewProps<unknown>>) : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Moduler" },
          { to: `/moduler/${module.id}`, label: module.title },
          { label: activity.title },
        ]}
      />
      <p className="meta">
        {activity.typeLabel}
        {broken && (
          <>
            {" · "}
            <span className="status status-wrong">Fejl</span>
          </>
        )}
      </p>
      <h1>{activity.title}</h1>
      {broken && <BrokenActivity id={activity.id} broken={broken} />}
      {View && view && <View page={view.page} reply={reply} />}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
