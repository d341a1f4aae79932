/**
 * The MDX source of a content file in a code editor: a plain textarea in the form (which is all a
 * browser without JavaScript gets, and what the form posts), turned into CodeMirror 6 in the
 * browser with Markdown and JSX highlighting, line numbers, the browser's Danish spell-check, and
 * the content check's problems in the gutter at their lines. Tab is left to move focus, so the
 * editor never traps a keyboard user (the Escape-Tab of CodeMirror is not needed).
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import type { EditorView } from "@codemirror/view";

export interface EditorDiagnostic {
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning";
}

export interface SourceEditorHandle {
  /** Puts the cursor at the start of a line, scrolls it into view and focuses the editor. */
  goToLine(line: number): void;
}

type Props = {
  id: string;
  name: string;
  labelId: string;
  describedBy?: string;
  defaultValue: string;
  diagnostics: EditorDiagnostic[];
  /** The line to open at (the case map links to a step's line). */
  initialLine?: number;
  onChange?: (source: string) => void;
};

export const SourceEditor = forwardRef<SourceEditorHandle, Props>(function SourceEditor(
  { id, name, labelId, describedBy, defaultValue, diagnostics, initialLine, onChange },
  handle,
) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const setDiagnostics = useRef<((diagnostics: EditorDiagnostic[]) => void) | null>(null);
  // What the long-lived editor calls back with: the latest props, kept after each render.
  const latest = useRef({ onChange, diagnostics });
  useEffect(() => {
    latest.current = { onChange, diagnostics };
  });

  useEffect(() => {
    let cancelled = false;
    const area = textarea.current;
    void (async () => {
      const [{ basicSetup }, { EditorView }, { EditorState }, { markdown }, lint, language, { tags }] =
        await Promise.all([
          import("codemirror"),
          import("@codemirror/view"),
          import("@codemirror/state"),
          import("@codemirror/lang-markdown"),
          import("@codemirror/lint"),
          import("@codemirror/language"),
          import("@lezer/highlight"),
        ]);
      // Colours with at least 7:1 contrast on white and on the active line's tint (the default style's do not all reach 4.5:1).
      const highlight = language.HighlightStyle.define([
        { tag: tags.heading, fontWeight: "700", color: "#000" },
        { tag: tags.strong, fontWeight: "700" },
        { tag: tags.emphasis, fontStyle: "italic" },
        { tag: [tags.link, tags.url], color: "#1a4480", textDecoration: "underline" },
        { tag: [tags.tagName, tags.angleBracket], color: "#6b1d5e" },
        { tag: tags.attributeName, color: "#5c3b00" },
        { tag: [tags.attributeValue, tags.string], color: "#1d5c1d" },
        { tag: [tags.comment, tags.meta, tags.processingInstruction, tags.contentSeparator], color: "#3d3d3d" },
        { tag: [tags.list, tags.quote, tags.monospace], color: "#2b2b2b" },
      ]);
      if (cancelled || !area || !host.current) return;
      const created = new EditorView({
        parent: host.current,
        state: EditorState.create({
          doc: area.value,
          extensions: [
            // CodeMirror writes its styles into <style> elements; the page's CSP admits them by its nonce.
            EditorView.cspNonce.of(document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? ""),
            basicSetup,
            language.syntaxHighlighting(highlight),
            markdown(),
            lint.lintGutter(),
            EditorView.lineWrapping,
            EditorView.contentAttributes.of({
              spellcheck: "true",
              lang: "da",
              autocorrect: "off",
              "aria-labelledby": labelId,
              ...(describedBy ? { "aria-describedby": describedBy } : {}),
            }),
            EditorView.updateListener.of((update) => {
              if (!update.docChanged) return;
              const source = update.state.doc.toString();
              area.value = source; // the form posts the textarea
              latest.current.onChange?.(source);
            }),
          ],
        }),
      });
      view.current = created;
      setDiagnostics.current = (list) => {
        const doc = created.state.doc;
        const marks = list.map((problem) => {
          const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines));
          const from = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
          return { from, to: Math.max(from, line.to), severity: problem.severity, message: problem.message };
        });
        created.dispatch(lint.setDiagnostics(created.state, marks));
      };
      setDiagnostics.current(latest.current.diagnostics);
      area.hidden = true;
      if (initialLine) goToLine(created, initialLine, false);
    })();
    return () => {
      cancelled = true;
      view.current?.destroy();
      view.current = null;
      if (area) area.hidden = false;
    };
    // The editor is made once; the props it reads later are read through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    setDiagnostics.current?.(diagnostics);
  }, [diagnostics]);

  useImperativeHandle(handle, () => ({
    goToLine(line) {
      if (view.current) goToLine(view.current, line, true);
      else textarea.current?.focus();
    },
  }));

  return (
    <div className="source-editor">
      <textarea
        ref={textarea}
        id={id}
        name={name}
        className="form-input source-textarea"
        defaultValue={defaultValue}
        spellCheck
        lang="da"
        rows={30}
        aria-labelledby={labelId}
        aria-describedby={describedBy}
      />
      <div ref={host} className="source-codemirror" />
    </div>
  );
});

function goToLine(view: EditorView, line: number, focus: boolean) {
  const doc = view.state.doc;
  const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
  view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
  if (focus) view.focus();
}
