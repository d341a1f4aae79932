import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SuccessMessage, TextField } from "~/components/forms";
import trainerStyles from "~/styles/trainer.css";
import { cohortSettingsAction, cohortSettingsPage } from "~/trainer/cohort-settings.server";
import {
  ArchiveSection,
  Confirm,
  DetailsForm,
  FollowUps,
  IntentButton,
  InviteParticipants,
  ParticipantsTable,
  PeopleTable,
} from "~/trainer/components/cohort-settings";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Indstillinger for ${data.cohort.name} – Underviser – Sagslab`
      : "Holdets indstillinger – Underviser – Sagslab",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return cohortSettingsPage(request, params.cohortId);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return cohortSettingsAction(request, params.cohortId, context.clientAddress);
}

const LABELS = {
  email: "E-mail",
  name: "Holdets navn",
  startsOn: "Startdato",
  endsOn: "Slutdato",
  modules: "Moduler",
  opensOn: "Opfølgningens dato",
  invitees: "Deltagere, én pr. linje",
};

export default function CohortSettingsPage() {
  const data = useLoaderData<typeof loader>();
  const { me, cohort, joinLink, trainers } = data;
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const confirmation = result?.ok && "confirm" in result ? result.confirm : null;
  const archived = Boolean(cohort.archivedAt);
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
      {result?.ok && result.message ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={errors} formError={result && !result.ok ? result.formError : undefined} labels={LABELS} />
      )}
      {confirmation && <Confirm confirmation={confirmation} cohortId={cohort.id} />}
      {!archived && <DetailsForm data={data} errors={errors} />}

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
      {!archived && (
        <>
          <p>
            Er koden kommet ud til flere end holdets deltagere, så giv holdet en ny. Den gamle kode og det gamle link
            holder op med at virke med det samme; deltagere, der allerede er tilmeldt, bliver på holdet.
          </p>
          <IntentButton intent="renew-code">Giv holdet en ny tilmeldingskode</IntentButton>
        </>
      )}

      {!archived && (
        <InviteParticipants data={data} errors={errors} sent={result?.ok && "invited" in result ? result : null} />
      )}

      <ParticipantsTable data={data} />

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
          <FollowUps data={data} errors={errors} />
        </>
      )}
      <ArchiveSection data={data} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
