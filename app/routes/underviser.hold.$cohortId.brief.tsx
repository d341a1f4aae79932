import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/print-button";
import { ScrollBox } from "~/components/scroll-box";
import briefStyles from "~/styles/brief.css";
import trainerStyles from "~/styles/trainer.css";
import { LABELS, type BriefPlace } from "~/trainer/brief";
import { cohortBriefPage } from "~/trainer/brief.server";
import { formatShare, MIN_RESPONDENTS } from "~/trainer/dashboard";
import { formatDecimal } from "~/utils/danish";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: trainerStyles },
  { rel: "stylesheet", href: briefStyles },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Oplæg til undervisningsdagen – ${data.cohort.name} – Sagslab` : "Oplæg – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return cohortBriefPage(request, params.cohortId);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Places({ places, kind }: { places: BriefPlace[]; kind: "case" | "quiz" }) {
  const labels = LABELS[kind];
  return (
    <ol className="brief-places">
      {places.map((place) => (
        <li key={place.heading}>
          <h3>
            {place.heading}
            <span className="meta"> · {place.where}</span>
          </h3>
          <p className="brief-figure">{place.figure}.</p>
          <p>
            <strong>{labels.situation}</strong>
            {place.situation}
          </p>
          {place.wrongChoice && (
            <p>
              <strong>{labels.wrongChoice}</strong>
              {place.wrongChoice}
            </p>
          )}
          {place.explanation && (
            <p>
              <strong>{labels.explanation}</strong>
              {place.explanation}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function Evaluations({ rows }: { rows: Data["evaluationTable"] }) {
  if (rows.length === 0) return <p>Holdets moduler har ingen evaluering.</p>;
  return (
    <ScrollBox label="Tabel: evalueringen">
      <table className="table table--compact brief-evaluations">
        <caption>Andel, der svarede i høj eller nogen grad, pr. modul og udsagn</caption>
        <thead>
          <tr>
            <th scope="col">Modul</th>
            <th scope="col">Udsagn: i høj eller nogen grad</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.activityId}>
              <th scope="row">
                {row.moduleTitle} <span className="meta">({row.respondents} svar)</span>
              </th>
              <td>
                {row.statements ? (
                  <ul className="nobullet-list">
                    {row.statements.map((s) => (
                      <li key={s.id}>
                        {s.statement} <strong>{formatShare(s.share)}</strong>
                      </li>
                    ))}
                  </ul>
                ) : (
                  `Vises fra ${MIN_RESPONDENTS} besvarelser`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export default function CohortBriefPage() {
  const data = useLoaderData<typeof loader>();
  const { cohort } = data;
  return (
    <article className="brief">
      <div className="no-print">
        <Breadcrumbs
          items={[
            { to: "/underviser", label: "Underviser" },
            { to: `/underviser/hold/${cohort.id}`, label: cohort.name },
            { label: "Oplæg til undervisningsdagen" },
          ]}
        />
        <PrintButton label="Udskriv oplægget" />
      </div>
      <section className="brief-section" aria-labelledby="brief-holdet">
        <h1 id="brief-holdet">Oplæg til undervisningsdagen: {cohort.name}</h1>
        <p className="meta">
          {cohort.organisation} · {cohort.period} · {data.participants} deltagere · udskrevet {data.printedAt}
        </p>
        <h2>Deltagelse</h2>
        <ScrollBox label="Tabel: deltagelse pr. modul">
          <table className="table table--compact">
            <caption>Deltagelse pr. modul</caption>
            <thead>
              <tr>
                <th scope="col">Modul</th>
                <th scope="col">Gennemført</th>
                <th scope="col">I gang</th>
                <th scope="col">Ikke startet</th>
              </tr>
            </thead>
            <tbody>
              {data.participation.map((m) => (
                <tr key={m.moduleId}>
                  <th scope="row">{m.title}</th>
                  <td>
                    {m.completed} af {m.participants} ({formatShare(m.completedShare)})
                  </td>
                  <td>{m.started}</td>
                  <td>{m.participants - m.completed - m.started}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <h2>Quizzer</h2>
        <ScrollBox label="Tabel: quizzer">
          <table className="table table--compact">
            <caption>Quizzer: bestået i første forsøg og i alt, gennemsnit i første forsøg</caption>
            <thead>
              <tr>
                <th scope="col">Quiz</th>
                <th scope="col">Bestået i første forsøg</th>
                <th scope="col">Bestået i alt</th>
                <th scope="col">Gennemsnit</th>
              </tr>
            </thead>
            <tbody>
              {data.quizFigures.map((q) => (
                <tr key={q.activityId}>
                  <th scope="row">{q.moduleTitle}</th>
                  <td>
                    {q.passedFirst} af {q.learners} ({formatShare(q.passedFirstShare)})
                  </td>
                  <td>
                    {q.passedAtBest} af {q.learners} ({formatShare(q.passedAtBestShare)})
                  </td>
                  <td>{q.average === null ? "–" : `${formatDecimal(q.average)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <h2>Evaluering</h2>
        <Evaluations rows={data.evaluationTable} />
      </section>

      <section className="brief-section" aria-labelledby="brief-cases">
        <h2 id="brief-cases">Her går holdet galt i casene</h2>
        <p>
          De trin, hvor flest valgte forkert i deres første forsøg, med mindst {data.minimum} svar. Feedbacken på det
          forkerte valg er et godt udgangspunkt for dialogen om, hvor det gik galt.
        </p>
        {data.cases.length === 0 ? (
          <p>Endnu ingen trin med mindst {data.minimum} svar og forkerte valg.</p>
        ) : (
          <Places places={data.cases} kind="case" />
        )}
      </section>

      <section className="brief-section" aria-labelledby="brief-quizzer">
        <h2 id="brief-quizzer">Quizspørgsmål, der oftest blev svaret forkert</h2>
        {data.quizzes.length === 0 ? (
          <p>Endnu ingen spørgsmål med mindst {data.minimum} svar og forkerte svar.</p>
        ) : (
          <Places places={data.quizzes} kind="quiz" />
        )}
      </section>

      <section className="brief-section" aria-labelledby="brief-emner">
        <h2 id="brief-emner">Emner og faser</h2>
        <p>Forkerte svar i første forsøg pr. emne og fase i sagsbehandlingen; quizspørgsmål har ingen fase.</p>
        <ScrollBox label="Tabel: emner og faser">
          <table className="table table--compact brief-topics">
            <caption>Forkerte svar i første forsøg: emner × faser</caption>
            <thead>
              <tr>
                <th scope="col">Emne</th>
                {data.topicsByPhase.columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">I alt</th>
              </tr>
            </thead>
            <tbody>
              {data.topicsByPhase.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, index) => (
                    <td key={index}>{cell.total === 0 ? "–" : `${cell.wrong} af ${cell.total}`}</td>
                  ))}
                  <td>
                    {row.total.wrong} af {row.total.total} ({row.total.wrongShare} %)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
