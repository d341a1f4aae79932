import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { begrundelserPrintPage } from "~/activities/begrundelse/trainer-pages.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/print-button";
import begrundelserStyles from "~/styles/begrundelser.css";
import trainerStyles from "~/styles/trainer.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: trainerStyles },
  { rel: "stylesheet", href: begrundelserStyles },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Begrundelser til drøftelse – ${data.cohort.name} – Sagslab` : "Begrundelser – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return begrundelserPrintPage(request, params.cohortId);
}

/** The texts marked "Til drøftelse", anonymised, with the task and the criteria: material for the classroom day. */
export default function BegrundelserPrintPage() {
  const { cohort, begrundelser } = useLoaderData<typeof loader>();
  return (
    <article className="begrundelse-print">
      <div className="no-print">
        <Breadcrumbs
          items={[
            { to: "/underviser", label: "Underviser" },
            { to: `/underviser/hold/${cohort.id}`, label: cohort.name },
            { to: `/underviser/hold/${cohort.id}/begrundelser`, label: "Begrundelser" },
            { label: "Udskrift" },
          ]}
        />
        <PrintButton label="Udskriv teksterne" />
      </div>
      <h1>Begrundelser til drøftelse: {cohort.name}</h1>
      <p>Teksterne er skrevet af holdets deltagere og vist uden navn.</p>
      {begrundelser.length === 0 && (
        <p>
          Ingen tekster er markeret til drøftelse endnu.{" "}
          <Link className="no-print" to={`/underviser/hold/${cohort.id}/begrundelser`}>
            Markér tekster under holdets begrundelser
          </Link>
        </p>
      )}
      {begrundelser.map(({ activity, texts }) => (
        <section key={activity.id} className="begrundelse-print-activity" aria-labelledby={`p-${activity.id}`}>
          <h2 id={`p-${activity.id}`}>{activity.title}</h2>
          <h3>Opgaven</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: activity.taskHtml }} />
          <h3>Kravene</h3>
          <ol>
            {activity.criteria.map((criterion) => (
              <li key={criterion.id}>{criterion.label}</li>
            ))}
          </ol>
          {texts.map((text) => (
            <div key={text.attemptId} className="begrundelse-print-text">
              <h3>{text.who}</h3>
              <div className="begrundelse-text">{text.body}</div>
            </div>
          ))}
        </section>
      ))}
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
