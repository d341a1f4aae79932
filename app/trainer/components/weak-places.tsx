/**
 * "Her går holdet galt": the cohort's weakest places first, in words (module, case or quiz, the
 * step's situation or the question, the wrong choice made most, k of n wrong in first attempts),
 * each linking to its figures further down; then the same ranking per topic and per phase,
 * each a chart with its table, collapsed.
 */
import { ChartWithTable } from "~/components/bar-chart";
import { MIN_ANSWERS } from "../ranking";
import type { DashboardData } from "./types";

type WeakPlaces = DashboardData["weakPlaces"];
type Group = WeakPlaces["byTopic"][number];

const wrongOf = (p: { wrong: number; total: number; wrongShare: number }) =>
  `${p.wrong} af ${p.total} (${p.wrongShare} %)`;

function PlaceLink({ place }: { place: WeakPlaces["weakest"][number] }) {
  return (
    <a href={`#${place.anchor}`}>
      {place.activityTitle}, {place.position.toLowerCase()}
    </a>
  );
}

function GroupFigure({ groups, heading, caption }: { groups: Group[]; heading: string; caption: string }) {
  return (
    <ChartWithTable
      stacked
      caption={caption}
      bars={groups.map((g) => ({
        label: g.tooFew ? `${g.label} (for få svar)` : g.label,
        value: g.wrongShare,
        valueText: `${g.wrongShare} %`,
      }))}
      table={
        <table className="table table--compact">
          <caption>{caption}, med de svageste steder</caption>
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              <th scope="col">Forkert i første forsøg</th>
              <th scope="col">Svageste steder</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.label}</th>
                <td>
                  {wrongOf(g)}
                  {g.tooFew && <span className="meta"> – for få svar til at rangere</span>}
                </td>
                <td>
                  {g.weakest.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="nobullet-list">
                      {g.weakest.map((p) => (
                        <li key={p.anchor}>
                          <PlaceLink place={p} /> ({p.wrong} af {p.total})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function WeakPlacesSection({ weakPlaces }: { weakPlaces: WeakPlaces }) {
  const { weakest, byTopic, byPhase } = weakPlaces;
  return (
    <section className="dashboard-section" aria-labelledby="gaar-galt">
      <h2 id="gaar-galt">Her går holdet galt</h2>
      <p className="summary-line">
        De steder i cases og quizzer, hvor flest svarede forkert i deres første forsøg. Et sted med færre end{" "}
        {MIN_ANSWERS} svar er ikke med, og rækkefølgen tager højde for antallet af svar, så 11 af 22 står over 1 af 1.
      </p>
      {weakest.length === 0 ? (
        <p>Endnu ingen steder med mindst {MIN_ANSWERS} svar og forkerte svar.</p>
      ) : (
        <ol className="weakest-list">
          {weakest.map((place) => (
            <li key={place.anchor}>
              <p>
                <strong>
                  <PlaceLink place={place} />
                </strong>{" "}
                <span className="meta">· {place.moduleTitle}</span>
              </p>
              <p>{place.text}</p>
              {place.mostChosenWrong && (
                <p>
                  {place.kind === "case" ? "Oftest valgt forkert" : "Hyppigste forkerte svar"}:{" "}
                  {place.mostChosenWrong.label}
                </p>
              )}
              <p>
                <strong>{wrongOf(place)}</strong> svarede forkert i første forsøg.
              </p>
            </li>
          ))}
        </ol>
      )}
      {byTopic.length > 0 && (
        <details className="group-details">
          <summary>Pr. emne: diagram og tabel</summary>
          <GroupFigure groups={byTopic} heading="Emne" caption="Forkerte svar i første forsøg pr. emne" />
        </details>
      )}
      {byPhase.length > 0 && (
        <details className="group-details">
          <summary>Pr. fase i sagsbehandlingen: diagram og tabel</summary>
          <p>Faserne findes kun i cases; quizspørgsmål har ingen fase.</p>
          <GroupFigure groups={byPhase} heading="Fase" caption="Forkerte valg i første forsøg pr. fase" />
        </details>
      )}
    </section>
  );
}
