import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { deleteLearningDataSchema, editUserFormSchema } from "~/admin/admin.server";
import { listOrganisationsWithCounts, userPageActionSchema } from "~/admin/admin.server";
import { AUDIT_ACTION_LABELS, audited, listAuditLog, recordAudit } from "~/admin/audit.server";
import { UserFields } from "~/admin/components/user-fields";
import { requireUser } from "~/auth/auth.server";
import { ALL_ROLES, ROLES } from "~/auth/roles";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldError, IntentForm } from "~/components/forms";
import { ButtonForm, PageReply, usePageReply } from "~/components/reply-forms";
import { ScrollBox } from "~/components/scroll-box";
import { getDb, inTransaction } from "~/db/database.server";
import { rowFormId, submittedFormId } from "~/forms/form-ids";
import { accept, readSubmission, refuse, refuseInvalid } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";
import { deleteLearningData, LEARNING_TABLES, TABLES } from "~/privacy/user-data.server";
import { inviteExistingAccount } from "~/users/invitations.server";
import {
  AdminRuleError,
  EmailTakenError,
  findUserSummary,
  setActive,
  UnknownOrganisationError,
  updateUser,
} from "~/users/users.server";
import { formatDateTime } from "~/utils/danish";
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
  const user = await findUserSummary(db, parsed.data);
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

/** The forms that stand once per sign-in link, by the field that says which link. */
const ROW_KEYS = { "unlink-identity": "issuer" };
/** What the page's forms send hidden: a message about one of them is its form's. */
const HIDDEN_FIELDS = ["intent", "issuer", "active"];
const EDIT_USER_FORM = "edit-user";
const DELETE_LEARNING_DATA_FORM = "delete-learning-data";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const { db, user } = await requireSubject(params);
  const submission = await readSubmission(request, userPageActionSchema);
  const formId = submittedFormId(submission.payload, ROW_KEYS, "user");
  if (submission.status !== "success") {
    return refuseInvalid(formId, submission, { hidden: HIDDEN_FIELDS, form: "Intet er ændret." });
  }
  const input = submission.value;
  const refusal = (form: string, status = 400) => refuse(formId, submission, { form }, status);
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
        if (changed.length === 0) return accept(formId, submission, "Der var intet at ændre.");
        const list = changed.map((field) => FIELD_NAMES[field]!);
        const words = list.length > 1 ? `${list.slice(0, -1).join(", ")} og ${list.at(-1)}` : list[0]!;
        return accept(formId, submission, `Brugerens ${words} er gemt.`);
      }
      case "set-active":
        await audited(db, { ...audit, action: input.active ? "user.reactivated" : "user.deactivated" }, (trx) =>
          setActive(trx, { actorId: admin.id, userId: user.id, active: input.active }),
        );
        return accept(
          formId,
          submission,
          input.active ? "Brugeren er aktiveret igen." : "Brugeren er deaktiveret og logget ud alle steder.",
        );
      case "send-invitation": {
        if (!user.active) return refusal("Brugeren er deaktiveret. Aktivér brugeren, før du sender en invitation.");
        if (user.hasPassword || user.hasIdentity) {
          return refusal(
            "Brugeren kan allerede logge ind. Har brugeren glemt sin adgangskode, så brug „Glemt adgangskode?“ på login-siden.",
          );
        }
        const sent = await inviteExistingAccount(db, user.id, admin.id);
        await recordAudit(db, { ...audit, action: "user.invited", details: { sent } });
        return sent
          ? accept(
              formId,
              submission,
              `Invitationen er sendt til ${user.email}. Linket virker i 7 dage; et ældre link virker ikke længere.`,
            )
          : refusal("Invitationen kunne ikke sendes: mailserveren svarede ikke. Prøv igen om lidt.", 503);
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
        if (removed === 0) return refusal("Koblingen findes ikke længere.");
        return accept(
          formId,
          submission,
          "Koblingen er fjernet. Den, der næste gang logger ind med single sign-on med en bekræftet e-mailadresse lig kontoens, kobles til kontoen igen; er adressen givet videre til en anden, så ret kontoens e-mail.",
        );
      }
      case "delete-learning-data": {
        const total = await audited(
          db,
          (rows: number) => ({ ...audit, action: "user.learning_data_deleted", details: { rows } }),
          async (trx) => Object.values(await deleteLearningData(trx, user.id)).reduce((sum, count) => sum + count, 0),
        );
        return accept(
          formId,
          submission,
          `${user.name}s læringsdata er slettet (${total} ${total === 1 ? "række" : "rækker"}). Kontoen findes stadig.`,
        );
      }
    }
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return refuse(formId, submission, { fields: { email: error.message }, form: "Intet er ændret." });
    }
    if (error instanceof UnknownOrganisationError) {
      return refuse(formId, submission, { fields: { organisationId: error.message }, form: "Intet er ændret." });
    }
    if (error instanceof AdminRuleError) return refusal(error.message);
    throw error;
  }
}

type Option = { value: string; label: string };

function EditUserForm({
  user,
  roles,
  organisations,
}: {
  user: { name: string; email: string; role: string; organisationId: string | null };
  roles: Option[];
  organisations: Option[];
}) {
  const edit = useReplyForm<z.input<typeof editUserFormSchema>>(EDIT_USER_FORM, usePageReply(), {
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId ?? "",
  });
  return (
    <IntentForm reply={edit} intent={EDIT_USER_FORM}>
      <UserFields
        fields={edit.fields}
        roles={roles}
        organisations={organisations}
        emailHint="Brugeren logger ind med den nye adresse fra nu af."
      />
      <button type="submit" className="button button-primary">
        Gem oplysninger
      </button>
    </IntentForm>
  );
}

function DeleteLearningDataForm({ name }: { name: string }) {
  const remove = useReplyForm<z.input<typeof deleteLearningDataSchema>>(DELETE_LEARNING_DATA_FORM, usePageReply());
  const { confirm } = remove.fields;
  const error = confirm.errors?.[0];
  return (
    <IntentForm reply={remove} intent={DELETE_LEARNING_DATA_FORM} key={remove.form.key}>
      <div className={`form-group${error ? " form-error" : ""}`}>
        <FieldError id={`${confirm.id}-error`} message={error} />
        <input
          className="form-checkbox"
          type="checkbox"
          id={confirm.id}
          name={confirm.name}
          value="ja"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${confirm.id}-error` : undefined}
        />
        <label htmlFor={confirm.id}>
          Jeg vil slette {name}s læringsdata. Det kan ikke fortrydes; kontoen og holdene bliver.
        </label>
      </div>
      <button type="submit" className="button button-primary">
        Slet læringsdata
      </button>
    </IntentForm>
  );
}

export default function AdminUserPage() {
  const { me, user, identities, roles, organisations, counts, audit } = useLoaderData<typeof loader>();
  const signIn = user.hasIdentity
    ? user.hasPassword
      ? "Adgangskode og single sign-on"
      : "Single sign-on"
    : user.hasPassword
      ? "Adgangskode"
      : "Har ikke logget ind endnu";
  const invitable = user.active && !user.hasPassword && !user.hasIdentity;
  const forms = [
    EDIT_USER_FORM,
    DELETE_LEARNING_DATA_FORM,
    ...(invitable ? ["send-invitation"] : []),
    ...(user.id === me ? [] : ["set-active"]),
    ...identities.map((identity) => rowFormId("unlink-identity", identity.issuer)),
  ];
  return (
    <>
      <Breadcrumbs items={[{ to: "/admin", label: "Administration" }, { label: user.name }]} />
      <h1>{user.name}</h1>
      <PageReply forms={forms} />
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
      <EditUserForm
        key={`${user.name} ${user.email} ${user.role} ${user.organisationId}`}
        user={user}
        roles={roles}
        organisations={organisations}
      />

      {invitable && (
        <>
          <h2>Invitation</h2>
          <p>
            Brugeren har ikke logget ind endnu. Send en ny invitation på e-mail; den virker i 7 dage, og et ældre link
            holder op med at virke.
          </p>
          <ButtonForm formId="send-invitation" intent="send-invitation">
            Send invitation til {user.email}
          </ButtonForm>
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
                <ButtonForm
                  formId={rowFormId("unlink-identity", identity.issuer)}
                  intent="unlink-identity"
                  values={{ issuer: identity.issuer }}
                  className="admin-inline-form"
                  before={
                    <span>
                      {identity.issuer}: koblet {identity.linkedAt} via {identity.linkedBy}, senest brugt{" "}
                      {identity.lastLoginAt}
                    </span>
                  }
                >
                  Fjern koblingen<span className="sr-only"> til {identity.issuer}</span>
                </ButtonForm>
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
          <ButtonForm formId="set-active" intent="set-active" values={{ active: user.active ? "false" : "true" }}>
            {user.active ? "Deaktivér brugeren" : "Aktivér brugeren"}
          </ButtonForm>
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
      <DeleteLearningDataForm name={user.name} />

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
