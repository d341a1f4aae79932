import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { audited, recordAudit } from "~/admin/audit.server";
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
import { inviteExistingAccount } from "~/users/invitations.server";
import {
  AdminRuleError,
  createUser,
  EmailTakenError,
  listUsers,
  readUserFilter,
  UnknownOrganisationError,
  type UserFilter,
} from "~/users/users.server";
import { getEnv } from "~/utils/env.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction = () => [{ title: "Administration – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const db = await getDb();
  const filter = readUserFilter(new URL(request.url).searchParams);
  const [list, organisations] = await Promise.all([listUsers(db, filter), listOrganisationsWithCounts(db)]);
  return {
    filter,
    ...list,
    organisations,
    mailbox: getEnv().mailboxVisible,
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
      case "create-user": {
        const created = await audited(
          db,
          (account: { id: string }) => ({
            actor: user,
            action: "user.created",
            subjectUserId: account.id,
            details: { role: input.role, access: input.access === "password" ? "adgangskode" : "invitation" },
            clientAddress: context.clientAddress,
          }),
          (trx) =>
            createUser(trx, {
              email: input.email,
              name: input.name,
              role: input.role,
              organisationId: input.organisationId,
              password: input.access === "password" ? input.password! : null,
            }),
        );
        const as = ROLES[input.role].toLowerCase();
        if (input.access === "password") {
          return data({
            ok: true as const,
            created: true,
            message: `Brugeren ${created.email} er oprettet som ${as}.`,
          });
        }
        const sent = await inviteExistingAccount(db, created.id, user.id);
        await recordAudit(db, {
          actor: user,
          action: "user.invited",
          subjectUserId: created.id,
          details: { sent },
          clientAddress: context.clientAddress,
        });
        return data({
          ok: true as const,
          created: true,
          message: sent
            ? `Brugeren ${created.email} er oprettet som ${as} og har fået en invitation på e-mail (gyldig i 7 dage).`
            : `Brugeren ${created.email} er oprettet som ${as}, men invitationen kunne ikke sendes: mailserveren svarede ikke. Send den igen fra brugerens side.`,
        });
      }
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
  access: "Adgang",
  role: "Rolle",
  organisationId: "Kommune",
  organisationName: "Kommunens navn",
};

/** The query string of the list with `change` applied (page 1 unless a page is given). */
function listLink(filter: UserFilter, change: Partial<UserFilter>) {
  const next: Partial<UserFilter> = { ...filter, side: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.rolle) params.set("rolle", next.rolle);
  if (next.kommune) params.set("kommune", next.kommune);
  if (next.status) params.set("status", next.status);
  if (next.side && next.side > 1) params.set("side", String(next.side));
  const query = params.toString();
  return query ? `/admin?${query}` : "/admin";
}

function accessText(user: { active: boolean; hasPassword: boolean; hasIdentity: boolean }) {
  if (!user.active) return "Deaktiveret";
  if (user.hasIdentity && user.hasPassword) return "Aktiv (adgangskode og single sign-on)";
  if (user.hasIdentity) return "Aktiv (single sign-on)";
  if (user.hasPassword) return "Aktiv";
  return "Aktiv, har ikke logget ind endnu";
}

export default function AdminPage() {
  const { filter, users, total, page, pages, first, organisations, mailbox, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  // After a user is created the form is emptied for the next one; a refusal keeps what was typed.
  const createForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok && "created" in result) createForm.current?.reset();
  }, [result]);
  const filtered = Boolean(filter.q || filter.rolle || filter.kommune || filter.status);
  const kommuneOptions = organisations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <h1>Administration</h1>
      <ul className="nobullet-list">
        <li>
          <Link to="/admin/import">Importér brugere fra et regneark (CSV)</Link>
        </li>
        <li>
          <Link to="/admin/logbog">Logbog</Link>: hvem der har oprettet og rettet brugere, ændret roller, eksporteret og
          slettet data, hvornår og hvorfra (gemmes i 12 måneder)
        </li>
        {mailbox && (
          <li>
            <Link to="/admin/mail">Sendte e-mails</Link> (kun i demo- og udviklingstilstand)
          </li>
        )}
        <li>
          <a href="#brugere">Brugere</a> og <a href="#kommuner">kommuner</a> længere nede
        </li>
      </ul>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={errors} formError={result?.formError} labels={USER_LABELS} />
      )}

      <h2>Opret bruger</h2>
      <p>
        Mange på én gang? <Link to="/admin/import">Importér dem fra et regneark</Link>. Deltagere på et hold inviteres
        lettest under holdets indstillinger.
      </p>
      <Form method="post" noValidate ref={createForm}>
        <input type="hidden" name="intent" value="create-user" />
        <TextField name="name" label={USER_LABELS.name} autoComplete="off" required error={errors?.name} />
        <TextField
          name="email"
          label={USER_LABELS.email}
          type="email"
          autoComplete="off"
          required
          error={errors?.email}
        />
        <SelectField name="role" label={USER_LABELS.role} options={roles} defaultValue="learner" error={errors?.role} />
        <SelectField
          name="organisationId"
          label={USER_LABELS.organisationId}
          defaultValue=""
          error={errors?.organisationId}
          options={[{ value: "", label: "Ingen kommune" }, ...kommuneOptions]}
        />
        <fieldset className={`form-group${errors?.access ? " form-error" : ""}`} id="access">
          <legend className="form-label">Sådan får brugeren adgang</legend>
          <ul className="nobullet-list">
            <li>
              <input
                className="form-radio"
                type="radio"
                id="access-invitation"
                name="access"
                value="invitation"
                defaultChecked
              />
              <label htmlFor="access-invitation">
                Send en invitation på e-mail: brugeren vælger selv sin adgangskode (linket virker i 7 dage)
              </label>
            </li>
            <li>
              <input className="form-radio" type="radio" id="access-password" name="access" value="password" />
              <label htmlFor="access-password">Jeg vælger en adgangskode og giver den til brugeren</label>
            </li>
          </ul>
        </fieldset>
        <TextField
          name="password"
          label={USER_LABELS.password}
          type="password"
          autoComplete="new-password"
          hint="Kun når du vælger adgangskoden: mindst 10 tegn. Giv den til brugeren på en sikker måde."
          error={errors?.password}
        />
        <button type="submit" className="button button-primary">
          Opret bruger
        </button>
      </Form>

      <h2>Opret kommune</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create-organisation" />
        <TextField
          name="organisationName"
          label={USER_LABELS.organisationName}
          hint="Navnet skal være nyt; store og små bogstaver og mellemrum før og efter tæller ikke."
          required
          error={errors?.organisationName}
        />
        <button type="submit" className="button button-primary">
          Opret kommune
        </button>
      </Form>

      <h2 id="brugere">Brugere</h2>
      <Form method="get" className="admin-filter" role="search" aria-label="Find brugere">
        <TextField name="q" label="Navn eller e-mail" type="search" defaultValue={filter.q} />
        <SelectField
          name="rolle"
          label="Rolle"
          defaultValue={filter.rolle ?? ""}
          options={[{ value: "", label: "Alle roller" }, ...roles]}
        />
        <SelectField
          name="kommune"
          label="Kommune"
          defaultValue={filter.kommune ?? ""}
          options={[
            { value: "", label: "Alle kommuner" },
            { value: "ingen", label: "Ingen kommune" },
            ...kommuneOptions,
          ]}
        />
        <SelectField
          name="status"
          label="Status"
          defaultValue={filter.status ?? ""}
          options={[
            { value: "", label: "Aktive og deaktiverede" },
            { value: "aktive", label: "Kun aktive" },
            { value: "deaktiverede", label: "Kun deaktiverede" },
          ]}
        />
        <button type="submit" className="button button-secondary">
          Vis brugere
        </button>
        {filtered && <Link to="/admin">Vis alle brugere</Link>}
      </Form>
      <p aria-live="polite" data-testid="user-count">
        {total === 0
          ? filtered
            ? "Ingen brugere passer til det, du har valgt."
            : "Der er ingen brugere endnu."
          : `${total} ${total === 1 ? "bruger" : "brugere"}${filtered ? " passer" : ""}. Viser ${first}–${first + users.length - 1}.`}
      </p>
      {users.length > 0 && (
        <ScrollBox label="Tabel: brugere">
          <table className="table">
            <caption>
              Brugere{filtered ? ", filtreret" : ""}, side {page} af {pages}
            </caption>
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
                  <td>{ROLES[user.role]}</td>
                  <td>{accessText(user)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {pages > 1 && (
        <nav aria-label="Sider med brugere">
          <ul className="nobullet-list admin-pages">
            {page > 1 && (
              <li>
                <Link to={listLink(filter, { side: page - 1 })}>Forrige side</Link>
              </li>
            )}
            <li aria-current="page">
              Side {page} af {pages}
            </li>
            {page < pages && (
              <li>
                <Link to={listLink(filter, { side: page + 1 })}>Næste side</Link>
              </li>
            )}
          </ul>
        </nav>
      )}

      <h2 id="kommuner">Kommuner</h2>
      <ScrollBox label="Tabel: kommuner (organisationer)">
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
                <th scope="row">
                  <Link to={listLink({ q: "", side: 1 }, { kommune: organisation.id })}>{organisation.name}</Link>
                </th>
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
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
