import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/auth.server";
import { ProgressBar } from "~/components/progress-bar";
import { getCourse, publishedModules } from "~/content/content.server";
import { getDb } from "~/db/database.server";
import { moduleProgress, type ModuleProgress } from "~/models/progress";
import { completions } from "~/models/progress.server";

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
  const done = new Set((await completions(await getDb(), user.id)).keys());
  return {
    signedIn: true as const,
    firstName: user.name.split(" ")[0] ?? user.name,
    modules: modules.map((module) => ({
      id: module.id,
      title: module.title,
      summary: module.summary,
      estimatedMinutes: module.estimatedMinutes,
      progress: moduleProgress(module, done),
    })),
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
      <ModuleCards modules={data.modules} linked level="h2" />
      <p>
        Har du fået en kode af din underviser? <Link to="/tilmeld">Tilmeld dig et hold</Link>.
      </p>
    </>
  );
}
