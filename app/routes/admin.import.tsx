import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { recordAudit } from "~/admin/audit.server";
import { requireUser } from "~/auth/auth.server";
import { ROLES } from "~/auth/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { fieldProps, IntentForm, TextField } from "~/components/forms";
import { PageReply } from "~/components/reply-forms";
import { getDb } from "~/db/database.server";
import type { FormReply } from "~/forms/reply";
import { accept, parseSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";
import trainerStyles from "~/styles/trainer.css";
import type { ImportPlan } from "~/users/import";
import { commitImport, previewImport } from "~/users/import.server";
import { sendInvitationMail } from "~/users/invitations.server";
import { MailNotSentError } from "~/mail/mail.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction = () => [{ title: "Importér brugere – Sagslab" }];

/** An upload larger than this is not a list of users. */
const MAX_FILE_BYTES = 512 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return null;
}

/** The upload form: it shows what the import will do, and writes nothing. */
const PREVIEW_FORM = "preview";
/** The form under the preview that imports the previewed file. */
const IMPORT_FORM = "import";

const previewSchema = z.object({
  intent: z.literal(PREVIEW_FORM),
  file: z
    .instanceof(File, { error: "Vælg en CSV-fil." })
    .refine((file) => file.size > 0, "Vælg en CSV-fil.")
    .refine((file) => file.size <= MAX_FILE_BYTES, "Filen er for stor (højst 512 kB)."),
});

const importSchema = z.object({
  intent: z.literal(IMPORT_FORM),
  text: z
    .string()
    .min(1)
    .max(MAX_FILE_BYTES * 2),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  invite: z.literal("on").optional(),
});

type Preview = { plan: ImportPlan; text: string; fingerprint: string };

type ImportReply = FormReply & { preview?: Preview };

/** A reply with the preview the page shows under the upload form. */
const withPreview = ({ data: reply, init }: ReturnType<typeof accept>, preview: Preview) =>
  data<ImportReply>({ ...reply, preview }, init ?? undefined);

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const db = await getDb();
  // The one form posted as multipart (server/body.js lets it through unparsed): a broken body is
  // the uploader's problem, told in Danish, never a 500.
  const form = await request.formData().catch(() => null);
  if (!form) {
    return refuse(PREVIEW_FORM, null, { fields: { file: "Filen kunne ikke modtages. Vælg den igen, og prøv igen." } });
  }
  if (form.get("intent") === PREVIEW_FORM) {
    const submission = parseSubmission(form, previewSchema);
    if (submission.status !== "success") return refuse(PREVIEW_FORM, submission);
    const preview = await previewImport(db, new Uint8Array(await submission.value.file.arrayBuffer()));
    if (!preview.ok) return refuse(PREVIEW_FORM, submission, { fields: { file: preview.error } });
    return withPreview(accept(PREVIEW_FORM, submission), preview);
  }
  const submission = parseSubmission(form, importSchema);
  if (submission.status !== "success") {
    return refuse(PREVIEW_FORM, null, { form: "Upload filen igen: forhåndsvisningen mangler." });
  }
  const result = await commitImport(db, {
    text: submission.value.text,
    fingerprint: submission.value.fingerprint,
    invite: submission.value.invite === "on",
    invitedBy: admin.id,
  });
  if (!result.ok) {
    if (!result.preview.ok) return refuse(PREVIEW_FORM, null, { fields: { file: result.message } });
    // A file with errors has no import form under its preview: the upload form says what to do.
    const formId = result.preview.plan.counts.error > 0 ? PREVIEW_FORM : IMPORT_FORM;
    // The new preview is the answer (200, as the first one), with why nothing was imported.
    return withPreview(refuse(formId, null, { form: result.message }, 200), result.preview);
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
  return accept(IMPORT_FORM, submission, `Importen er gennemført: ${parts.join(", ")}.`);
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
  // Every answer is a FormReply; a preview's (and a refused import's) carries the preview too.
  const result = useActionData<typeof action>() as ImportReply | undefined;
  const preview = result?.preview ?? null;
  const upload = useReplyForm<z.input<typeof previewSchema>>(PREVIEW_FORM, result);
  const importing = useReplyForm<z.input<typeof importSchema>>(IMPORT_FORM, result);
  const importable = preview !== null && preview.plan.counts.error === 0;
  return (
    <>
      <h1>Importér brugere</h1>
      <PageReply forms={importable ? [PREVIEW_FORM, IMPORT_FORM] : [PREVIEW_FORM]} />
      <p>
        Upload et regneark gemt som CSV fra Excel („CSV UTF-8“ eller „CSV (semikolonsepareret)“). Første linje er
        overskrifterne <strong>navn</strong>, <strong>e-mail</strong>, <strong>rolle</strong> (sagsbehandler,
        underviser, forfatter eller administrator; tom er sagsbehandler), <strong>kommune</strong> og eventuelt{" "}
        <strong>hold</strong> (holdets tilmeldingskode). Du ser først, hvad der vil ske; intet gemmes, før du vælger
        „Importér“.
      </p>
      <IntentForm reply={upload} intent={PREVIEW_FORM} encType="multipart/form-data">
        <TextField {...fieldProps(upload.fields.file)} label="CSV-fil" type="file" accept=".csv,text/csv" />
        <button type="submit" className="button button-secondary">
          Vis hvad der vil ske
        </button>
      </IntentForm>
      {preview && (
        <>
          <h2>Forhåndsvisning</h2>
          <p>
            {preview.plan.counts.create} oprettes, {preview.plan.counts.exists} findes allerede,{" "}
            {preview.plan.counts.error} {preview.plan.counts.error === 1 ? "række har" : "rækker har"} fejl.
          </p>
          <PreviewTable plan={preview.plan} />
          {importable ? (
            <IntentForm reply={importing} intent={IMPORT_FORM}>
              <input type="hidden" name="text" value={preview.text} />
              <input type="hidden" name="fingerprint" value={preview.fingerprint} />
              <div className="form-group">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={importing.fields.invite.id}
                  name="invite"
                  defaultChecked
                />
                <label htmlFor={importing.fields.invite.id}>
                  Send en invitation til hver ny bruger (gyldig i 7 dage)
                </label>
              </div>
              <button type="submit" className="button button-primary">
                Importér {preview.plan.counts.create} {preview.plan.counts.create === 1 ? "bruger" : "brugere"}
              </button>
            </IntentForm>
          ) : (
            <p>Ret fejlene i regnearket, gem det som CSV igen, og upload det. Intet er gemt.</p>
          )}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
