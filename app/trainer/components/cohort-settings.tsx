/**
 * The sections of the cohort's settings page: details (name, dates, modules), join code,
 * participants, trainers, follow-ups, archive. Each form works without JavaScript; a change that
 * cannot simply be undone shows a confirmation first (`Confirm`).
 */
import { Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { z } from "zod";
import { DateField, dateProps } from "~/components/date-field";
import { FieldError, fieldProps, IntentForm, TextField } from "~/components/forms";
import { ModuleCheckboxes, moduleProps } from "~/components/module-checkboxes";
import { ButtonForm } from "~/components/reply-forms";
import { ScrollBox } from "~/components/scroll-box";
import { useReplyForm } from "~/forms/use-reply-form";
import { MAX_INVITEES } from "~/users/invitee-list";
import type { useLoaderData } from "@remix-run/react";
import type { cohortSettingsPage, Confirmation, SettingsReply } from "../cohort-settings.server";
import type { cohortSettingsSchema } from "../cohorts.server";
import { JoinCodeFacts } from "./cohort-header";
import { settingsRowFormId, type SettingsIntent } from "../cohort-settings-forms";

export type SettingsData = ReturnType<typeof useLoaderData<typeof cohortSettingsPage>>;
/** The last reply of the page's action, whichever form it was; each form takes only its own. */
type Reply = SettingsReply | undefined;
/** The fields of the form with this intent, as the browser sends them. */
type FieldsOf<Intent extends SettingsIntent> = Omit<
  Extract<z.input<ReturnType<typeof cohortSettingsSchema>>, { intent: Intent }>,
  "intent"
>;

/**
 * The confirmation's button: a form without an id of its own, as it posts what the form it
 * confirms posts (and `bekraeft=ja`); its refusal shows in that form, or at the top.
 */
function IntentButton({
  intent,
  fields = {},
  className = "button button-secondary",
  children,
}: {
  intent: SettingsIntent;
  fields?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <IntentForm intent={intent}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
      </button>
    </IntentForm>
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

export function DetailsForm({ data, reply }: { data: SettingsData; reply: Reply }) {
  const { cohort, modules } = data;
  // The modules as checkboxes send them: none, one or several.
  type Details = Omit<FieldsOf<"update-details">, "modules"> & { modules: string[] };
  const details = useReplyForm<Details>("update-details", reply, {
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    modules: cohort.moduleIds,
  });
  const { fields } = details;
  return (
    <section aria-labelledby="oplysninger">
      <h2 id="oplysninger">Navn, datoer og moduler</h2>
      <IntentForm reply={details} intent="update-details">
        <TextField {...fieldProps(fields.name)} label="Holdets navn" required maxLength={120} />
        <DateField {...dateProps(fields.startsOn)} label="Startdato" required />
        <DateField
          {...dateProps(fields.endsOn)}
          label="Slutdato"
          hint="Efter slutdatoen kan der ikke tilmeldes med koden."
          required
        />
        <ModuleCheckboxes
          {...moduleProps(fields.modules)}
          modules={modules}
          hint="Et modul, der tages af holdet, beholder deltagernes arbejde."
        />
        <button type="submit" className="button button-primary">
          Gem navn, datoer og moduler
        </button>
      </IntentForm>
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
                  <ButtonForm
                    formId={settingsRowFormId(intent, person.id)}
                    intent={intent}
                    values={{ userId: person.id }}
                    buttonClassName="button-tertiary"
                  >
                    Fjern<span className="sr-only"> {removeText(person)}</span>
                  </ButtonForm>
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

/** The join code and link, and (unless archived) a new code for a code that has got out. */
export function JoinCodeSection({ data }: { data: SettingsData }) {
  const { cohort, joinLink } = data;
  return (
    <section>
      <h2>Tilmeldingskode</h2>
      <dl className="module-facts">
        <JoinCodeFacts code={cohort.joinCode} link={joinLink} terms={["Kode", "Link"]} />
      </dl>
      {!cohort.archivedAt && (
        <>
          <p>
            Er koden kommet ud til flere end holdets deltagere, så giv holdet en ny. Den gamle kode og det gamle link
            holder op med at virke med det samme; deltagere, der allerede er tilmeldt, bliver på holdet.
          </p>
          <ButtonForm formId="renew-code" intent="renew-code">
            Giv holdet en ny tilmeldingskode
          </ButtonForm>
        </>
      )}
    </section>
  );
}

/** Invitations by e-mail (a personal link for 7 days), and those not yet accepted. */
export function InviteParticipants({ data, reply }: { data: SettingsData; reply: Reply }) {
  // Emptied after invitations are sent; after a refusal it keeps what was typed.
  const invite = useReplyForm<FieldsOf<"invite">>("invite", reply);
  const field = invite.fields.invitees;
  const error = field.errors?.[0];
  return (
    <section>
      {/* Not a named region: its heading's "e-mail" would make the page's "E-mail" field ambiguous by label. */}
      <h2>Inviter deltagere på e-mail</h2>
      <p>
        Hver deltager får en e-mail med et personligt link, der virker i 7 dage. Med linket vælger deltageren en
        adgangskode (eller logger ind med single sign-on) og kommer direkte på holdet. Deltagere, der allerede har en
        konto, logger ind for at tage imod.
      </p>
      <IntentForm reply={invite} intent="invite">
        <div className={`form-group${error ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={field.id}>
            Deltagere, én pr. linje
          </label>
          <span className="form-hint" id={`${field.id}-hint`}>
            Navn og e-mailadresse, fx „Bente Hansen bente.hansen@egeby.dk“. Højst {MAX_INVITEES} ad gangen.
          </span>
          <FieldError id={`${field.id}-error`} message={error} />
          <textarea
            className="form-input"
            id={field.id}
            name={field.name}
            rows={6}
            autoComplete="off"
            defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${field.id}-hint${error ? ` ${field.id}-error` : ""}`}
          />
        </div>
        <button type="submit" className="button button-primary">
          Send invitationer
        </button>
      </IntentForm>
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

/** The cohort's trainers, each removable while there is another; adding one by e-mail. */
export function TrainersSection({ data, reply }: { data: SettingsData; reply: Reply }) {
  const { me, trainers, cohort } = data;
  const archived = Boolean(cohort.archivedAt);
  const add = useReplyForm<FieldsOf<"add-trainer">>("add-trainer", reply);
  // After a trainer is added the field is emptied for the next one (conform does it, as the reply
  // says); after a refusal it keeps what was typed, to be corrected.
  return (
    <section>
      <h2>Undervisere</h2>
      <p>Holdets undervisere ser holdets oversigt og kan ændre disse indstillinger.</p>
      <PeopleTable
        caption="Undervisere på holdet"
        people={trainers}
        me={me}
        intent="remove-trainer"
        removable={trainers.length > 1 && !archived}
        removeText={(t) => `${t.id === me ? "dig selv" : t.name} som underviser`}
      />
      {!archived && (
        <>
          <h3>Tilføj en underviser</h3>
          <IntentForm reply={add} intent="add-trainer">
            <TextField
              {...fieldProps(add.fields.email)}
              label="E-mail"
              type="email"
              autoComplete="off"
              hint="Brugeren skal have rollen underviser eller administrator."
              required
            />
            <button type="submit" className="button button-primary">
              Tilføj underviser
            </button>
          </IntentForm>
        </>
      )}
    </section>
  );
}

/** A follow-up's date: each its own form, so a refused date shows at its own field. */
function FollowUpForm({ followUp: f, reply }: { followUp: SettingsData["followUps"][number]; reply: Reply }) {
  const date = useReplyForm<FieldsOf<"follow-up-date">>(settingsRowFormId("follow-up-date", f.activityId), reply, {
    opensOn: f.opensOn,
  });
  return (
    <IntentForm reply={date} intent="follow-up-date" className="admin-inline-form">
      <input type="hidden" name="activityId" value={f.activityId} />
      <DateField
        {...dateProps(date.fields.opensOn)}
        label={`Opfølgning på ${f.moduleTitle}`}
        hint={
          f.moved
            ? "Du har flyttet datoen; tøm feltet for kursets dato."
            : `Kursets dato: ${f.afterDays} dage efter slutdatoen.`
        }
      />
      <button type="submit" className="button button-secondary">
        Gem datoen<span className="sr-only"> for opfølgningen på {f.moduleTitle}</span>
      </button>
    </IntentForm>
  );
}

export function FollowUps({ data, reply }: { data: SettingsData; reply: Reply }) {
  if (data.followUps.length === 0) return null;
  return (
    <section aria-labelledby="opfoelgning">
      <h2 id="opfoelgning">Opfølgning efter forløbet</h2>
      <p>
        Deltagere, der har indsendt en moduls evaluering, får opfølgningen på deres forside fra datoen. Uden en dato her
        følger den kurset: et antal dage efter holdets slutdato.
      </p>
      {data.followUps.map((f) => (
        <FollowUpForm key={f.activityId} followUp={f} reply={reply} />
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
          <ButtonForm formId="restore" intent="restore">
            Gendan holdet
          </ButtonForm>
        </>
      ) : (
        <>
          <p>
            Et arkiveret hold skjules fra listen over hold og kan ikke ændres; koden tager ikke imod nye deltagere.
            Intet slettes, og holdet kan gendannes.
          </p>
          <ButtonForm formId="archive" intent="archive">
            Arkivér holdet
          </ButtonForm>
        </>
      )}
    </section>
  );
}

/**
 * The ids of the forms the page shows (for `PageReply`): a refusal of any other form (one gone
 * since, as a cohort archived meanwhile hides its forms, or a removed person's row) stands at the top.
 */
export function settingsFormsShown({ cohort, participants, trainers, followUps }: SettingsData): string[] {
  if (cohort.archivedAt) return ["restore"];
  return [
    "update-details",
    "renew-code",
    "invite",
    "add-trainer",
    "archive",
    ...participants.map((p) => settingsRowFormId("remove-participant", p.id)),
    ...(trainers.length > 1 ? trainers.map((t) => settingsRowFormId("remove-trainer", t.id)) : []),
    ...followUps.map((f) => settingsRowFormId("follow-up-date", f.activityId)),
  ];
}
