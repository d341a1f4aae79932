import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/auth.server";
import { ProgressBar } from "~/components/progress-bar";
import { getCourse, publishedModules } from "~/content/content.server";
import { getDb } from "~/db/database.server";
import { followUpsDue } from "~/activities/evaluation/follow-up.server";
import { DanishDate } from "~/components/danish-date";
import { certificatesOf } from "~/progress/certificate.server";
import { passedIds } from "~/progress/passing";
import { learnerStandings } from "~/progress/passing.server";
import { moduleProgress, type ModuleProgress } from "~/progress/progress";

export const meta: MetaFunction = () => [{ title: "Moduler – Sagslab" }];

/** Signed in: the catalogue with the learner's progress. Not signed in: what Sagslab is. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [user, course] = await Promise.all([getOptionalUser(request), getCourse()]);
  const modules = publishedModules(course);
  if (!user) {
    return {
      signedIn: false as const,
      modules: modules.map(({ id, title, summary, estimatedMinutes }) => ({ id, title, summary, estimatedMinutes })),
    };
  }
  const db = await getDb();
  const [standings, certificates, followUps] = await Promise.all([
    learnerStandings(db, user.id, modules),
    certificatesOf(db, user.id),
    followUpsDue(db, user.id, modules),
  ]);
  const passed = passedIds(standings);
  const withProgress = modules.map((module) => ({
    id: module.id,
    title: module.title,
    summary: module.summary,
    estimatedMinutes: module.estimatedMinutes,
    progress: moduleProgress(module, passed),
  }));
  const certified = new Set(certificates.map((c) => c.moduleId));
  return {
    signedIn: true as const,
    firstName: user.name.split(" ")[0] ?? user.name,
    // Follow-ups of evaluations the learner submitted, from their day on.
    followUps: followUps.map((f) => ({ moduleId: f.moduleId, moduleTitle: f.moduleTitle, opensOn: f.opensOn })),
    modules: withProgress,
    // Issued certificates, and completed modules whose certificate is issued when first opened.
    certificates: [
      ...certificates.map((c) => ({ moduleId: c.moduleId, title: c.moduleTitle, completedOn: c.completedOn.text })),
      ...withProgress
        .filter((m) => m.progress.complete && !certified.has(m.id))
        .map((m) => ({ moduleId: m.id, title: m.title, completedOn: null })),
    ],
  };
}

type CatalogueModule = {
  id: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  progress?: ModuleProgress;
};

function ModuleCards({ modules, linked, level }: { modules: CatalogueModule[]; linked: boolean; level: "h2" | "h3" }) {
  if (modules.length === 0) return <p>Der er endnu ingen moduler.</p>;
  const Heading = level;
  return (
    <ul className="card-list">
      {modules.map((module) => (
        <li key={module.id}>
          <article className="module-card">
            <Heading className="module-card-title">
              {linked ? <Link to={`/moduler/${module.id}`}>{module.title}</Link> : module.title}
            </Heading>
            <p>{module.summary}</p>
            <p className="meta">Cirka {module.estimatedMinutes} minutter</p>
            {module.progress && <ProgressBar progress={module.progress} label={`Fremskridt i ${module.title}`} />}
          </article>
        </li>
      ))}
    </ul>
  );
}

export default function Catalogue() {
  const data = useLoaderData<typeof loader>();
  if (!data.signedIn) {
    return (
      <>
        <h1>Sagslab</h1>
        <p className="font-lead">
          Lær de generelle sagsbehandlingsregler på handicapområdet ved at arbejde med fiktive sager, der ligner din
          egen hverdag: korte lektioner, cases med valg og konsekvenser, quizzer og tjeklister.
        </p>
        <p>
          <Link className="button button-primary" to="/login">
            Log ind
          </Link>
        </p>
        <h2>Modulerne</h2>
        <ModuleCards modules={data.modules} linked={false} level="h3" />
      </>
    );
  }
  return (
    <>
      <h1>Moduler</h1>
      <p className="font-lead">
        Hej {data.firstName}. Vælg et modul. Hvert modul har korte lektioner, cases fra hverdagen, en quiz og en
        evaluering.
      </p>
      {data.followUps.length > 0 && (
        <section className="follow-ups" aria-labelledby="opfoelgning">
          <h2 id="opfoelgning">Opfølgning: hvordan er det gået siden?</h2>
          <p>
            Du evaluerede disse moduler efter forløbet. Svar på et par spørgsmål om, hvad du bruger i dit arbejde nu.
          </p>
          <ul>
            {data.followUps.map((f) => (
              <li key={f.moduleId}>
                <Link to={`/moduler/${f.moduleId}/opfoelgning`}>Opfølgning på {f.moduleTitle}</Link>
                <span className="meta">
                  {" "}
                  · åben fra <DanishDate iso={f.opensOn} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ModuleCards modules={data.modules} linked level="h2" />
      <h2>Dine kursusbeviser</h2>
      {data.certificates.length === 0 ? (
        <p>Du får et kursusbevis for hvert modul, du gennemfører.</p>
      ) : (
        <ul className="certificate-list">
          {data.certificates.map((certificate) => (
            <li key={certificate.moduleId}>
              <Link to={`/moduler/${certificate.moduleId}/bevis`}>Kursusbevis: {certificate.title}</Link>
              {certificate.completedOn && <span className="meta"> · gennemført {certificate.completedOn}</span>}
            </li>
          ))}
        </ul>
      )}
      <p>
        Har du fået en kode af din underviser? <Link to="/tilmeld">Tilmeld dig et hold</Link>.
      </p>
    </>
  );
}
