import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { audited } from "~/admin/audit.server";
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
  const { me, cohort, joinLink, trainers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  // After a trainer is added the field is emptied for the next one; after a refusal it keeps
  // what was typed, to be corrected.
  const addForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok && "added" in result) addForm.current?.reset();
  }, [result]);
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
        <ErrorSummary errors={errors} formError={result?.formError} labels={{ email: "E-mail" }} />
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

      <h2>Undervisere</h2>
      <p>Holdets undervisere ser holdets oversigt og kan ændre disse indstillinger.</p>
      <div className="table--responsive-scroll">
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
      </div>

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
