/**
 * The cohort page's section on "Skriv begrundelsen": per begrundelse, how many participants have
 * submitted a text and the texts as "Deltager 1, 2, …" (names only on the texts' own page, when
 * asked for), with the links to read, assess and print them.
 */
import { Link } from "@remix-run/react";
import type { BegrundelseSummaries } from "~/activities/begrundelse/trainer-pages.server";
import { DashboardSection } from "./dashboard-section";

export function BegrundelserSection({
  cohortId,
  begrundelser,
}: {
  cohortId: string;
  begrundelser: BegrundelseSummaries;
}) {
  if (begrundelser.length === 0) return null;
  const base = `/underviser/hold/${cohortId}/begrundelser`;
  const submitted = begrundelser.reduce((sum, begrundelse) => sum + begrundelse.submitted, 0);
  const assessed = begrundelser.reduce((sum, begrundelse) => sum + begrundelse.assessed, 0);
  return (
    <DashboardSection
      id="begrundelser"
      title="Skriv begrundelsen"
      summary={
        <>
          {submitted} {submitted === 1 ? "tekst" : "tekster"} indsendt, {assessed} vurderet af en underviser ·{" "}
          <Link to={base}>Læs og vurdér holdets begrundelser</Link> ·{" "}
          <Link to={`${base}/print`}>Udskriv teksterne til drøftelse</Link>
        </>
      }
      show="Vis begrundelserne pr. aktivitet"
    >
      {begrundelser.map((begrundelse) => (
        <div key={begrundelse.id} className="begrundelse-summary">
          <h3>{begrundelse.title}</h3>
          <p>
            {begrundelse.submitted} af {begrundelse.memberCount} deltagere har indsendt en tekst
            {begrundelse.submitted > 0 && `; ${begrundelse.assessed} er vurderet af en underviser`}.
          </p>
          {begrundelse.higher && <p>{begrundelse.higher}</p>}
          {begrundelse.texts.length > 0 && (
            <ul className="begrundelse-links">
              {begrundelse.texts.map((text) => (
                <li key={text.attemptId}>
                  <Link to={`${base}/${text.attemptId}`}>{text.who}</Link>
                  <span className="meta">
                    {" "}
                    · egen vurdering: {text.self}
                    {text.trainer
                      ? ` · underviserens vurdering: ${text.trainer}`
                      : " · ikke vurderet af en underviser endnu"}
                    {text.forDiscussion && " · til drøftelse"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </DashboardSection>
  );
}
