/**
 * The sections of the cohort's settings page: details (name, dates, modules), join code,
 * participants, trainers, follow-ups, archive. Each form works without JavaScript; a change that
 * cannot simply be undone shows a confirmation first (`Confirm`).
 */
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { DateField } from "~/components/date-field";
import { FieldError, TextField } from "~/components/forms";
import { ModuleCheckboxes } from "~/components/module-checkboxes";
import { ScrollBox } from "~/components/scroll-box";
import { MAX_INVITEES } from "~/users/invitee-list";
import type { useLoaderData } from "@remix-run/react";
import type { cohortSettingsPage, Confirmation } from "../cohort-settings.server";

export type SettingsData = ReturnType<typeof useLoaderData<typeof cohortSettingsPage>>;
type Errors = Record<string, string> | undefined;

function IntentButton({
  intent,
  fields = {},
  className = "button button-secondary",
  children,
}: {
  intent: string;
  fields?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  );
}

/** The question before the change, with the button that makes it and one that does not. */
export function Confirm({ confirmation, cohortId }: { confirmation: Confirmation; cohortId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [confirmation]);
  const text = {
    "renew-code": {
      title: "Giv holdet en ny tilmeldingskode?",
      body: "Den gamle kode og det gamle link holder op med at virke med det samme. Deltagere, der allerede er tilmeldt, bliver på holdet.",
      yes: "Ja, giv holdet en ny kode",
    },
    "remove-participant": {
      title: `Fjern ${"name" in confirmation ? confirmation.name : ""} fra holdet?`,
      body: "Deltagerens eget arbejde og beviser bliver deres, men tæller ikke længere med i holdets tal, og du kan ikke længere se deres side.",
      yes: "Ja, fjern deltageren",
    },
    "remove-trainer": {
      title:
        "self" in confirmation && confirmation.self
          ? "Fjern dig selv som underviser?"
          : `Fjern ${"name" in confirmation ? confirmation.name : ""} som underviser?`,
      body: "Du mister adgangen til holdets oversigt, oplæg og indstillinger. En af holdets andre undervisere kan tilføje dig igen.",
      yes: "Ja, fjern mig fra holdet",
    },
  }[confirmation.intent];
  return (
    <section className="confirmation" aria-labelledby="bekraeft">
      <h2 id="bekraeft" tabIndex={-1} ref={heading}>
        {text.title}
      </h2>
      <p>{text.body}</p>
      <IntentButton
        intent={confirmation.intent}
        fields={{ bekraeft: "ja", ...("userId" in confirmation ? { userId: confirmation.userId } : {}) }}
        className="button button-primary"
      >
        {text.yes}
      </IntentButton>
      <Link className="button button-secondary" to={`/underviser/hold/${cohortId}/indstillinger`}>
        Fortryd
      </Link>
    </section>
  );
}

export function DetailsForm({ data, errors }: { data: SettingsData; errors: Errors }) {
  const { cohort, modules } = data;
  return (
    <section aria-labelledby="oplysninger">
      <h2 id="oplysninger">Navn, datoer og moduler</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="update-details" />
        <TextField
          name="name"
          label="Holdets navn"
          required
          maxLength={120}
          error={errors?.name}
          defaultValue={cohort.name}
        />
        <DateField name="startsOn" label="Startdato" required error={errors?.startsOn} value={cohort.startsOn} />
        <DateField
          name="endsOn"
          label="Slutdato"
          hint="Efter slutdatoen kan der ikke tilmeldes med koden."
          required
          error={errors?.endsOn}
          value={cohort.endsOn}
        />
        <ModuleCheckboxes
          modules={modules}
          chosen={cohort.moduleIds}
          error={errors?.modules}
          hint="Et modul, der tages af holdet, beholder deltagernes arbejde."
        />
        <button type="submit" className="button button-primary">
          Gem navn, datoer og moduler
        </button>
      </Form>
    </section>
  );
}

/** A table of people on the cohort (participants or trainers) with a "Fjern" button each. */
export function PeopleTable({
  caption,
  people,
  me,
  intent,
  removable,
  removeText,
}: {
  caption: string;
  people: { id: string; name: string; email: string }[];
  me?: string;
  intent: "remove-participant" | "remove-trainer";
  removable: boolean;
  /** What "Fjern" does, for screen readers: "Sara fra holdet". */
  removeText: (person: { id: string; name: string }) => string;
}) {
  return (
    <div className="table--responsive-scroll scroll-box" tabIndex={0} role="region" aria-label={`Tabel: ${caption}`}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-mail</th>
            <th scope="col">
              <span className="sr-only">Handling</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {person.name}
                {person.id === me && " (dig)"}
              </th>
              <td>{person.email}</td>
              <td>
                {removable && (
                  <IntentButton intent={intent} fields={{ userId: person.id }} className="button button-tertiary">
                    Fjern<span className="sr-only"> {removeText(person)}</span>
                  </IntentButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ParticipantsTable({ data }: { data: SettingsData }) {
  return (
    <section aria-labelledby="deltagere">
      <h2 id="deltagere">Deltagere</h2>
      {data.participants.length === 0 ? (
        <p>Ingen deltagere er tilmeldt endnu.</p>
      ) : (
        <PeopleTable
          caption={`Holdets deltagere (${data.participants.length})`}
          people={data.participants}
          intent="remove-participant"
          removable={!data.cohort.archivedAt}
          removeText={(p) => `${p.name} fra holdet`}
        />
      )}
    </section>
  );
}

/** Invitations by e-mail (a personal link for 7 days), and those not yet accepted. */
export function InviteParticipants({
  data,
  errors,
  sent,
}: {
  data: SettingsData;
  errors: Errors;
  sent: object | null;
}) {
  const inviteForm = useRef<HTMLFormElement>(null);
  // After invitations are sent the list is emptied; after a refusal it keeps what was typed.
  useEffect(() => {
    if (sent) inviteForm.current?.reset();
  }, [sent]);
  const inviteError = errors?.invitees;
  return (
    <section>
      <h2>Inviter deltagere på e-mail</h2>
      <p>
        Hver deltager får en e-mail med et personligt link, der virker i 7 dage. Med linket vælger deltageren en
        adgangskode (eller logger ind med single sign-on) og kommer direkte på holdet. Deltagere, der allerede har en
        konto, logger ind for at tage imod.
      </p>
      <Form method="post" noValidate ref={inviteForm}>
        <input type="hidden" name="intent" value="invite" />
        <div className={`form-group${inviteError ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="invitees">
            Deltagere, én pr. linje
          </label>
          <span className="form-hint" id="invitees-hint">
            Navn og e-mailadresse, fx „Bente Hansen bente.hansen@egeby.dk“. Højst {MAX_INVITEES} ad gangen.
          </span>
          <FieldError id="invitees-error" message={inviteError} />
          <textarea
            className="form-input"
            id="invitees"
            name="invitees"
            rows={6}
            autoComplete="off"
            aria-invalid={inviteError ? true : undefined}
            aria-describedby={`invitees-hint${inviteError ? " invitees-error" : ""}`}
          />
        </div>
        <button type="submit" className="button button-primary">
          Send invitationer
        </button>
      </Form>
      {data.invitations.length > 0 && (
        <ScrollBox label="Tabel: invitationer, der endnu ikke er taget imod">
          <table className="table">
            <caption>Invitationer, der endnu ikke er taget imod</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">E-mail</th>
                <th scope="col">Virker til</th>
              </tr>
            </thead>
            <tbody>
              {data.invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.name}</th>
                  <td>{invitation.email}</td>
                  <td>{invitation.expiresAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

export function FollowUps({ data, errors }: { data: SettingsData; errors: Errors }) {
  if (data.followUps.length === 0) return null;
  return (
    <section aria-labelledby="opfoelgning">
      <h2 id="opfoelgning">Opfølgning efter forløbet</h2>
      <p>
        Deltagere, der har indsendt en moduls evaluering, får opfølgningen på deres forside fra datoen. Uden en dato her
        følger den kurset: et antal dage efter holdets slutdato.
      </p>
      {data.followUps.map((f) => (
        <Form method="post" noValidate key={f.activityId} className="admin-inline-form">
          <input type="hidden" name="intent" value="follow-up-date" />
          <input type="hidden" name="activityId" value={f.activityId} />
          <DateField
            name="opensOn"
            label={`Opfølgning på ${f.moduleTitle}`}
            hint={
              f.moved
                ? "Du har flyttet datoen; tøm feltet for kursets dato."
                : `Kursets dato: ${f.afterDays} dage efter slutdatoen.`
            }
            error={errors?.opensOn}
            value={f.opensOn}
          />
          <button type="submit" className="button button-secondary">
            Gem datoen<span className="sr-only"> for opfølgningen på {f.moduleTitle}</span>
          </button>
        </Form>
      ))}
    </section>
  );
}

export function ArchiveSection({ data }: { data: SettingsData }) {
  return (
    <section aria-labelledby="arkiv">
      <h2 id="arkiv">{data.cohort.archivedAt ? "Holdet er arkiveret" : "Arkivér holdet"}</h2>
      {data.cohort.archivedAt ? (
        <>
          <p>Et arkiveret hold kan ikke ændres, og koden tager ikke imod nye deltagere. Gendan det for at ændre det.</p>
          <IntentButton intent="restore">Gendan holdet</IntentButton>
        </>
      ) : (
        <>
          <p>
            Et arkiveret hold skjules fra listen over hold og kan ikke ændres; koden tager ikke imod nye deltagere.
            Intet slettes, og holdet kan gendannes.
          </p>
          <IntentButton intent="archive">Arkivér holdet</IntentButton>
        </>
      )}
    </section>
  );
}

export { IntentButton };
