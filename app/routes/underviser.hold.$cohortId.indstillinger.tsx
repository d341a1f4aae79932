import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { audited, recordAudit } from "~/admin/audit.server";
import { ErrorSummary, SuccessMessage, TextField } from "~/components/forms";
import trainerStyles from "~/styles/trainer.css";
import {
  addCohortTrainer,
  cohortSettingsSchema,
  cohortTrainers,
  CohortRuleError,
  removeCohortTrainer,
  renewJoinCode,
  requireTrainerCohort,
} from "~/trainer/cohorts.server";
import { ARCHIVED_MESSAGE } from "~/trainer/manage-cohort.server";
import { joinLinkFor } from "~/trainer/join-code";
import { formatMailDate } from "~/mail/templates";
import { inviteParticipants, openInvitationsOfCohort } from "~/users/invitations.server";
import { MAX_INVITEES } from "~/users/invitee-list";
import { formFailure, parseForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Indstillinger for ${data.cohort.name} – Underviser – Sagslab`
      : "Holdets indstillinger – Underviser – Sagslab",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, cohort } = await requireTrainerCohort(request, params.cohortId);
  return {
    me: user.id,
    cohort,
    joinLink: joinLinkFor(new URL(request.url).origin, cohort.joinCode),
    trainers: await cohortTrainers(db, cohort.id),
    invitations: (await openInvitationsOfCohort(db, cohort.id)).map((invitation) => ({
      id: invitation.id,
      name: invitation.name,
      email: invitation.email,
      expiresAt: formatMailDate(invitation.expiresAt),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, db, cohort } = await requireTrainerCohort(request, params.cohortId);
  const parsed = await parseForm(request, cohortSettingsSchema);
  if (!parsed.ok) return formFailure(parsed.errors, "Ændringen er ikke gemt.");
  const input = parsed.data;
  // An archived cohort is read-only until it is restored.
  if (cohort.archivedAt) return formFailure({}, ARCHIVED_MESSAGE);
  const audit = { actor: user, cohortId: cohort.id, clientAddress: context.clientAddress };
  try {
    switch (input.intent) {
      case "add-trainer": {
        const added = await addCohortTrainer(db, cohort.id, input.email, user, context.clientAddress);
        return data({
          ok: true as const,
          added: true,
          message: `${added.name} er nu underviser på holdet og kan se dets oversigt.`,
        });
      }
      case "remove-trainer": {
        const removed = await audited(
          db,
          { ...audit, action: "cohort.trainer_removed", subjectUserId: input.userId },
          (trx) => removeCohortTrainer(trx, cohort.id, input.userId),
        );
        // A trainer who removes themselves can no longer see the cohort.
        if (input.userId === user.id && user.role !== "admin") throw redirect("/underviser");
        return data({ ok: true as const, message: `${removed.name} er ikke længere underviser på holdet.` });
      }
      case "invite": {
        const result = await inviteParticipants(db, { cohortId: cohort.id, invitedBy: user.id, text: input.invitees });
        if (!result.ok && "errors" in result) {
          return formFailure({ invitees: result.errors.join(" ") }, "Ingen er inviteret.");
        }
        if (!result.ok) {
          return formFailure(
            {},
            `Du har sendt mange invitationer på kort tid. Vent ${Math.ceil(result.retryAfterSeconds / 60)} minut(ter), og prøv igen.`,
            429,
          );
        }
        await recordAudit(db, {
          ...audit,
          action: "cohort.invitations_sent",
          details: { sent: result.sent.length, notSent: result.notSent.length },
        });
        const sent = result.sent.length;
        if (sent === 0) {
          return formFailure({}, "Mailserveren svarede ikke, så ingen invitationer er sendt. Prøv igen om lidt.", 503);
        }
        const parts = [
          sent === 1 ? "Der er sendt en invitation" : `Der er sendt ${sent} invitationer`,
          "; linket virker i 7 dage, og den inviterede kommer på holdet, når invitationen tages imod.",
        ];
        if (result.notSent.length > 0) {
          parts.push(` Til ${result.notSent.join(", ")} kunne mailen ikke sendes; prøv igen om lidt.`);
        }
        return data({ ok: true as const, invited: true, message: parts.join("") });
      }
      case "renew-code": {
        const code = await audited(db, { ...audit, action: "cohort.join_code_renewed" }, (trx) =>
          renewJoinCode(trx, cohort.id),
        );
        return data({
          ok: true as const,
          message: `Holdet har fået den nye tilmeldingskode ${code}. Den gamle kode og det gamle link virker ikke længere.`,
        });
      }
    }
  } catch (error) {
    if (error instanceof CohortRuleError) {
      return input.intent === "add-trainer"
        ? formFailure({ email: error.message }, "Underviseren er ikke tilføjet.")
        : formFailure({}, error.message);
    }
    throw error;
  }
}

export default function CohortSettingsPage() {
  const { me, cohort, joinLink, trainers, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  // After a trainer is added the field is emptied for the next one; after a refusal it keeps
  // what was typed, to be corrected.
  const addForm = useRef<HTMLFormElement>(null);
  const inviteForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok && "added" in result) addForm.current?.reset();
    if (result?.ok && "invited" in result) inviteForm.current?.reset();
  }, [result]);
  const inviteError = errors?.invitees;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/underviser", label: "Underviser" },
          { to: `/underviser/hold/${cohort.id}`, label: cohort.name },
          { label: "Indstillinger" },
        ]}
      />
      <h1>Indstillinger for {cohort.name}</h1>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary
          errors={errors}
          formError={result?.formError}
          labels={{ email: "E-mail", invitees: "Deltagere, én pr. linje" }}
        />
      )}

      <h2>Tilmeldingskode</h2>
      <dl className="module-facts">
        <dt>Kode</dt>
        <dd className="join-code" data-testid="join-code">
          {cohort.joinCode}
        </dd>
        <dt>Link</dt>
        <dd>
          <a href={joinLink}>{joinLink}</a>
        </dd>
      </dl>
      <p>
        Er koden kommet ud til flere end holdets deltagere, så giv holdet en ny. Den gamle kode og det gamle link holder
        op med at virke med det samme; deltagere, der allerede er tilmeldt, bliver på holdet.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="renew-code" />
        <button type="submit" className="button button-secondary">
          Giv holdet en ny tilmeldingskode
        </button>
      </Form>

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
          {inviteError && (
            <span className="form-error-message" id="invitees-error">
              <span className="sr-only">Fejl: </span>
              {inviteError}
            </span>
          )}
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
      {invitations.length > 0 && (
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
              {invitations.map((invitation) => (
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

      <h2>Undervisere</h2>
      <p>Holdets undervisere ser holdets oversigt og kan ændre disse indstillinger.</p>
      <ScrollBox label="Tabel: undervisere på holdet">
        <table className="table">
          <caption>Undervisere på holdet</caption>
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
            {trainers.map((trainer) => (
              <tr key={trainer.id}>
                <th scope="row">
                  {trainer.name}
                  {trainer.id === me && " (dig)"}
                </th>
                <td>{trainer.email}</td>
                <td>
                  {trainers.length > 1 && (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-trainer" />
                      <input type="hidden" name="userId" value={trainer.id} />
                      <button type="submit" className="button button-tertiary">
                        Fjern<span className="sr-only"> {trainer.name} som underviser</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>

      <h3>Tilføj en underviser</h3>
      <Form method="post" noValidate ref={addForm}>
        <input type="hidden" name="intent" value="add-trainer" />
        <TextField
          name="email"
          label="E-mail"
          type="email"
          autoComplete="off"
          hint="Brugeren skal have rollen underviser eller administrator."
          required
          error={errors?.email}
        />
        <button type="submit" className="button button-primary">
          Tilføj underviser
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
