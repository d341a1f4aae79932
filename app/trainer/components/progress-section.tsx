/** The cohort's progress: completion per module (chart and table) and the participants × modules matrix. */
import { Link } from "@remix-run/react";
import { ChartWithTable } from "~/components/bar-chart";
import { ScrollBox } from "~/components/scroll-box";
import { CELL_STATUS_LABELS, formatShare, sortLink, type MatrixSort } from "../dashboard";
import { DashboardSection } from "./dashboard-section";
import type { DashboardData } from "./types";

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

export function ProgressSection({ data }: { data: DashboardData }) {
  const { matrix, sort } = data;
  const allDone = matrix.rows.filter((row) => row.cells.every((cell) => cell.status === "complete")).length;
  return (
    <DashboardSection
      id="fremskridt"
      title="Fremskridt"
      show="Vis fremskridt pr. modul og pr. deltager"
      open={data.sorted}
      summary={
        matrix.rows.length === 0
          ? "Ingen deltagere er tilmeldt endnu. Del tilmeldingskoden med holdet."
          : `${matrix.rows.length} ${matrix.rows.length === 1 ? "deltager" : "deltagere"} · ${allDone} har gennemført alle holdets moduler · ${matrix.perModule
              .map((m) => `${m.title}: ${formatShare(m.completedShare)}`)
              .join(" · ")}`
      }
    >
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
      {matrix.rows.length > 0 && (
        <ScrollBox label="Tabel: deltagere × moduler">
          <table className="table matrix">
            <caption>
              Deltagere × moduler: status og andel gennemført. Klik på en kolonneoverskrift for at sortere, på et navn
              for at se deltagerens forsøg.
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
        </ScrollBox>
      )}
    </DashboardSection>
  );
}
