/**
 * The cases: per case its summary line, and collapsed under it the choices step by step (by the
 * step's situation), the endings reached (by their result and text) and where unfinished
 * attempts stand. Headed by the module the case belongs to.
 */
import type { ReactNode } from "react";
import { ScrollBox } from "~/components/scroll-box";
import { caseSummary, formatShare } from "../dashboard";
import { DashboardSection } from "./dashboard-section";
import type { DashboardData } from "./types";

type CaseData = DashboardData["cases"][number];

function CaseSummaryLine({ stats }: { stats: CaseData }) {
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

/** A compact table of a case's figures in its scroll box: caption, column headings, then the rows given. */
function FiguresTable({
  label,
  caption,
  columns,
  children,
}: {
  label: string;
  caption: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <ScrollBox label={label}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}

function CaseDetails({ c }: { c: CaseData }) {
  return (
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
            Valgte det højest scorende valg: {formatShare(step.firstBestShare)} i første forsøg ({step.firstDecisions}{" "}
            valg), {formatShare(step.bestShare)} i alle forsøg ({step.decisions} valg).
          </p>
          <FiguresTable
            label={`Tabel: valg på trin ${index + 1} i ${c.title}`}
            caption={`Fordeling af valg – ${c.title}, trin ${index + 1}`}
            columns={["Valg", "Point", "Første forsøg", "Alle forsøg"]}
          >
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
          </FiguresTable>
        </div>
      ))}
      <h4>Afslutninger</h4>
      <FiguresTable
        label={`Tabel: afslutninger i ${c.title}`}
        caption={`${c.title}: afslutninger nået`}
        columns={["Afslutning", "Første forsøg", "Alle forsøg"]}
      >
        {c.outcomes.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              {o.result}: <span className="meta">{o.text}</span>
            </th>
            <td>{o.first}</td>
            <td>{o.all}</td>
          </tr>
        ))}
      </FiguresTable>
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
  );
}

export function CaseSection({ cases }: { cases: DashboardData["cases"] }) {
  const finished = cases.reduce((sum, c) => sum + c.outcomes.reduce((s, o) => s + o.all, 0), 0);
  return (
    <DashboardSection
      id="cases"
      title="Cases"
      show="Vis casene trin for trin"
      summary={
        cases.length === 0
          ? "Holdets moduler har ingen cases."
          : `${cases.length} cases · ${finished} afsluttede forsøg i alt`
      }
    >
      {cases.map((c) => (
        <div key={c.activityId}>
          <h3>
            {c.moduleTitle}: {c.title}
          </h3>
          <CaseSummaryLine stats={c} />
          <CaseDetails c={c} />
        </div>
      ))}
    </DashboardSection>
  );
}
