import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorOverview, type OverviewActivity, type OverviewModule } from "~/authoring/authoring.server";
import { requireUser } from "~/auth/auth.server";
import { Alert } from "~/components/alert";
import { CheckResult, ContentProblems } from "~/components/content-problems";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getCourse } from "~/content/content.server";
import { formatDanishDate } from "~/content/legal-date";
import { editorHref } from "~/authoring/editor-links";
import { EDITOR_OFF, editorEnabled } from "~/authoring/editor.server";

export const meta: MetaFunction = () => [{ title: "Forfatter – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  return { ...authorOverview(await getCourse()), editor: editorEnabled(), editorOff: EDITOR_OFF };
}

function ActivityLinks({
  module,
  activity,
  editor,
}: {
  module: OverviewModule;
  activity: OverviewActivity;
  editor: boolean;
}) {
  return (
    <ul className="nobullet-list author-links">
      {editor && (
        <li>
          <Link to={editorHref(activity.file)}>
            Rediger<span className="visually-hidden"> {activity.file}</span>
          </Link>
        </li>
      )}
      {activity.type === "case" && (
        <li>
          <Link to={`/forfatter/case/${activity.id}`}>
            Kort<span className="visually-hidden"> over {activity.title}</span>
          </Link>
        </li>
      )}
      {activity.type === "quiz" && (
        <li>
          <Link to={`/forfatter/quiz/${activity.id}`}>
            Svar og forklaringer<span className="visually-hidden"> til {activity.title}</span>
          </Link>
        </li>
      )}
      {activity.type === "begrundelse" && (
        <li>
          <Link to={`/forfatter/begrundelse/${activity.id}`}>
            Krav og mønsterbesvarelse<span className="visually-hidden"> til {activity.title}</span>
          </Link>
        </li>
      )}
      {activity.playable && (
        <li>
          <Link to={`/moduler/${module.id}/${activity.id}`}>
            Se som kursist<span className="visually-hidden">: {activity.title}</span>
          </Link>
        </li>
      )}
      {!activity.playable && activity.id && (
        <li>
          <Link to={`/moduler/${module.id}/${activity.id}`}>
            Se fejlene på siden<span className="visually-hidden">: {activity.title}</span>
          </Link>
        </li>
      )}
    </ul>
  );
}

function ModuleSection({ module, editor }: { module: OverviewModule; editor: boolean }) {
  const headingId = `modul-${module.id}`;
  return (
    <section className="author-module" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {module.title} {module.draft && <span className="tag-draft">Kladde</span>}
      </h2>
      <dl className="module-facts">
        <dt>Id</dt>
        <dd>
          <code>{module.id}</code>
        </dd>
        <dt>Tid</dt>
        <dd>{module.estimatedMinutes} min.</dd>
        <dt>Retsgrundlag</dt>
        <dd>{module.legalBasis.join(", ")}</dd>
        <dt>Retsgrundlag pr.</dt>
        <dd>{formatDanishDate(module.legalAsOf)}</dd>
        <dt>Kontrol</dt>
        <dd>
          <CheckResult count={module.problems.length} warnings={module.warnings.length} />
        </dd>
        {editor && (
          <>
            <dt>Fil</dt>
            <dd>
              <Link to={editorHref(module.file)}>
                Rediger module.mdx<span className="visually-hidden"> i {module.title}</span>
              </Link>
            </dd>
          </>
        )}
      </dl>
      {module.draft && (
        <p className="meta">
          Kladde: kun forfattere og administratorer ser modulet. Kursister og undervisere ser det ikke.
        </p>
      )}
      <div className="table--responsive-scroll">
        <table className="table table--compact author-activities">
          <caption className="visually-hidden">Aktiviteter i {module.title}</caption>
          <thead>
            <tr>
              <th scope="col">Aktivitet</th>
              <th scope="col">Type</th>
              <th scope="col">Id</th>
              <th scope="col">Tid</th>
              <th scope="col">Retsgrundlag</th>
              <th scope="col">Kontrol</th>
              <th scope="col">Vis</th>
            </tr>
          </thead>
          <tbody>
            {module.activities.map((activity) => (
              <tr key={activity.file}>
                <th scope="row">
                  {activity.title}
                  <br />
                  <code className="meta">{activity.file}</code>
                </th>
                <td>
                  {activity.typeLabel}
                  {!activity.playable && activity.type !== null && <span className="meta"> (kan ikke spilles)</span>}
                </td>
                <td>{activity.id ? <code>{activity.id}</code> : "–"}</td>
                <td>{activity.estimatedMinutes === null ? "–" : `${activity.estimatedMinutes} min.`}</td>
                <td>{activity.legalBasis.join(", ") || "–"}</td>
                <td>
                  <CheckResult count={activity.problemCount} warnings={activity.warningCount} />
                </td>
                <td>
                  <ActivityLinks module={module} activity={activity} editor={editor} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {module.problems.length > 0 && <ContentProblems problems={module.problems} caption={`Fejl i ${module.title}`} />}
      {module.warnings.length > 0 && (
        <ContentProblems problems={module.warnings} caption={`Advarsler i ${module.title}`} />
      )}
    </section>
  );
}

export default function AuthorOverviewPage() {
  const overview = useLoaderData<typeof loader>();
  const files = new Set([...overview.modules.flatMap((m) => m.problems), ...overview.otherProblems].map((p) => p.file))
    .size;
  const warnings =
    overview.warningCount === 0
      ? null
      : `${overview.warningCount} ${overview.warningCount === 1 ? "advarsel" : "advarsler"}`;
  return (
    <>
      <h1>Forfatter: hele kurset</h1>
      <p className="font-lead">
        Alle moduler og aktiviteter – også kladder – med resultatet af indholdskontrollen (de samme regler som{" "}
        <code>npm run content:check</code>).
      </p>
      {overview.editor ? (
        <p>
          Ret en fil med <strong>Rediger</strong> ud for den: editoren viser forhåndsvisningen ved siden af og
          kontrollerer filen, når du gemmer. <Link to="/forfatter/ny">Lav en ny aktivitet ud fra en skabelon</Link>.
        </p>
      ) : (
        <p>{overview.editorOff}</p>
      )}
      <div id="fejl" tabIndex={-1}>
        {/* The result's heading is not a heading of the page: the page's h2s are its modules. */}
        {overview.problemCount === 0 ? (
          <Alert tone="success">
            <p className="alert-heading">Indholdskontrollen fandt ingen fejl</p>
            <p className="alert-text">Kontrolleret {new Date(overview.compiledAt).toLocaleString("da-DK")}.</p>
            {warnings && (
              <p className="alert-text">
                Den har {warnings}, f.eks. en sats fra et tidligere år, et retsgrundlag, der er kontrolleret for over et
                år siden, eller en case eller quiz, hvor det rigtige svar kan kendes på, at det er det længste. De
                standser ikke kurset, men bør rettes. De står under det modul, de hører til.
              </p>
            )}
          </Alert>
        ) : (
          <Alert tone="error">
            <p className="alert-heading">
              Indholdskontrollen fandt {overview.problemCount} fejl i {files} {files === 1 ? "fil" : "filer"}
            </p>
            <p className="alert-text">
              Fejlene står under det modul, de hører til. Ret dem, og gem filen.
              {warnings && ` Desuden ${warnings}, som ikke standser kurset.`}
            </p>
          </Alert>
        )}
      </div>
      {overview.otherProblems.length > 0 && (
        <ContentProblems problems={overview.otherProblems} caption="Fejl uden for et modul" />
      )}
      {overview.otherWarnings.length > 0 && (
        <ContentProblems problems={overview.otherWarnings} caption="Advarsler uden for et modul" />
      )}
      {overview.modules.map((module) => (
        <ModuleSection key={module.id} module={module} editor={overview.editor} />
      ))}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
