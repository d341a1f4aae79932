import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AUDIT_ACTION_LABELS, audited, listAuditLog } from "~/admin/audit.server";
import { requireUser } from "~/auth/auth.server";
import { ROLES } from "~/auth/roles";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { ErrorSummary, SuccessMessage } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { deleteLearningData, LEARNING_TABLES, TABLES } from "~/privacy/user-data.server";
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
      "organisations.name as organisation",
    ])
    .where("users.id", "=", parsed.data)
    .executeTakeFirst();
  if (!user) notFound("Brugeren findes ikke.");
  return { db, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const { db, user } = await requireSubject(params);
  const counts = [];
  for (const table of LEARNING_TABLES) {
    const classification = TABLES[table];
    const rows = classification.personal ? await classification.rows(db, user.id) : [];
    counts.push({ table, label: LEARNING_LABELS[table] ?? table, count: rows.length });
  }
  const { entries } = await listAuditLog(db, { subjectUserId: user.id });
  return {
    user: { ...user, role: ROLES[user.role] },
    counts,
    audit: entries.slice(0, 20).map((entry) => ({
      id: entry.id,
      at: formatDateTime(entry.at),
      actor: entry.actorName ?? "Sagslab (automatisk)",
      action: AUDIT_ACTION_LABELS[entry.action],
    })),
  };
}

const deleteSchema = z.object({
  intent: z.literal("delete-learning-data", { error: "Ukendt handling." }),
  confirm: z.literal("ja", { error: "Sæt flueben for at bekræfte, at læringsdataene skal slettes." }),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const { db, user } = await requireSubject(params);
  const parsed = await parseForm(request, deleteSchema);
  if (!parsed.ok) return formFailure(parsed.errors, "Intet er slettet.");
  const total = await audited(
    db,
    (rows: number) => ({
      actor: admin,
      action: "user.learning_data_deleted",
      subjectUserId: user.id,
      details: { rows },
      clientAddress: context.clientAddress,
    }),
    async (trx) => Object.values(await deleteLearningData(trx, user.id)).reduce((sum, count) => sum + count, 0),
  );
  return data({
    ok: true as const,
    message: `${user.name}s læringsdata er slettet (${total} ${total === 1 ? "række" : "rækker"}). Kontoen findes stadig.`,
  });
}

export default function AdminUserPage() {
  const { user, counts, audit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <>
      <Breadcrumbs items={[{ to: "/admin", label: "Administration" }, { label: user.name }]} />
      <h1>{user.name}</h1>
      <dl className="fact-list">
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Rolle</dt>
        <dd>{user.role}</dd>
        <dt>Kommune</dt>
        <dd>{user.organisation ?? "–"}</dd>
        <dt>Status</dt>
        <dd>{user.active ? "Aktiv" : "Deaktiveret"}</dd>
      </dl>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={errors} formError={result?.formError} labels={{ confirm: "Bekræft" }} />
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
      <ScrollBox label={`Læringsdata om ${user.name}`}>
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
