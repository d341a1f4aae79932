import { data as reply, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import {
  checkSaved,
  checkUnsaved,
  EDITOR_OFF,
  editorEnabled,
  editorForm,
  readContentFile,
  requireContentFile,
  requireEditor,
  saveContentFile,
  sourceHash,
  type EditorCheck,
} from "~/authoring/editor.server";
import { requireUser } from "~/auth/auth.server";
import { Alert } from "~/components/alert";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { EditorPreviewPane } from "~/components/editor-preview";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldError, IntentForm } from "~/components/forms";
import { SourceEditor, type SourceEditorHandle } from "~/components/source-editor";
import { formatProblem, isWarning } from "~/content/problems";
import { accept, readSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";
import { useHydrated } from "~/utils/use-hydrated";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.enabled ? `Rediger ${data.fileName} – Forfatter – Sagslab` : "Rediger – Forfatter – Sagslab" },
];

const lineParam = z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  if (!editorEnabled()) return { enabled: false as const, message: EDITOR_OFF };
  const file = await requireContentFile(params);
  const source = await readContentFile(file);
  const url = new URL(request.url);
  return {
    enabled: true as const,
    moduleId: file.moduleId,
    fileName: file.fileName,
    relative: file.relative,
    source,
    hash: sourceHash(source),
    line: lineParam.parse(url.searchParams.get("linje") ?? undefined),
    check: await checkSaved(file),
  };
}

export const EDITOR_FORM = "editor";

/**
 * The form's reply with the check of the text it was sent (null when the form itself was refused)
 * and, after a save, the file's new version, from which the next save starts.
 */
const editorReply = (response: ReturnType<typeof refuse>, check: EditorCheck | null, savedHash: string | null = null) =>
  reply({ ...response.data, check, savedHash }, response.init ?? undefined);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, "author");
  requireEditor();
  const file = await requireContentFile(params);
  const submission = await readSubmission(request, editorForm);
  if (submission.status !== "success") return editorReply(refuse(EDITOR_FORM, submission), null);
  const { intent, source, baseHash } = submission.value;
  // The text stays in the form after every answer: it is the editor's, and CodeMirror keeps it.
  if (intent === "preview") {
    return editorReply(
      accept(EDITOR_FORM, submission, undefined, { keepValues: true }),
      await checkUnsaved(file, source),
    );
  }
  const result = await saveContentFile(file, source, baseHash);
  if (!result.saved) {
    // 200 as before: the refusal is an answer to show in the page, with the check of the unsaved text.
    return editorReply(refuse(EDITOR_FORM, submission, { form: result.error }, 200), await checkUnsaved(file, source));
  }
  const savedAt = new Date().toLocaleTimeString("da-DK", { timeZone: "Europe/Copenhagen" });
  // The check runs at once: the whole course is compiled anew with the saved file.
  return editorReply(
    accept(EDITOR_FORM, submission, `Filen er gemt kl. ${savedAt}`, { keepValues: true }),
    await checkSaved(file),
    result.hash,
  );
}

/** A preview while typing changes nothing on disk: the page's data need not be loaded again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

const PREVIEW_DELAY_MS = 700;

function EditorPage({ data }: { data: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { enabled: true }> }) {
  const actionData = useActionData<typeof action>();
  const editor = useReplyForm<z.input<typeof editorForm>>(EDITOR_FORM, actionData);
  const navigation = useNavigation();
  const previewFetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  const sourceEditor = useRef<SourceEditorHandle | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // When the last preview and the last save were asked for: the newer one's check is shown.
  const [asked, setAsked] = useState({ preview: 0, save: 0 });
  // The file's version the text in the editor started from; moves on with each save of this page.
  const [baseHash, setBaseHash] = useState(data.hash);
  const [seenAction, setSeenAction] = useState(actionData);
  if (actionData !== seenAction) {
    setSeenAction(actionData);
    if (actionData?.savedHash) setBaseHash(actionData.savedHash);
  }
  const previewCheck = asked.preview > asked.save ? previewFetcher.data?.check : null;
  // A form refused before it was checked (check null) leaves the saved file's check.
  const posted = actionData?.check ? { check: actionData.check, saved: actionData.savedHash !== null } : null;
  const check: EditorCheck = previewCheck ?? posted?.check ?? data.check;
  const checkSavedFile = !previewCheck && (posted?.saved ?? true);

  // After a save, focus goes to the notice that it is saved; a refusal's error summary takes it itself.
  useEffect(() => {
    if (actionData?.savedHash) status.current?.focus();
  }, [actionData]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (source: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setAsked((previous) => ({ ...previous, preview: Date.now() }));
      previewFetcher.submit({ intent: "preview", source, baseHash }, { method: "post" });
    }, PREVIEW_DELAY_MS);
  };
  const goToLine = (line: number) => sourceEditor.current?.goToLine(line);

  const errors = check.problems.filter((problem) => !isWarning(problem));
  const warnings = check.problems.length - errors.length;
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "save";
  // After a save, the file as it is now; after a refusal or a preview, the text that was sent.
  const kept = actionData && actionData.savedHash === null ? editor.fields.source.initialValue : undefined;
  const source = typeof kept === "string" ? kept : data.source;
  const sourceError = editor.fields.source.errors?.[0];
  const sourceErrorId = `${editor.fields.source.id}-error`;

  return (
    <>
      <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: `Rediger ${data.fileName}` }]} />
      <p className="meta">
        <code>{data.relative}</code>
      </p>
      <h1>Rediger {data.fileName}</h1>
      <div ref={status} tabIndex={-1} role="status" className="editor-status">
        {editor.message && (
          <Alert tone={errors.length === 0 ? "success" : "warning"} heading={editor.message}>
            {errors.length === 0
              ? "Indholdskontrollen fandt ingen fejl i filen."
              : `Indholdskontrollen fandt ${errors.length} fejl i filen. De står ved linjerne i editoren og i listen under den.`}
          </Alert>
        )}
      </div>
      <div className="editor-layout">
        <section className="editor-source" aria-labelledby="editor-heading">
          <h2 id="editor-heading">Kilde</h2>
          {/* Two actions, one form: the buttons send the intent (save or preview). */}
          <IntentForm
            reply={editor}
            className="editor-form"
            onSubmit={() => {
              clearTimeout(timer.current);
              setAsked((previous) => ({ ...previous, save: Date.now() }));
            }}
          >
            <input type="hidden" name="baseHash" value={baseHash} />
            <label id="editor-label" htmlFor={editor.fields.source.id} className="form-label">
              Filens indhold (MDX)
            </label>
            <p className="form-hint" id="editor-hint">
              Stavekontrollen er dansk. Tab flytter videre til knapperne. Fejl står ved deres linje i margenen og i
              listen under editoren.
            </p>
            <FieldError id={sourceErrorId} message={sourceError} />
            <SourceEditor
              key={data.relative}
              id={editor.fields.source.id}
              name="source"
              labelId="editor-label"
              describedBy={sourceError ? `editor-hint ${sourceErrorId}` : "editor-hint"}
              defaultValue={source}
              initialLine={data.line}
              diagnostics={check.problems.map((problem) => ({
                line: problem.line,
                column: problem.column,
                message: problem.message,
                severity: problem.severity,
              }))}
              onChange={onChange}
              ref={sourceEditor}
            />
            <div className="actions">
              <button type="submit" name="intent" value="save" className="button button-primary" disabled={saving}>
                {saving ? "Gemmer …" : "Gem og kontrollér"}
              </button>
              <button type="submit" name="intent" value="preview" className="button button-secondary">
                Forhåndsvis uden at gemme
              </button>
            </div>
          </IntentForm>
          <h3 id="editor-problems">
            {errors.length === 0 ? "Ingen fejl i filen" : `${errors.length} fejl i filen`}
            {warnings > 0 && ` og ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}`}
            {!checkSavedFile && <span className="meta"> (ikke gemt endnu)</span>}
          </h3>
          {check.problems.length > 0 && (
            <ul className="nobullet-list editor-problem-list" aria-labelledby="editor-problems">
              {check.problems.map((problem, index) => (
                <li key={index}>
                  <code>{formatProblem(problem)}</code>{" "}
                  {hydrated && (
                    <button type="button" className="button button-unstyled" onClick={() => goToLine(problem.line)}>
                      Gå til linje {problem.line}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="editor-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Forhåndsvisning</h2>
          <p className="meta">
            {checkSavedFile ? "Filen, som den er gemt." : "Teksten i editoren, som den vil se ud – ikke gemt endnu."}
          </p>
          <EditorPreviewPane
            preview={check.preview}
            saved={checkSavedFile}
            onGoToLine={hydrated ? goToLine : undefined}
          />
        </section>
      </div>
      <p>
        <Link to="/forfatter/ny">Lav en ny aktivitet ud fra en skabelon</Link>
      </p>
    </>
  );
}

export default function EditFilePage() {
  const data = useLoaderData<typeof loader>();
  if (!data.enabled) {
    return (
      <>
        <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: "Rediger" }]} />
        <h1>Redigering er slået fra</h1>
        <p>{data.message}</p>
      </>
    );
  }
  return <EditorPage data={data} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
