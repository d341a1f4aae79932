import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { begrundelserPage } from "~/activities/begrundelse/trainer-pages.server";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import begrundelserStyles from "~/styles/begrundelser.css";
import trainerStyles from "~/styles/trainer.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: trainerStyles },
  { rel: "stylesheet", href: begrundelserStyles },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Begrundelser – ${data.cohort.name} – Sagslab` : "Begrundelser – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return begrundelserPage(request, params.cohortId);
}

const percent = (share: { percent: number | null; met: number; of: number }) =>
  share.percent === null ? "–" : `${share.percent} % (${share.met} af ${share.of})`;

export default function CohortBegrundelserPage() {
  const { cohort, names, begrundelser } = useLoaderData<typeof loader>();
  const base = `/underviser/hold/${cohort.id}/begrundelser`;
  const withNames = names ? "?navne=1" : "";
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/underviser", label: "Underviser" },
          { to: `/underviser/hold/${cohort.id}`, label: cohort.name },
          { label: "Begrundelser" },
        ]}
      />
      <h1>Holdets begrundelser</h1>
      <p>
        Teksterne vises som „Deltager 1, 2, …“. {names ? "Navnene vises nu. " : ""}
        <Link to={names ? base : `${base}?navne=1`}>{names ? "Skjul navnene" : "Vis navnene"}</Link>. Udskriften viser
        aldrig navne.
      </p>
      <p>
        <Link to={`${base}/print`}>Udskriv teksterne til drøftelse</Link> (med opgaven og kravene, til
        undervisningsdagen).
      </p>
      {begrundelser.length === 0 && <p>Holdets moduler har ingen begrundelsesopgaver.</p>}
      {begrundelser.map(({ activity, memberCount, texts, figures, higher, forDiscussion }) => (
        <section key={activity.id} aria-labelledby={`b-${activity.id}`}>
          <h2 id={`b-${activity.id}`}>{activity.title}</h2>
          <p>
            {texts.length} af {memberCount} deltagere har indsendt en tekst. {forDiscussion} er markeret til drøftelse.
          </p>
          <details>
            <summary>Opgaven</summary>
            <div className="prose" dangerouslySetInnerHTML={{ __html: activity.taskHtml }} />
          </details>
          <h3>Selvvurdering og underviserens vurdering</h3>
          {higher && (
            <Alert tone="info" role="status">
              {higher}
            </Alert>
          )}
          <ScrollBox label={`${activity.title}: vurderingerne pr. krav`}>
            <table className="table table--compact">
              <caption>
                Andel af teksterne, der opfylder kravet, og hvor ofte deltageren og underviseren er enige
              </caption>
              <thead>
                <tr>
                  <th scope="col">Krav</th>
                  <th scope="col">Opfyldt efter deltagernes egen vurdering</th>
                  <th scope="col">Opfyldt efter underviserens vurdering</th>
                  <th scope="col">Samme vurdering</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((figure) => (
                  <tr key={figure.criterionId}>
                    <th scope="row">{figure.label}</th>
                    <td>{percent(figure.self)}</td>
                    <td>{percent(figure.trainer)}</td>
                    <td>{percent(figure.agreement)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <h3>Teksterne</h3>
          {texts.length === 0 ? (
            <p>Ingen har indsendt en tekst endnu.</p>
          ) : (
            <ScrollBox label={`${activity.title}: teksterne`}>
              <table className="table table--compact">
                <caption>Hver deltagers seneste indsendte tekst</caption>
                <thead>
                  <tr>
                    <th scope="col">Deltager</th>
                    <th scope="col">Indsendt</th>
                    <th scope="col">Egen vurdering</th>
                    <th scope="col">Underviserens vurdering</th>
                    <th scope="col">Til drøftelse</th>
                  </tr>
                </thead>
                <tbody>
                  {texts.map((text) => (
                    <tr key={text.attemptId}>
                      <th scope="row">
                        <Link to={`${base}/${text.attemptId}${withNames}`}>{text.who}</Link>
                        {text.attemptNumber > 1 && <span className="meta"> (forsøg {text.attemptNumber})</span>}
                      </th>
                      <td>{text.submittedAt}</td>
                      <td>{text.self}</td>
                      <td>{text.trainer ?? "Ikke vurderet"}</td>
                      <td>{text.forDiscussion ? "Ja" : "Nej"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
