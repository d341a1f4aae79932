/** The top of the cohort page: its facts and what a trainer can do with the cohort. */
import { Link } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { DanishPeriod } from "~/components/danish-date";
import { SuccessMessage } from "~/components/forms";
import type { DashboardData } from "./types";

/** The join code and its link as terms of a facts list (the settings page's section says "Kode", "Link"). */
export function JoinCodeFacts({ code, link, terms }: { code: string; link: string; terms: [string, string] }) {
  return (
    <>
      <dt>{terms[0]}</dt>
      <dd className="join-code" data-testid="join-code">
        {code}
      </dd>
      <dt>{terms[1]}</dt>
      <dd>
        <a href={link}>{link}</a>
      </dd>
    </>
  );
}

export function CohortHeader({ data }: { data: DashboardData }) {
  const { cohort } = data;
  return (
    <>
      <h1>{cohort.name}</h1>
      {data.created && (
        <SuccessMessage message="Holdet er oprettet. Del tilmeldingskoden eller linket med deltagerne." />
      )}
      {cohort.archivedAt && (
        <Alert tone="info">
          Holdet er arkiveret: det kan ikke ændres, og koden tager ikke imod nye deltagere. Du kan gendanne det under
          holdets indstillinger.
        </Alert>
      )}
      <dl className="module-facts">
        <dt>Kommune</dt>
        <dd>{cohort.organisation}</dd>
        <dt>Periode</dt>
        <dd>
          <DanishPeriod from={cohort.startsOn} to={cohort.endsOn} />
        </dd>
        <JoinCodeFacts code={cohort.joinCode} link={data.joinLink} terms={["Tilmeldingskode", "Tilmeldingslink"]} />
        <dt>Deltagere</dt>
        <dd>{data.matrix.rows.length}</dd>
      </dl>
      <ul className="cohort-actions no-print" aria-label="Holdets sider og udtræk">
        <li>
          <Link to={`/underviser/hold/${cohort.id}/brief`}>Oplæg til undervisningsdagen (udskrift)</Link>
        </li>
        <li>
          <Link to={`/underviser/hold/${cohort.id}/indstillinger`}>Holdets indstillinger</Link>
        </li>
        <li>
          <a href={`/underviser/hold/${cohort.id}/eksport.csv`} download>
            Hent som CSV
          </a>
        </li>
        <li>
          <a href={`/underviser/hold/${cohort.id}/eksport.xlsx`} download>
            Hent som Excel-ark (.xlsx)
          </a>
        </li>
      </ul>
    </>
  );
}
