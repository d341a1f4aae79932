import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { ChartWithTable } from "~/components/bar-chart";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DanishPeriod } from "~/components/danish-date";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SuccessMessage } from "~/components/forms";
import trainerStyles from "~/styles/trainer.css";
import {
  caseSummary,
  CELL_STATUS_LABELS,
  formatShare,
  MIN_RESPONDENTS,
  sortLink,
  type MatrixSort,
} from "~/trainer/dashboard";
import { BegrundelserSection } from "~/trainer/components/begrundelser-section";
import { cohortDashboardPage } from "~/trainer/dashboard-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cohort.name} – Underviser – Sagslab` : "Hold – Underviser – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return cohortDashboardPage(request, params.cohortId);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function SortHeader({ sort, sortKey, label }: { sort: MatrixSort; sortKey: string; label: string }) {
  const active = sort.key === sortKey;
  const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link className="sort-link" to={sortLink(sort, sortKey)} preventScrollReset>
        {label}
        <span className="sr-only">, sortér {active && sort.direction === "asc" ? "faldende" : "stigende"}</span>
        {active ? (sort.direction === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}

function Progress({ data }: { data: Data }) {
  const { matrix, sort } = data;
  return (
    <section aria-labelledby="fremskridt">
      <h2 id="fremskridt">Fremskridt</h2>
      <ChartWithTable
        caption="Andel af deltagerne, der har gennemført hvert modul"
        bars={matrix.perModule.map((m) => ({
          label: m.title,
          value: m.completedShare,
          valueText: formatShare(m.completedShare),
        }))}
        table={
          <table className="table table--compact">
            <caption>Gennemført pr. modul</caption>
            <thead>
              <tr>
                <th scope="col">Modul</th>
                <th scope="col">Gennemført</th>
                <th scope="col">I gang</th>
                <th scope="col">Andel gennemført</th>
              </tr>
            </thead>
            <tbody>
              {matrix.perModule.map((m) => (
                <tr key={m.moduleId}>
                  <th scope="row">{m.title}</th>
                  <td>
                    {m.completed} af {m.participants}
                  </td>
                  <td>{m.started}</td>
                  <td>{formatShare(m.completedShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {matrix.rows.length === 0 ? (
        <p>Ingen deltagere er tilmeldt endnu. Del tilmeldingskoden med holdet.</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table matrix">
            <caption>
              Deltagere × moduler: status og andel gennemført. Klik på en kolonneoverskrift for at sortere.
            </caption>
            <thead>
              <tr>
                <SortHeader sort={sort} sortKey="navn" label="Deltager" />
                {matrix.modules.map((m) => (
                  <SortHeader key={m.id} sort={sort} sortKey={m.id} label={m.title} />
                ))}
                <SortHeader sort={sort} sortKey="aktivitet" label="Seneste aktivitet" />
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.userId}>
                  <th scope="row">
                    <Link to={`/underviser/hold/${data.cohort.id}/deltager/${row.userId}`}>{row.name}</Link>
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.moduleId}>
                      <span className={`cell-status cell-${cell.status}`}>{CELL_STATUS_LABELS[cell.status]}</span>
                      {cell.done} af {cell.required} ({cell.percent} %)
                    </td>
                  ))}
                  <td>{row.lastActivity || "Ingen endnu"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Mistakes({ data }: { data: Data }) {
  const { byTopic, byPhase } = data.mistakes;
  const groupTable = (groups: typeof byTopic, caption: string, heading: string) => (
    <table className="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Forkerte / ikke bedste valg</th>
          <th scope="col">Andel</th>
          <th scope="col">Hvor</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key}>
            <th scope="row">{group.label}</th>
            <td>
              {group.wrong} af {group.total}
            </td>
            <td>{group.wrongShare} %</td>
            <td>
              <ul className="nobullet-list where-list">
                {group.items.map((item) => (
                  <li key={item.anchor}>
                    <a href={`#${item.anchor}`}>{item.label}</a> ({item.wrong} af {item.total})
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="gaar-galt">
      <h2 id="gaar-galt">Hvor går holdet galt?</h2>
      <p>
        Andelen af forkerte quizsvar og af valg i cases, hvor et bedre valg var muligt – på tværs af holdets cases og
        quizzer, det værste først. Følg linkene til de spørgsmål og trin, tallene bygger på.
      </p>
      {byTopic.length === 0 ? (
        <p>Holdet har endnu ikke svaret på quizzer eller truffet valg i cases.</p>
      ) : (
        <>
          <h3>Pr. emne</h3>
          <ChartWithTable
            caption="Andel forkerte svar og ikke bedste valg pr. emne"
            bars={byTopic.map((g) => ({ label: g.label, value: g.wrongShare, valueText: `${g.wrongShare} %` }))}
            table={groupTable(byTopic, "Forkerte svar og ikke bedste valg pr. emne, det værste først", "Emne")}
            stacked
          />
          <h3>Pr. fase i sagsbehandlingen</h3>
          <p>Faserne findes kun i cases; quizspørgsmål har ingen fase.</p>
          <div className="table--responsive-scroll">
            {groupTable(byPhase, "Ikke bedste valg pr. fase, det værste først", "Fase")}
          </div>
        </>
      )}
    </section>
  );
}

function Quizzes({ data }: { data: Data }) {
  return (
    <section aria-labelledby="quizzer">
      <h2 id="quizzer">Quizzer</h2>
      {data.quizzes.length === 0 && <p>Holdets moduler har ingen quizzer.</p>}
      {data.quizzes.map((quiz) => (
        <div key={quiz.activityId}>
          <h3>{quiz.title}</h3>
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption>{quiz.title}: rigtige svar pr. spørgsmål</caption>
              <thead>
                <tr>
                  <th scope="col">Spørgsmål</th>
                  <th scope="col">Emne</th>
                  <th scope="col">Rigtigt i første forsøg</th>
                  <th scope="col">Rigtigt i alle forsøg</th>
                  <th scope="col">Hyppigste forkerte svar</th>
                </tr>
              </thead>
              <tbody>
                {quiz.questions.map((q) => (
                  <tr key={q.id} id={q.anchor}>
                    <th scope="row">
                      {q.number}. {q.prompt}
                    </th>
                    <td>{q.topic}</td>
                    <td>
                      {formatShare(q.firstRightShare)} <span className="meta">({q.firstAnswers} svar)</span>
                    </td>
                    <td>
                      {formatShare(q.overallRightShare)} <span className="meta">({q.answers} svar)</span>
                    </td>
                    <td>
                      {q.mostChosenWrong ? `${q.mostChosenWrong.label} (${q.mostChosenWrong.chosen} gange)` : "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}

function CaseSummary({ stats }: { stats: Data["cases"][number] }) {
  const { text, weakest } = caseSummary(stats);
  return (
    <p>
      {text}
      {weakest && (
        <>
          {" · "}
          Svageste trin: <a href={`#${weakest.anchor}`}>trin {weakest.number}</a>, hvor {formatShare(weakest.bestShare)}{" "}
          valgte det bedste
        </>
      )}
    </p>
  );
}

function Cases({ data }: { data: Data }) {
  return (
    <section aria-labelledby="cases">
      <h2 id="cases">Cases</h2>
      {data.cases.length === 0 && <p>Holdets moduler har ingen cases.</p>}
      {data.cases.map((c) => (
        <div key={c.activityId}>
          <h3>{c.title}</h3>
          <CaseSummary stats={c} />
          {/* Collapsed: seventeen cases step by step made the page some eighty screens long. */}
          <details className="case-details">
            <summary>
              Vis valg trin for trin, afslutninger og ufærdige forsøg<span className="sr-only"> – {c.title}</span>
            </summary>
            {c.steps.map((step, index) => (
              <div key={step.id}>
                <h4 id={step.anchor}>
                  {step.situation} <span className="meta">({step.phase})</span>
                </h4>
                <p>
                  Valgte det højest scorende valg: {formatShare(step.firstBestShare)} i første forsøg (
                  {step.firstDecisions} valg), {formatShare(step.bestShare)} i alle forsøg ({step.decisions} valg).
                </p>
                <div className="table--responsive-scroll">
                  <table className="table table--compact">
                    <caption>
                      Fordeling af valg – {c.title}, trin {index + 1}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Valg</th>
                        <th scope="col">Point</th>
                        <th scope="col">Første forsøg</th>
                        <th scope="col">Alle forsøg</th>
                      </tr>
                    </thead>
                    <tbody>
                      {step.choices.map((choice) => (
                        <tr key={choice.id}>
                          <th scope="row">
                            {choice.label}
                            {choice.onBestPath && <span className="best-mark"> (bedste vej)</span>}
                          </th>
                          <td>{choice.points}</td>
                          <td>
                            {choice.first} ({formatShare(choice.firstShare)})
                          </td>
                          <td>
                            {choice.all} ({formatShare(choice.allShare)})
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            ))}
            <h4>Afslutninger</h4>
            <div className="table--responsive-scroll">
              <table className="table table--compact">
                <caption>{c.title}: afslutninger nået</caption>
                <thead>
                  <tr>
                    <th scope="col">Afslutning</th>
                    <th scope="col">Første forsøg</th>
                    <th scope="col">Alle forsøg</th>
                  </tr>
                </thead>
                <tbody>
                  {c.outcomes.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">
                        {o.result} ({o.id})
                      </th>
                      <td>{o.first}</td>
                      <td>{o.all}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h4>Hvor ufærdige forsøg står</h4>
            {c.dropOff.length === 0 ? (
              <p>Ingen ufærdige forsøg.</p>
            ) : (
              <ul>
                {c.dropOff.map((d) => (
                  <li key={d.placeId}>
                    {d.label}: {d.all} forsøg ({d.first} første forsøg)
                  </li>
                ))}
              </ul>
            )}
            <h4>Deltagere, der går i ring</h4>
            {c.loops.length === 0 ? (
              <p>Ingen har været på samme trin flere gange i ét forsøg.</p>
            ) : (
              <ul>
                {c.loops.map((l) => (
                  <li key={l.stepId}>
                    {l.label}: {l.learners} {l.learners === 1 ? "deltager" : "deltagere"}, {l.repeats} gentagne besøg
                  </li>
                ))}
              </ul>
            )}
          </details>
        </div>
      ))}
    </section>
  );
}

function Evaluations({ data }: { data: Data }) {
  return (
    <section aria-labelledby="evaluering">
      <h2 id="evaluering">Evaluering</h2>
      <p>
        Svarene vises kun samlet og først, når mindst {MIN_RESPONDENTS} har indsendt evalueringen. Tallene opdateres for
        hver {MIN_RESPONDENTS} nye besvarelser, så ingen enkelt kursists svar kan udledes. Fritekstsvar vises uden
        navne.
      </p>
      {data.evaluations.map((evaluation) => (
        <div key={evaluation.activityId}>
          <h3>{evaluation.title}</h3>
          {!evaluation.shown ? (
            <p>
              {evaluation.respondents} har indsendt evalueringen. Resultaterne vises, når mindst {MIN_RESPONDENTS} har
              svaret.
            </p>
          ) : (
            <>
              <p>
                {evaluation.respondents} har indsendt evalueringen
                {evaluation.counted < evaluation.respondents
                  ? `; tallene bygger på de første ${evaluation.counted}.`
                  : "."}
              </p>
              <div className="table--responsive-scroll">
                <table className="table table--compact">
                  <caption>Svar pr. udsagn</caption>
                  <thead>
                    <tr>
                      <th scope="col">Udsagn</th>
                      {evaluation.statements[0]?.spread.map((s) => (
                        <th scope="col" key={s.value}>
                          {s.label}
                        </th>
                      ))}
                      <th scope="col">I høj eller nogen grad</th>
                      <th scope="col">Svar</th>
                    </tr>
                  </thead>
                  <tbody>
                    {evaluation.statements.map((statement) => (
                      <tr key={statement.id}>
                        <th scope="row">{statement.statement}</th>
                        {statement.spread.map((s) => (
                          <td key={s.value}>
                            {s.count} ({formatShare(s.share)})
                          </td>
                        ))}
                        <td>{formatShare(statement.positiveShare)}</td>
                        <td>{statement.answers}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {evaluation.freeTexts.map((text) => (
                <div key={text.id}>
                  <h4>{text.label}</h4>
                  {text.answers.length === 0 ? (
                    <p>Ingen svar.</p>
                  ) : (
                    <ul className="freetext-list">
                      {text.answers.map((answer, index) => (
                        <li key={index}>{answer}</li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </>
          )}
        </div>
      ))}
    </section>
  );
}

/**
 * The links of "Hvor går holdet galt?" lead to steps inside collapsed case details: open the
 * one a link (or an address with #trin-…) points into. Printing opens them all.
 */
function useDetailsOpenForTargets() {
  useEffect(() => {
    const openTarget = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      const details = target?.closest("details");
      if (!target || !details || details.open) return;
      details.open = true;
      target.scrollIntoView();
    };
    const openAll = () => document.querySelectorAll("details").forEach((details) => (details.open = true));
    openTarget();
    window.addEventListener("hashchange", openTarget);
    window.addEventListener("beforeprint", openAll);
    return () => {
      window.removeEventListener("hashchange", openTarget);
      window.removeEventListener("beforeprint", openAll);
    };
  }, []);
}

export default function CohortDashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { cohort } = data;
  useDetailsOpenForTargets();
  return (
    <>
      <div className="no-print">
        <Breadcrumbs items={[{ to: "/underviser", label: "Underviser" }, { label: cohort.name }]} />
      </div>
      <h1>{cohort.name}</h1>
      {data.created && (
        <SuccessMessage message="Holdet er oprettet. Del tilmeldingskoden eller linket med deltagerne." />
      )}
      <dl className="module-facts">
        <dt>Kommune</dt>
        <dd>{cohort.organisation}</dd>
        <dt>Periode</dt>
        <dd>
          <DanishPeriod from={cohort.startsOn} to={cohort.endsOn} />
        </dd>
        <dt>Tilmeldingskode</dt>
        <dd className="join-code" data-testid="join-code">
          {cohort.joinCode}
        </dd>
        <dt>Tilmeldingslink</dt>
        <dd>
          <a href={data.joinLink}>{data.joinLink}</a>
        </dd>
        <dt>Deltagere</dt>
        <dd>{data.matrix.rows.length}</dd>
      </dl>
      <p className="no-print">
        <Link to={`/underviser/hold/${cohort.id}/indstillinger`}>Holdets indstillinger</Link>: undervisere og ny
        tilmeldingskode.
      </p>
      <nav className="page-toc" aria-label="På denne side">
        <ul>
          <li>
            <a href="#fremskridt">Fremskridt</a>
          </li>
          <li>
            <a href="#gaar-galt">Hvor går holdet galt?</a>
          </li>
          <li>
            <a href="#quizzer">Quizzer</a>
          </li>
          <li>
            <a href="#cases">Cases</a>
          </li>
          <li>
            <a href="#evaluering">Evaluering</a>
          </li>
          <li>
            <Link to={`/underviser/hold/${cohort.id}/brief`}>Oplæg til undervisningsdagen (udskrift)</Link>
          </li>
          <li>
            <a href={`/underviser/hold/${cohort.id}/eksport.csv`} download>
              Hent som CSV (Excel)
            </a>
          </li>
        </ul>
      </nav>
      <Progress data={data} />
      <Mistakes data={data} />
      <Quizzes data={data} />
      <Cases data={data} />
      <Evaluations data={data} />
      <BegrundelserSection cohortId={cohort.id} begrundelser={data.begrundelser} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
