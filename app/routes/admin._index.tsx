import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { audited } from "~/admin/audit.server";
import {
  adminActionSchema,
  createOrganisation,
  deleteOrganisation,
  listOrganisationsWithCounts,
  renameOrganisation,
} from "~/admin/admin.server";
import { requireUser } from "~/auth/auth.server";
import { ALL_ROLES, ROLES } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { ErrorSummary, SelectField, SuccessMessage, TextField } from "~/components/forms";
import { getDb } from "~/db/database.server";
import trainerStyles from "~/styles/trainer.css";
import {
  AdminRuleError,
  changeRole,
  createUser,
  EmailTakenError,
  searchUsers,
  setActive,
  UnknownOrganisationError,
  USERS_PER_PAGE,
} from "~/users/users.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction = () => [{ title: "Administration – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "admin");
  const db = await getDb();
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const [{ users, more }, organisations] = await Promise.all([searchUsers(db, query), listOrganisationsWithCounts(db)]);
  return {
    me: user.id,
    query,
    users,
    more,
    organisations,
    roles: ALL_ROLES.map((role) => ({ value: role, label: ROLES[role] })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "admin");
  const parsed = await parseForm(request, adminActionSchema);
  if (!parsed.ok) return formFailure(parsed.errors, "Ændringen er ikke gemt.");
  const db = await getDb();
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "create-organisation":
        await createOrganisation(db, input.organisationName);
        return data({ ok: true as const, message: `Kommunen „${input.organisationName}“ er oprettet.` });
      case "rename-organisation":
        await renameOrganisation(db, { organisationId: input.organisationId, name: input.newName });
        return data({ ok: true as const, message: `Kommunen hedder nu „${input.newName}“.` });
      case "delete-organisation": {
        const deleted = await deleteOrganisation(db, input.organisationId);
        return data({ ok: true as const, message: `Kommunen „${deleted.name}“ er slettet.` });
      }
      case "create-user":
        await createUser(db, input);
        return data({
          ok: true as const,
          message: `Brugeren ${input.email} er oprettet som ${ROLES[input.role].toLowerCase()}.`,
        });
      case "change-role":
        await audited(
          db,
          {
            actor: user,
            action: "user.role_changed",
            subjectUserId: input.userId,
            details: { role: input.role },
            clientAddress: context.clientAddress,
          },
          (trx) => changeRole(trx, { actorId: user.id, userId: input.userId, role: input.role }),
        );
        return data({ ok: true as const, message: `Rollen er ændret til ${ROLES[input.role].toLowerCase()}.` });
      case "set-active":
        await audited(
          db,
          {
            actor: user,
            action: input.active ? "user.reactivated" : "user.deactivated",
            subjectUserId: input.userId,
            clientAddress: context.clientAddress,
          },
          (trx) => setActive(trx, { actorId: user.id, userId: input.userId, active: input.active }),
        );
        return data({
          ok: true as const,
          message: input.active ? "Brugeren er aktiveret igen." : "Brugeren er deaktiveret og logget ud alle steder.",
        });
    }
  } catch (error) {
    if (error instanceof EmailTakenError) return formFailure({ email: error.message }, "Brugeren er ikke oprettet.");
    if (error instanceof UnknownOrganisationError)
      return formFailure({ organisationId: error.message }, "Brugeren er ikke oprettet.");
    if (error instanceof AdminRuleError) return formFailure({}, error.message);
    throw error;
  }
}

const USER_LABELS = {
  email: "E-mail",
  name: "Navn",
  password: "Adgangskode",
  role: "Rolle",
  organisationId: "Kommune",
  organisationName: "Kommunens navn",
};

export default function AdminPage() {
  const { me, query, users, more, organisations, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <>
      <h1>Administration</h1>
      <p>
        <Link to="/admin/logbog">Logbog</Link>: hvem der har ændret roller, deaktiveret brugere, eksporteret data og
        ændret hold, hvornår og hvorfra (gemmes i 12 måneder). Vælg en bruger for at eksportere eller slette brugerens
        data.
      </p>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={errors} formError={result?.formError} labels={USER_LABELS} />
      )}

      <h2>Brugere</h2>
      <Form method="get" className="admin-inline-form" role="search">
        <TextField name="q" label="Søg på navn eller e-mail" type="search" defaultValue={query} />
        <button type="submit" className="button button-secondary">
          Søg
        </button>
      </Form>
      {more && <p>Viser de første {USERS_PER_PAGE} brugere. Søg for at finde andre.</p>}
      <ScrollBox label={query ? `Brugere, der matcher „${query}“` : "Brugere"}>
        <table className="table">
          <caption>{query ? `Brugere, der matcher „${query}“` : "Brugere"}</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
              <th scope="col">Kommune</th>
              <th scope="col">Rolle</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/admin/brugere/${user.id}`}>{user.name}</Link>
                </th>
                <td>{user.email}</td>
                <td>{user.organisation ?? "–"}</td>
                <td>
                  <Form method="post" className="admin-inline-form">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="userId" value={user.id} />
                    <SelectField
                      name="role"
                      id={`rolle-${user.id}`}
                      label={`Rolle for ${user.name}`}
                      labelHidden
                      options={roles}
                      defaultValue={user.role}
                    />
                    <button type="submit" className="button button-secondary">
                      Gem rolle<span className="sr-only"> for {user.name}</span>
                    </button>
                  </Form>
                </td>
                <td>
                  <Form method="post" className="admin-inline-form">
                    <input type="hidden" name="intent" value="set-active" />
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="active" value={user.active ? "false" : "true"} />
                    <span>{user.active ? "Aktiv" : "Deaktiveret"}</span>
                    {user.id !== me && (
                      <button type="submit" className="button button-secondary">
                        {user.active ? "Deaktivér" : "Aktivér"}
                        <span className="sr-only"> {user.name}</span>
                      </button>
                    )}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>

      <h2>Opret bruger</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create-user" />
        <TextField name="name" label={USER_LABELS.name} required error={errors?.name} />
        <TextField name="email" label={USER_LABELS.email} type="email" required error={errors?.email} />
        <TextField
          name="password"
          label={USER_LABELS.password}
          type="password"
          autoComplete="new-password"
          hint="Mindst 10 tegn. Giv den til brugeren på en sikker måde."
          required
          error={errors?.password}
        />
        <SelectField name="role" label={USER_LABELS.role} options={roles} defaultValue="learner" error={errors?.role} />
        <SelectField
          name="organisationId"
          label={USER_LABELS.organisationId}
          defaultValue=""
          error={errors?.organisationId}
          options={[
            { value: "", label: "Ingen kommune" },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <button type="submit" className="button button-primary">
          Opret bruger
        </button>
      </Form>

      <h2>Kommuner</h2>
      <ScrollBox label={"Kommuner"}>
        <table className="table">
          <caption>Kommuner (organisationer)</caption>
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              <th scope="col">Brugere</th>
              <th scope="col">Hold</th>
              <th scope="col">Omdøb eller slet</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((organisation) => (
              <tr key={organisation.id}>
                <th scope="row">{organisation.name}</th>
                <td>{Number(organisation.users ?? 0)}</td>
                <td>{Number(organisation.cohorts ?? 0)}</td>
                <td>
                  {/* Keyed by the name, so the field shows the new name after a rename. */}
                  <Form method="post" className="admin-inline-form" key={organisation.name}>
                    <input type="hidden" name="intent" value="rename-organisation" />
                    <input type="hidden" name="organisationId" value={organisation.id} />
                    <TextField
                      name="newName"
                      id={`navn-${organisation.id}`}
                      label={`Nyt navn for ${organisation.name}`}
                      labelHidden
                      defaultValue={organisation.name}
                      required
                    />
                    <button type="submit" className="button button-secondary">
                      Omdøb<span className="sr-only"> {organisation.name}</span>
                    </button>
                  </Form>
                  {/* Only a kommune nothing refers to can go; the server checks it again. */}
                  {Number(organisation.users ?? 0) === 0 && Number(organisation.cohorts ?? 0) === 0 && (
                    <Form method="post" className="admin-inline-form">
                      <input type="hidden" name="intent" value="delete-organisation" />
                      <input type="hidden" name="organisationId" value={organisation.id} />
                      <button type="submit" className="button button-tertiary">
                        Slet<span className="sr-only"> {organisation.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <h3>Opret kommune</h3>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create-organisation" />
        <TextField
          name="organisationName"
          label={USER_LABELS.organisationName}
          required
          error={errors?.organisationName}
        />
        <button type="submit" className="button button-primary">
          Opret kommune
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
