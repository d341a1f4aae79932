import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { recordAudit } from "~/admin/audit.server";
import { requireUser } from "~/auth/auth.server";
import { ROLES } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { ErrorSummary, SuccessMessage } from "~/components/forms";
import { getDb } from "~/db/database.server";
import trainerStyles from "~/styles/trainer.css";
import type { ImportPlan } from "~/users/import";
import { commitImport, previewImport } from "~/users/import.server";
import { sendInvitationMail } from "~/users/invitations.server";
import { MailNotSentError } from "~/mail/mail.server";
import { formFailure, parseFormData } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction = () => [{ title: "Importér brugere – Sagslab" }];

/** An upload larger than this is not a list of users. */
const MAX_FILE_BYTES = 512 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return null;
}

const importSchema = z.object({
  text: z
    .string()
    .min(1)
    .max(MAX_FILE_BYTES * 2),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  invite: z.literal("on").optional(),
});

type Preview = { plan: ImportPlan; text: string; fingerprint: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const db = await getDb();
  // The one form posted as multipart (server/body.js lets it through unparsed): a broken body is
  // the uploader's problem, told in Danish, never a 500.
  const form = await request.formData().catch(() => null);
  if (!form) return formFailure({ file: "Filen kunne ikke modtages. Vælg den igen, og prøv igen." });
  if (form.get("intent") === "preview") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return formFailure({ file: "Vælg en CSV-fil." });
    if (file.size > MAX_FILE_BYTES) return formFailure({ file: "Filen er for stor (højst 512 kB)." });
    const preview = await previewImport(db, new Uint8Array(await file.arrayBuffer()));
    if (!preview.ok) return formFailure({ file: preview.error });
    return data({ ok: true as const, stage: "preview" as const, preview: preview satisfies Preview });
  }
  const parsed = parseFormData(form, importSchema);
  if (!parsed.ok) return formFailure({}, "Upload filen igen: forhåndsvisningen mangler.");
  const result = await commitImport(db, {
    text: parsed.data.text,
    fingerprint: parsed.data.fingerprint,
    invite: parsed.data.invite === "on",
    invitedBy: admin.id,
  });
  if (!result.ok) {
    if (!result.preview.ok) return formFailure({ file: result.message });
    return data({ ok: false as const, stage: "preview" as const, preview: result.preview, formError: result.message });
  }
  await recordAudit(db, {
    actor: admin,
    action: "users.imported",
    details: { created: result.created.length, joined: result.joined, invitations: result.invitations.length },
    clientAddress: context.clientAddress,
  });
  // The mails go after the transaction: an account is never lost because a mail server hiccupped.
  let notSent = 0;
  for (const invitation of result.invitations) {
    try {
      await sendInvitationMail(db, invitation.id, invitation.token);
    } catch (error) {
      if (!(error instanceof MailNotSentError)) throw error;
      notSent += 1;
    }
  }
  const parts = [
    `${result.created.length} ${result.created.length === 1 ? "bruger er oprettet" : "brugere er oprettet"}`,
  ];
  if (result.joined > 0) parts.push(`${result.joined} tilmeldt et hold`);
  if (result.invitations.length > 0) {
    parts.push(`${result.invitations.length - notSent} invitationer sendt`);
    if (notSent > 0)
      parts.push(`${notSent} invitationer kunne ikke sendes (send dem igen fra brugernes sider under Administration)`);
  }
  return data({ ok: true as const, stage: "done" as const, message: `Importen er gennemført: ${parts.join(", ")}.` });
}

const STATUS_TEXT = { create: "Oprettes", exists: "Findes allerede", error: "Fejl" };

function PreviewTable({ plan }: { plan: ImportPlan }) {
  return (
    <ScrollBox label="Tabel: forhåndsvisning">
      <table className="table">
        <caption>Forhåndsvisning: hvad importen vil gøre, række for række</caption>
        <thead>
          <tr>
            <th scope="col">Linje</th>
            <th scope="col">Navn og e-mail</th>
            <th scope="col">Rolle og kommune</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <th scope="row">
                {row.name || "–"}
                <br />
                {row.email || "–"}
              </th>
              <td>
                {row.status === "create"
                  ? `${ROLES[row.role]}, ${row.organisationName}`
                  : `${row.role || "–"}, ${row.organisation || "–"}`}
              </td>
              <td>
                <strong>{STATUS_TEXT[row.status]}</strong>
                {row.status === "exists" && <> ({row.existingName}; ændres ikke)</>}
                {row.status !== "error" && row.cohort && <>, tilmeldes holdet „{row.cohort.name}“</>}
                {row.status === "error" && (
                  <ul className="nobullet-list">
                    {row.errors.map((error) => (
                      <li key={error}>{error}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export default function ImportPage() {
  const result = useActionData<typeof action>();
  const preview = result && "preview" in result ? result.preview : null;
  const errors = result && !result.ok && "errors" in result ? result.errors : undefined;
  return (
    <>
      <h1>Importér brugere</h1>
      {result?.ok && result.stage === "done" ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary
          errors={errors}
          formError={result && !result.ok ? result.formError : undefined}
          labels={{ file: "CSV-fil" }}
        />
      )}
      <p>
        Upload et regneark gemt som CSV fra Excel („CSV UTF-8“ eller „CSV (semikolonsepareret)“). Første linje er
        overskrifterne <strong>navn</strong>, <strong>e-mail</strong>, <strong>rolle</strong> (sagsbehandler,
        underviser, forfatter eller administrator; tom er sagsbehandler), <strong>kommune</strong> og eventuelt{" "}
        <strong>hold</strong> (holdets tilmeldingskode). Du ser først, hvad der vil ske; intet gemmes, før du vælger
        „Importér“.
      </p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="preview" />
        <div className={`form-group${errors?.file ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="file">
            CSV-fil
          </label>
          {errors?.file && (
            <span className="form-error-message" id="file-error">
              <span className="sr-only">Fejl: </span>
              {errors.file}
            </span>
          )}
          <input
            className="form-input"
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={errors?.file ? true : undefined}
            aria-describedby={errors?.file ? "file-error" : undefined}
          />
        </div>
        <button type="submit" className="button button-secondary">
          Vis hvad der vil ske
        </button>
      </Form>
      {preview && (
        <>
          <h2>Forhåndsvisning</h2>
          <p>
            {preview.plan.counts.create} oprettes, {preview.plan.counts.exists} findes allerede,{" "}
            {preview.plan.counts.error} {preview.plan.counts.error === 1 ? "række har" : "rækker har"} fejl.
          </p>
          <PreviewTable plan={preview.plan} />
          {preview.plan.counts.error > 0 ? (
            <p>Ret fejlene i regnearket, gem det som CSV igen, og upload det. Intet er gemt.</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="text" value={preview.text} />
              <input type="hidden" name="fingerprint" value={preview.fingerprint} />
              <div className="form-group">
                <input className="form-checkbox" type="checkbox" id="invite" name="invite" defaultChecked />
                <label htmlFor="invite">Send en invitation til hver ny bruger (gyldig i 7 dage)</label>
              </div>
              <button type="submit" className="button button-primary">
                Importér {preview.plan.counts.create} {preview.plan.counts.create === 1 ? "bruger" : "brugere"}
              </button>
            </Form>
          )}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
