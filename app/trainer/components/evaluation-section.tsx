/**
 * The module evaluations, each headed by its module: the spread per statement on Ankestyrelsen's
 * scale and the share "i høj eller nogen grad", and the free texts without names. Nothing is
 * shown below MIN_RESPONDENTS, and the figures move in blocks of that size.
 */
import { ScrollBox } from "~/components/scroll-box";
import { formatShare, MIN_RESPONDENTS } from "../dashboard";
import { DashboardSection } from "./dashboard-section";
import type { DashboardData } from "./types";

type Evaluation = DashboardData["evaluations"][number];

function EvaluationFigures({ evaluation }: { evaluation: Extract<Evaluation, { shown: true }> }) {
  return (
    <>
      <p>
        {evaluation.respondents} har indsendt evalueringen
        {evaluation.counted < evaluation.respondents ? `; tallene bygger på de første ${evaluation.counted}.` : "."}
      </p>
      <ScrollBox label={`Tabel: evaluering af ${evaluation.moduleTitle}`}>
        <table className="table table--compact">
          <caption>Evaluering af {evaluation.moduleTitle}: svar pr. udsagn</caption>
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
      </ScrollBox>
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
  );
}

/** The follow-up months later beside the evaluation: "i høj eller nogen grad" before and after. */
function FollowUpFigures({ evaluation }: { evaluation: Evaluation }) {
  const followUp = evaluation.followUp;
  if (!followUp) return null;
  const before = (id: string | null) =>
    evaluation.shown && id ? (evaluation.statements.find((s) => s.id === id)?.positiveShare ?? null) : null;
  return (
    <>
      <h4>Opfølgning efter forløbet</h4>
      {!followUp.shown ? (
        <p>
          {followUp.respondents} har svaret på opfølgningen. Resultaterne vises, når mindst {MIN_RESPONDENTS} har
          svaret.
        </p>
      ) : (
        <ScrollBox label={`Tabel: opfølgning på ${evaluation.moduleTitle}`}>
          <table className="table table--compact">
            <caption>
              Opfølgning på {evaluation.moduleTitle}: i høj eller nogen grad, ved evalueringen og ved opfølgningen (
              {followUp.respondents} svar)
            </caption>
            <thead>
              <tr>
                <th scope="col">Udsagn ved opfølgningen</th>
                <th scope="col">Før: ved evalueringen</th>
                <th scope="col">Efter: ved opfølgningen</th>
              </tr>
            </thead>
            <tbody>
              {followUp.statements.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.statement}</th>
                  <td>{formatShare(before(s.before))}</td>
                  <td>
                    {formatShare(s.after)} <span className="meta">({s.answers} svar)</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}

export function EvaluationSection({ evaluations }: { evaluations: Evaluation[] }) {
  const shown = evaluations.filter((e) => e.shown).length;
  return (
    <DashboardSection
      id="evaluering"
      title="Evaluering"
      show="Vis evalueringerne"
      summary={
        evaluations.length === 0
          ? "Holdets moduler har ingen evaluering."
          : `${evaluations.length} evalueringer · ${shown} med mindst ${MIN_RESPONDENTS} svar · ${evaluations.reduce((sum, e) => sum + e.respondents, 0)} besvarelser i alt`
      }
    >
      <p>
        Svarene vises kun samlet og først, når mindst {MIN_RESPONDENTS} har indsendt evalueringen. Tallene opdateres for
        hver {MIN_RESPONDENTS} nye besvarelser, så ingen enkelt kursists svar kan udledes. Fritekstsvar vises uden
        navne.
      </p>
      {evaluations.map((evaluation) => (
        <div key={evaluation.activityId}>
          <h3>Evaluering af {evaluation.moduleTitle}</h3>
          {evaluation.shown ? (
            <EvaluationFigures evaluation={evaluation} />
          ) : (
            <p>
              {evaluation.respondents} har indsendt evalueringen. Resultaterne vises, når mindst {MIN_RESPONDENTS} har
              svaret.
            </p>
          )}
          <FollowUpFigures evaluation={evaluation} />
        </div>
      ))}
    </DashboardSection>
  );
}
