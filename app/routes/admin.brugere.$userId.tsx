import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sql } from "kysely";
import { z } from "zod";
import { listOrganisationsWithCounts, userPageActionSchema } from "~/admin/admin.server";
import { AUDIT_ACTION_LABELS, audited, listAuditLog, recordAudit } from "~/admin/audit.server";
import { requireUser } from "~/auth/auth.server";
import { ALL_ROLES, ROLES } from "~/auth/roles";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { ErrorSummary, SelectField, SuccessMessage, TextField } from "~/components/forms";
import { getDb, inTransaction } from "~/db/database.server";
import { deleteLearningData, LEARNING_TABLES, TABLES } from "~/privacy/user-data.server";
import { inviteExistingAccount } from "~/users/invitations.server";
import { AdminRuleError, EmailTakenError, setActive, UnknownOrganisationError, updateUser } from "~/users/users.server";
import { formatDateTime } from "~/utils/danish";
import { formFailure, parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.user.name} – Administration – Sagslab` : "Bruger – Administration – Sagslab" },
];

const userIdSchema = z.string().uuid();

/** What the page says each learning table holds. */
const LEARNING_LABELS: Partial<Record<string, string>> = {
  activity_completions: "Gennemførte aktiviteter",
  case_attempts: "Forsøg på cases",
  case_decisions: "Valg i cases",
  quiz_attempts: "Quizforsøg",
  quiz_answers: "Quizsvar",
  evaluation_responses: "Evalueringer",
  evaluation_answers: "Evalueringssvar",
  follow_up_responses: "Opfølgninger",
  follow_up_answers: "Opfølgningssvar",
};

async function requireSubject(params: Record<string, string | undefined>) {
  const parsed = userIdSchema.safeParse(params.userId);
  if (!parsed.success) notFound("Brugeren findes ikke.");
  const db = await getDb();
  const user = await db
    .selectFrom("users")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.role",
      "users.active",
      "users.organisation_id as organisationId",
      "organisations.name as organisation",
      sql<boolean>`users.password_hash is not null`.as("hasPassword"),
      sql<boolean>`exists (select 1 from user_identities i where i.user_id = users.id)`.as("hasIdentity"),
    ])
    .where("users.id", "=", parsed.data)
    .executeTakeFirst();
  if (!user) notFound("Brugeren findes ikke.");
  return { db, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const { db, user } = await requireSubject(params);
  const counts = [];
  for (const table of LEARNING_TABLES) {
    const classification = TABLES[table];
    const rows = classification.personal ? await classification.rows(db, user.id) : [];
    counts.push({ table, label: LEARNING_LABELS[table] ?? table, count: rows.length });
  }
  const { entries } = await listAuditLog(db, { subjectUserId: user.id });
  const identities = await db
    .selectFrom("user_identities")
    .select(["issuer", "linked_email", "created_at", "last_login_at"])
    .where("user_id", "=", user.id)
    .orderBy("created_at")
    .execute();
  return {
    identities: identities.map((identity) => ({
      issuer: identity.issuer,
      linkedBy: identity.linked_email ? `e-mailadressen ${identity.linked_email}` : "invitation eller oprettelse",
      linkedAt: formatDateTime(identity.created_at),
      lastLoginAt: formatDateTime(identity.last_login_at),
    })),
    me: admin.id,
    user: { ...user, roleName: ROLES[user.role] },
    roles: ALL_ROLES.map((role) => ({ value: role, label: ROLES[role] })),
    organisations: (await listOrganisationsWithCounts(db)).map((o) => ({ value: o.id, label: o.name })),
    counts,
    audit: entries.slice(0, 20).map((entry) => ({
      id: entry.id,
      at: formatDateTime(entry.at),
      actor: entry.actorName ?? "Sagslab (automatisk)",
      action: AUDIT_ACTION_LABELS[entry.action],
    })),
  };
}

const FIELD_NAMES: Record<string, string> = {
  name: "navn",
  email: "e-mail",
  role: "rolle",
  organisationId: "kommune",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const { db, user } = await requireSubject(params);
  const parsed = await parseForm(request, userPageActionSchema);
  if (!parsed.ok) return formFailure(parsed.errors, "Intet er ændret.");
  const input = parsed.data;
  const audit = { actor: admin, subjectUserId: user.id, clientAddress: context.clientAddress };
  try {
    switch (input.intent) {
      case "edit-user": {
        // The change and its audit entries commit together.
        const { changed } = await inTransaction(db, async (trx) => {
          const result = await updateUser(trx, {
            actorId: admin.id,
            userId: user.id,
            name: input.name,
            email: input.email,
            role: input.role,
            organisationId: input.organisationId,
          });
          if (result.changed.includes("role")) {
            await recordAudit(trx, {
              ...audit,
              action: "user.role_changed",
              details: { role: input.role, previous: result.before.role },
            });
          }
          const others = result.changed.filter((field) => field !== "role");
          if (others.length > 0) {
            await recordAudit(trx, {
              ...audit,
              action: "user.edited",
              details: { fields: others.map((field) => FIELD_NAMES[field]).join(", ") },
            });
          }
          return result;
        });
        if (changed.length === 0) return data({ ok: true as const, message: "Der var intet at ændre." });
        const list = changed.map((field) => FIELD_NAMES[field]!);
        const words = list.length > 1 ? `${list.slice(0, -1).join(", ")} og ${list.at(-1)}` : list[0]!;
        return data({ ok: true as const, message: `Brugerens ${words} er gemt.` });
      }
      case "set-active":
        await audited(db, { ...audit, action: input.active ? "user.reactivated" : "user.deactivated" }, (trx) =>
          setActive(trx, { actorId: admin.id, userId: user.id, active: input.active }),
        );
        return data({
          ok: true as const,
          message: input.active ? "Brugeren er aktiveret igen." : "Brugeren er deaktiveret og logget ud alle steder.",
        });
      case "send-invitation": {
        if (!user.active)
          return formFailure({}, "Brugeren er deaktiveret. Aktivér brugeren, før du sender en invitation.");
        if (user.hasPassword || user.hasIdentity) {
          return formFailure(
            {},
            "Brugeren kan allerede logge ind. Har brugeren glemt sin adgangskode, så brug „Glemt adgangskode?“ på login-siden.",
          );
        }
        const sent = await inviteExistingAccount(db, user.id, admin.id);
        await recordAudit(db, { ...audit, action: "user.invited", details: { sent } });
        return sent
          ? data({
              ok: true as const,
              message: `Invitationen er sendt til ${user.email}. Linket virker i 7 dage; et ældre link virker ikke længere.`,
            })
          : formFailure({}, "Invitationen kunne ikke sendes: mailserveren svarede ikke. Prøv igen om lidt.", 503);
      }
      case "unlink-identity": {
        const removed = await audited(
          db,
          { ...audit, action: "user.identity_unlinked", details: { issuer: input.issuer } },
          async (trx) =>
            Number(
              (
                await trx
                  .deleteFrom("user_identities")
                  .where("user_id", "=", user.id)
                  .where("issuer", "=", input.issuer)
                  .executeTakeFirst()
              ).numDeletedRows,
            ),
        );
        if (removed === 0) return formFailure({}, "Koblingen findes ikke længere.");
        return data({
          ok: true as const,
          message:
            "Koblingen er fjernet. Den, der næste gang logger ind med single sign-on med en bekræftet e-mailadresse lig kontoens, kobles til kontoen igen; er adressen givet videre til en anden, så ret kontoens e-mail.",
        });
      }
      case "delete-learning-data": {
        const total = await audited(
          db,
          (rows: number) => ({ ...audit, action: "user.learning_data_deleted", details: { rows } }),
          async (trx) => Object.values(await deleteLearningData(trx, user.id)).reduce((sum, count) => sum + count, 0),
        );
        return data({
          ok: true as const,
          message: `${user.name}s læringsdata er slettet (${total} ${total === 1 ? "række" : "rækker"}). Kontoen findes stadig.`,
        });
      }
    }
  } catch (error) {
    if (error instanceof EmailTakenError) return formFailure({ email: error.message }, "Intet er ændret.");
    if (error instanceof UnknownOrganisationError) {
      return formFailure({ organisationId: error.message }, "Intet er ændret.");
    }
    if (error instanceof AdminRuleError) return formFailure({}, error.message);
    throw error;
  }
}

const LABELS = { name: "Navn", email: "E-mail", role: "Rolle", organisationId: "Kommune", confirm: "Bekræft" };

export default function AdminUserPage() {
  const { me, user, identities, roles, organisations, counts, audit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const signIn = user.hasIdentity
    ? user.hasPassword
      ? "Adgangskode og single sign-on"
      : "Single sign-on"
    : user.hasPassword
      ? "Adgangskode"
      : "Har ikke logget ind endnu";
  return (
    <>
      <Breadcrumbs items={[{ to: "/admin", label: "Administration" }, { label: user.name }]} />
      <h1>{user.name}</h1>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={errors} formError={result?.formError} labels={LABELS} />
      )}
      <dl className="fact-list">
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Rolle</dt>
        <dd>{user.roleName}</dd>
        <dt>Kommune</dt>
        <dd>{user.organisation ?? "–"}</dd>
        <dt>Status</dt>
        <dd>{user.active ? "Aktiv" : "Deaktiveret"}</dd>
        <dt>Logger ind med</dt>
        <dd>{signIn}</dd>
      </dl>

      <h2>Ret oplysninger</h2>
      {/* Keyed by what is saved, so the fields show the stored values after a save. */}
      <Form method="post" noValidate key={`${user.name} ${user.email} ${user.role} ${user.organisationId}`}>
        <input type="hidden" name="intent" value="edit-user" />
        <TextField name="name" label={LABELS.name} defaultValue={user.name} required error={errors?.name} />
        <TextField
          name="email"
          label={LABELS.email}
          type="email"
          defaultValue={user.email}
          hint="Brugeren logger ind med den nye adresse fra nu af."
          required
          error={errors?.email}
        />
        <SelectField name="role" label={LABELS.role} options={roles} defaultValue={user.role} error={errors?.role} />
        <SelectField
          name="organisationId"
          label={LABELS.organisationId}
          defaultValue={user.organisationId ?? ""}
          error={errors?.organisationId}
          options={[{ value: "", label: "Ingen kommune" }, ...organisations]}
        />
        <button type="submit" className="button button-primary">
          Gem oplysninger
        </button>
      </Form>

      {user.active && !user.hasPassword && !user.hasIdentity && (
        <>
          <h2>Invitation</h2>
          <p>
            Brugeren har ikke logget ind endnu. Send en ny invitation på e-mail; den virker i 7 dage, og et ældre link
            holder op med at virke.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="send-invitation" />
            <button type="submit" className="button button-secondary">
              Send invitation til {user.email}
            </button>
          </Form>
        </>
      )}

      {identities.length > 0 && (
        <>
          <h2>Single sign-on</h2>
          <p>
            Er kontoen koblet til den forkerte person hos login-udbyderen (fx en e-mailadresse, der er givet videre), så
            fjern koblingen. Personen kan så ikke længere logge ind på kontoen med single sign-on.
          </p>
          <ul className="nobullet-list">
            {identities.map((identity) => (
              <li key={identity.issuer}>
                <Form method="post" className="admin-inline-form">
                  <input type="hidden" name="intent" value="unlink-identity" />
                  <input type="hidden" name="issuer" value={identity.issuer} />
                  <span>
                    {identity.issuer}: koblet {identity.linkedAt} via {identity.linkedBy}, senest brugt{" "}
                    {identity.lastLoginAt}
                  </span>
                  <button type="submit" className="button button-secondary">
                    Fjern koblingen<span className="sr-only"> til {identity.issuer}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Adgang</h2>
      {user.id === me ? (
        <p>Du kan ikke deaktivere dig selv.</p>
      ) : (
        <>
          <p>
            {user.active
              ? "En deaktiveret bruger kan ikke logge ind og bliver logget ud alle steder med det samme. Data og hold bliver."
              : "Brugeren er deaktiveret og kan ikke logge ind."}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="set-active" />
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            <button type="submit" className="button button-secondary">
              {user.active ? "Deaktivér brugeren" : "Aktivér brugeren"}
            </button>
          </Form>
        </>
      )}

      <h2>Alle data om brugeren</h2>
      <p>
        En JSON-fil med alt, hvad Sagslab har gemt om brugeren: kontoen, sessioner, hold, fremskridt, forsøg, svar og
        logbogens poster om brugeren. Eksporten skrives i logbogen.
      </p>
      <p>
        <a className="button button-secondary" href={`/admin/brugere/${user.id}/data.json`} download>
          Hent alle data om {user.name} (JSON)
        </a>
      </p>

      <h2>Læringsdata</h2>
      <ScrollBox label={`Tabel: læringsdata om ${user.name}`}>
        <table className="table">
          <caption>Læringsdata om {user.name}</caption>
          <thead>
            <tr>
              <th scope="col">Slags</th>
              <th scope="col">Antal</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.table}>
                <th scope="row">{row.label}</th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Form method="post">
        <input type="hidden" name="intent" value="delete-learning-data" />
        <div className="form-group">
          <input className="form-checkbox" type="checkbox" id="confirm" name="confirm" value="ja" />
          <label htmlFor="confirm">
            Jeg vil slette {user.name}s læringsdata. Det kan ikke fortrydes; kontoen og holdene bliver.
          </label>
        </div>
        <button type="submit" className="button button-primary">
          Slet læringsdata
        </button>
      </Form>

      <h2>Logbog om brugeren</h2>
      {audit.length === 0 ? (
        <p>Ingen poster.</p>
      ) : (
        <ul>
          {audit.map((entry) => (
            <li key={entry.id}>
              {entry.at}: {entry.action} ({entry.actor})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
