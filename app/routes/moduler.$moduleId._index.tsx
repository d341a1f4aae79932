import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProgressBar } from "~/components/progress-bar";
import { formatDanishDate } from "~/content/legal-date";
import { getDb } from "~/db/database.server";
import { missingActivities, moduleActivities } from "~/activities/module-statuses.server";
import { passedIds } from "~/progress/passing";
import { learnerStandings } from "~/progress/passing.server";
import { moduleProgress } from "~/progress/progress";
import { requireModule } from "~/content/require-content.server";
import { activityTypeLabel } from "~/activities/registry";
import { mayEnter } from "~/auth/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.module.title} – Sagslab` : "Modul – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module } = await requireModule(params, user.role);
  const db = await getDb();
  const [{ activities }, standings] = await Promise.all([
    moduleActivities(db, user.id, module),
    learnerStandings(db, user.id, [module]),
  ]);
  const progress = moduleProgress(module, passedIds(standings));
  return {
    module: {
      id: module.id,
      title: module.title,
      introHtml: module.introHtml,
      legalBasis: module.legalBasis,
      legalAsOf: formatDanishDate(module.legalAsOf),
      estimatedMinutes: module.estimatedMinutes,
      hasChecklists: module.checklists.length > 0,
    },
    progress,
    missing: await missingActivities(module, standings),
    begun: standings.size > 0,
    activities,
    // Only authors and administrators reach a module with broken files listed (drafts rule the same).
    broken: mayEnter(user.role, "author")
      ? (module.brokenActivities ?? []).map(({ id, title, type, file }) => ({
          id,
          title,
          file,
          typeLabel: activityTypeLabel(type),
        }))
      : [],
  };
}

export default function ModulePage() {
  const { module, activities, progress, missing, begun, broken } = useLoaderData<typeof loader>();
  const firstOpen = activities.find((activity) => activity.status.tone === "todo" && activity.required);
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Moduler" }, { label: module.title }]} />
      <h1>{module.title}</h1>
      <ProgressBar progress={progress} label={`Fremskridt i ${module.title}`} />
      {progress.complete && (
        <Alert tone="success" role="status" heading="Du har gennemført modulet">
          <p className="alert-text">
            <Link to={`/moduler/${module.id}/bevis`}>Se og udskriv dit kursusbevis</Link>
          </p>
        </Alert>
      )}
      {!progress.complete && (
        <details className="missing" open={begun}>
          <summary>Det mangler du for at gennemføre modulet ({missing.length})</summary>
          <ul className="missing-list">
            {missing.map((activity) => (
              <li key={activity.id}>
                <Link to={`/moduler/${module.id}/${activity.id}`}>{activity.sentence}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="prose" dangerouslySetInnerHTML={{ __html: module.introHtml }} />
      <p className="module-legal-date">Retsgrundlag pr. {module.legalAsOf}</p>
      <dl className="module-facts">
        <dt>Retsgrundlag</dt>
        <dd>{module.legalBasis.join(" · ")}</dd>
        <dt>Forventet tid</dt>
        <dd>Cirka {module.estimatedMinutes} minutter</dd>
      </dl>
      <h2>Aktiviteter</h2>
      <ol className="activity-list">
        {activities.map((activity) => (
          <li key={activity.id}>
            <span className="activity-title">
              <Link to={`/moduler/${module.id}/${activity.id}`}>{activity.title}</Link>
            </span>
            <span className="meta">
              {activity.typeLabel} · {activity.estimatedMinutes} min.{activity.required ? "" : " · frivillig"}
            </span>
            <span className={`status status-${activity.status.tone}`}>{activity.status.label}</span>
            {activity.status.details.length > 0 && (
              <span className="meta activity-details">{activity.status.details.join(" · ")}</span>
            )}
          </li>
        ))}
      </ol>
      {broken.length > 0 && (
        <>
          <h2>Aktiviteter med fejl</h2>
          <p>Kun forfattere og administratorer ser disse aktiviteter. Kursister ser dem ikke, før fejlene er rettet.</p>
          <ul className="activity-list">
            {broken.map((activity) => (
              <li key={activity.file}>
                <span className="activity-title">
                  <Link to={`/moduler/${module.id}/${activity.id}`}>{activity.title}</Link>
                </span>
                <span className="meta">
                  {activity.typeLabel} · <code>{activity.file}</code>
                </span>
                <span className="status status-wrong">Fejl</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        {firstOpen && (
          <Link className="button button-primary" to={`/moduler/${module.id}/${firstOpen.id}`}>
            {progress.completed === 0 ? "Start modulet" : "Fortsæt modulet"}
          </Link>
        )}
        {module.hasChecklists && <Link to={`/moduler/${module.id}/tjeklister`}>Tjeklister til udskrift</Link>}
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
