import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
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
  parseEditorForm,
  readContentFile,
  requireContentFile,
  requireEditor,
  saveContentFile,
  sourceHash,
  type EditorCheck,
} from "~/authoring/editor.server";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { EditorPreviewPane } from "~/components/editor-preview";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SourceEditor, type SourceEditorHandle } from "~/components/source-editor";
import { formatProblem, isWarning } from "~/content/problems";
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

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, "author");
  requireEditor();
  const file = await requireContentFile(params);
  const { intent, source, baseHash } = parseEditorForm(await request.formData());
  if (intent === "preview") {
    return { intent, source, saved: false, check: await checkUnsaved(file, source), error: null, hash: null };
  }
  const result = await saveContentFile(file, source, baseHash);
  if (!result.saved) {
    return { intent, source, saved: false, check: await checkUnsaved(file, source), error: result.error, hash: null };
  }
  // The check runs at once: the whole course is compiled anew with the saved file.
  return {
    intent,
    source,
    saved: true,
    check: await checkSaved(file),
    error: null,
    hash: result.hash,
    savedAt: new Date().toLocaleTimeString("da-DK", { timeZone: "Europe/Copenhagen" }),
  };
}

/** A preview while typing changes nothing on disk: the page's data need not be loaded again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

const PREVIEW_DELAY_MS = 700;

function EditorPage({ data }: { data: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { enabled: true }> }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const previewFetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  const editor = useRef<SourceEditorHandle | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // When the last preview and the last save were asked for: the newer one's check is shown.
  const [asked, setAsked] = useState({ preview: 0, save: 0 });
  // The file's version the text in the editor started from; moves on with each save of this page.
  const [baseHash, setBaseHash] = useState(data.hash);
  const [seenAction, setSeenAction] = useState(actionData);
  if (actionData !== seenAction) {
    setSeenAction(actionData);
    if (actionData?.saved && actionData.hash) setBaseHash(actionData.hash);
  }
  const previewNewer = previewFetcher.data !== undefined && asked.preview > asked.save;
  const shown = previewNewer ? previewFetcher.data! : (actionData ?? { check: data.check, saved: true });
  const check: EditorCheck = shown.check;
  const checkSavedFile = !previewNewer && shown.saved;

  useEffect(() => {
    if (actionData?.intent === "save") status.current?.focus();
  }, [actionData]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (source: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setAsked((previous) => ({ ...previous, preview: Date.now() }));
      previewFetcher.submit({ intent: "preview", source, baseHash }, { method: "post" });
    }, PREVIEW_DELAY_MS);
  };
  const goToLine = (line: number) => editor.current?.goToLine(line);

  const errors = check.problems.filter((problem) => !isWarning(problem));
  const warnings = check.problems.length - errors.length;
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "save";
  const source = actionData && !actionData.saved ? actionData.source : data.source;

  return (
    <>
      <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: `Rediger ${data.fileName}` }]} />
      <p className="meta">
        <code>{data.relative}</code>
      </p>
      <h1>Rediger {data.fileName}</h1>
      <div ref={status} tabIndex={-1} role="status" className="editor-status">
        {actionData?.intent === "save" && actionData.saved && (
          <div className={`alert ${errors.length === 0 ? "alert-success" : "alert-warning"}`}>
            <div className="alert-body">
              <p className="alert-heading">Filen er gemt kl. {actionData.savedAt}</p>
              <p className="alert-text">
                {errors.length === 0
                  ? "Indholdskontrollen fandt ingen fejl i filen."
                  : `Indholdskontrollen fandt ${errors.length} fejl i filen. De står ved linjerne i editoren og i listen under den.`}
              </p>
            </div>
          </div>
        )}
        {actionData?.error && (
          <div className="alert alert-error">
            <div className="alert-body">
              <p className="alert-heading">Filen er ikke gemt</p>
              <p className="alert-text">{actionData.error}</p>
            </div>
          </div>
        )}
      </div>
      <div className="editor-layout">
        <section className="editor-source" aria-labelledby="editor-heading">
          <h2 id="editor-heading">Kilde</h2>
          <Form
            method="post"
            className="editor-form"
            onSubmit={() => {
              clearTimeout(timer.current);
              setAsked((previous) => ({ ...previous, save: Date.now() }));
            }}
          >
            <input type="hidden" name="baseHash" value={baseHash} />
            <label id="editor-label" htmlFor="source" className="form-label">
              Filens indhold (MDX)
            </label>
            <p className="form-hint" id="editor-hint">
              Stavekontrollen er dansk. Tab flytter videre til knapperne. Fejl står ved deres linje i margenen og i
              listen under editoren.
            </p>
            <SourceEditor
              key={data.relative}
              id="source"
              name="source"
              labelId="editor-label"
              describedBy="editor-hint"
              defaultValue={source}
              initialLine={data.line}
              diagnostics={check.problems.map((problem) => ({
                line: problem.line,
                column: problem.column,
                message: problem.message,
                severity: problem.severity,
              }))}
              onChange={onChange}
              ref={editor}
            />
            <div className="actions">
              <button type="submit" name="intent" value="save" className="button button-primary" disabled={saving}>
                {saving ? "Gemmer …" : "Gem og kontrollér"}
              </button>
              <button type="submit" name="intent" value="preview" className="button button-secondary">
                Forhåndsvis uden at gemme
              </button>
            </div>
          </Form>
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
