import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { audited, recordAudit } from "~/admin/audit.server";
import {
  adminActionSchema,
  createOrganisation,
  deleteOrganisation,
  listOrganisationsWithCounts,
  renameOrganisation,
} from "~/admin/admin.server";
import { CreateUserForm, CREATE_USER_FORM } from "~/admin/components/create-user-form";
import {
  CreateOrganisationForm,
  CREATE_ORGANISATION_FORM,
  deleteOrganisationForm,
  OrganisationRowForms,
  renameOrganisationForm,
} from "~/admin/components/organisation-forms";
import { requireUser } from "~/auth/auth.server";
import { ALL_ROLES, ROLES } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { SelectField, TextField } from "~/components/forms";
import { PageReply } from "~/components/reply-forms";
import { getDb } from "~/db/database.server";
import { submittedFormId } from "~/forms/form-ids";
import { accept, readSubmission, refuse, refuseInvalid } from "~/forms/submission.server";
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

/** The forms in the kommune table's rows, by the field that says which kommune. */
const ROW_KEYS = { "rename-organisation": "organisationId", "delete-organisation": "organisationId" };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "admin");
  const submission = await readSubmission(request, adminActionSchema);
  const formId = submittedFormId(submission.payload, ROW_KEYS, "admin");
  if (submission.status !== "success") {
    // The kommune a row's form acts on is hidden there; in the create-user form it is chosen.
    const hidden = submission.payload.intent === "create-user" ? ["intent"] : ["intent", "organisationId"];
    return refuseInvalid(formId, submission, { hidden, form: "Ændringen er ikke gemt." });
  }
  const db = await getDb();
  const input = submission.value;
  try {
    switch (input.intent) {
      case "create-organisation":
        await createOrganisation(db, input.organisationName);
        return accept(formId, submission, `Kommunen „${input.organisationName}“ er oprettet.`);
      case "rename-organisation":
        await renameOrganisation(db, { organisationId: input.organisationId, name: input.newName });
        return accept(formId, submission, `Kommunen hedder nu „${input.newName}“.`);
      case "delete-organisation": {
        const deleted = await deleteOrganisation(db, input.organisationId);
        return accept(formId, submission, `Kommunen „${deleted.name}“ er slettet.`);
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
          return accept(formId, submission, `Brugeren ${created.email} er oprettet som ${as}.`);
        }
        const sent = await inviteExistingAccount(db, created.id, user.id);
        await recordAudit(db, {
          actor: user,
          action: "user.invited",
          subjectUserId: created.id,
          details: { sent },
          clientAddress: context.clientAddress,
        });
        return accept(
          formId,
          submission,
          sent
            ? `Brugeren ${created.email} er oprettet som ${as} og har fået en invitation på e-mail (gyldig i 7 dage).`
            : `Brugeren ${created.email} er oprettet som ${as}, men invitationen kunne ikke sendes: mailserveren svarede ikke. Send den igen fra brugerens side.`,
        );
      }
    }
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return refuse(formId, submission, { fields: { email: error.message }, form: "Brugeren er ikke oprettet." });
    }
    if (error instanceof UnknownOrganisationError) {
      return refuse(formId, submission, {
        fields: { organisationId: error.message },
        form: "Brugeren er ikke oprettet.",
      });
    }
    if (error instanceof AdminRuleError) return refuse(formId, submission, { form: error.message });
    throw error;
  }
}

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
  const filtered = Boolean(filter.q || filter.rolle || filter.kommune || filter.status);
  const kommuneOptions = organisations.map((o) => ({ value: o.id, label: o.name }));
  const filters = [
    { name: "rolle", label: "Rolle", options: [{ value: "", label: "Alle roller" }, ...roles] },
    {
      name: "kommune",
      label: "Kommune",
      options: [{ value: "", label: "Alle kommuner" }, { value: "ingen", label: "Ingen kommune" }, ...kommuneOptions],
    },
    {
      name: "status",
      label: "Status",
      options: [
        { value: "", label: "Aktive og deaktiverede" },
        { value: "aktive", label: "Kun aktive" },
        { value: "deaktiverede", label: "Kun deaktiverede" },
      ],
    },
  ] as const;
  const unused = (o: (typeof organisations)[number]) => Number(o.users ?? 0) === 0 && Number(o.cohorts ?? 0) === 0;
  const forms = [
    CREATE_USER_FORM,
    CREATE_ORGANISATION_FORM,
    ...organisations.flatMap((o) => [
      renameOrganisationForm(o.id),
      ...(unused(o) ? [deleteOrganisationForm(o.id)] : []),
    ]),
  ];
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
      <PageReply forms={forms} />

      <h2>Opret bruger</h2>
      <p>
        Mange på én gang? <Link to="/admin/import">Importér dem fra et regneark</Link>. Deltagere på et hold inviteres
        lettest under holdets indstillinger.
      </p>
      <CreateUserForm roles={roles} organisations={kommuneOptions} />

      <h2>Opret kommune</h2>
      <CreateOrganisationForm />

      <h2 id="brugere">Brugere</h2>
      <Form method="get" className="admin-filter" role="search" aria-label="Find brugere">
        <TextField name="q" label="Navn eller e-mail" type="search" defaultValue={filter.q} />
        {filters.map((select) => (
          <SelectField
            key={select.name}
            {...select}
            defaultValue={filter[select.name] ?? ""}
            options={[...select.options]}
          />
        ))}
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
              // Keyed by the name too, so the rename field shows the new name after a rename.
              <tr key={`${organisation.id} ${organisation.name}`}>
                <th scope="row">
                  <Link to={listLink({ q: "", side: 1 }, { kommune: organisation.id })}>{organisation.name}</Link>
                </th>
                <td>{Number(organisation.users ?? 0)}</td>
                <td>{Number(organisation.cohorts ?? 0)}</td>
                <td>
                  <OrganisationRowForms organisation={{ ...organisation, unused: unused(organisation) }} />
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
