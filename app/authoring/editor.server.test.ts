/**
 * The editor's file handling on a temporary content folder (never content/): only module.mdx and
 * NN-navn.mdx in a module folder that exists, a save over a change made meanwhile refused with
 * nothing written, CRLF kept out, a new activity numbered, named and never over an existing file.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { MODULE_MDX } from "../../tests/content-helpers";
import { replyMessages } from "~/forms/reply";
import { parseSubmission, refuse } from "~/forms/submission.server";
import {
  checkUnsaved,
  createActivity,
  editorForm,
  newActivityForm,
  readContentFile,
  requireContentFile,
  saveContentFile,
  sourceHash,
} from "./editor.server";

let root: string;
const previous = process.env.CONTENT_DIR;
const LESSON = "---\nid: test-lektion\ntitle: Lektion\ntype: lesson\nestimatedMinutes: 5\n---\n\nTekst.\n";

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "sagslab-editor-unit-"));
  mkdirSync(path.join(root, "test"));
  writeFileSync(path.join(root, "test", "module.mdx"), MODULE_MDX);
  writeFileSync(path.join(root, "test", "01-lektion.mdx"), LESSON);
  writeFileSync(path.join(root, "test", "03-senere.mdx"), LESSON.replace("test-lektion", "test-senere"));
  process.env.CONTENT_DIR = root;
});
afterAll(() => {
  process.env.CONTENT_DIR = previous;
  rmSync(root, { recursive: true, force: true });
});

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof Response ? error.status : 500),
  );

test("only a module folder's module.mdx or NN-navn.mdx can be opened", async () => {
  expect(await status(requireContentFile({ moduleId: "test", file: "01-lektion.mdx" }))).toBe(200);
  expect(await status(requireContentFile({ moduleId: "test", file: "module.mdx" }))).toBe(200);
  for (const params of [
    { moduleId: "test", file: "../../etc/passwd" },
    { moduleId: "test", file: "..%2Fx.mdx" },
    { moduleId: "..", file: "module.mdx" },
    { moduleId: "test", file: "01-lektion.md" },
    { moduleId: "test", file: "1-lektion.mdx" },
    { moduleId: "findes-ikke", file: "module.mdx" },
    { moduleId: "test" },
  ]) {
    expect(await status(requireContentFile(params)), JSON.stringify(params)).toBe(404);
  }
});

test("a save from the version the author opened writes the file with LF line endings", async () => {
  const file = await requireContentFile({ moduleId: "test", file: "01-lektion.mdx" });
  const form = new FormData();
  form.set("intent", "save");
  form.set("source", LESSON.replace("Tekst.", "Ny tekst.").replace(/\n/g, "\r\n"));
  form.set("baseHash", sourceHash(LESSON));
  const submission = parseSubmission(form, editorForm);
  if (submission.status !== "success") throw new Error("The form was refused.");
  const { source, baseHash } = submission.value;
  expect(await saveContentFile(file, source, baseHash)).toEqual({ saved: true, hash: sourceHash(source) });
  expect(readFileSync(file.full, "utf8")).toBe(LESSON.replace("Tekst.", "Ny tekst."));
  // No temporary file is left beside it.
  expect(readdirSync(path.dirname(file.full)).sort()).toEqual(["01-lektion.mdx", "03-senere.mdx", "module.mdx"]);
});

test("a save over a change made elsewhere meanwhile is refused and writes nothing", async () => {
  const file = await requireContentFile({ moduleId: "test", file: "01-lektion.mdx" });
  const opened = await readContentFile(file);
  writeFileSync(file.full, opened.replace("Ny tekst.", "Rettet et andet sted."));
  const result = await saveContentFile(file, opened.replace("Ny tekst.", "Min tekst."), sourceHash(opened));
  expect(result).toMatchObject({ saved: false, error: expect.stringMatching(/^Filen er ændret et andet sted/) });
  expect(readFileSync(file.full, "utf8")).toContain("Rettet et andet sted.");
});

test("a bad form is a Danish 400", () => {
  const form = new FormData();
  form.set("intent", "slet");
  form.set("source", "x");
  form.set("baseHash", "0000000000000000");
  const submission = parseSubmission(form, editorForm);
  expect(submission.status).toBe("error");
  // As the editor's action answers it.
  const refused = refuse("editor", submission);
  expect(refused.init?.status).toBe(400);
  expect(replyMessages(refused.data).errors).toEqual({ intent: "Ukendt handling." });
});

test("the unsaved text is checked on its own: its problems at their lines", async () => {
  const file = await requireContentFile({ moduleId: "test", file: "01-lektion.mdx" });
  const checked = await checkUnsaved(file, LESSON.replace("Tekst.", "<Callut>Tekst.</Callut>"));
  expect(checked.problems.map((p) => [p.line, p.message])).toEqual([
    [8, "Ukendt komponent <Callut>. Mente du <Callout>?"],
  ]);
  expect(checked.preview).toEqual({ kind: "none", reason: "Der er ingen forhåndsvisning, før fejlene er rettet." });
  const sound = await checkUnsaved(file, LESSON);
  expect(sound.preview).toMatchObject({ kind: "html", title: "Lektion", html: "<p>Tekst.</p>" });
});

test("a new activity gets the next number, the id <module>-<name>, and never replaces a file", async () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return parseSubmission(data, newActivityForm);
  };
  /** The form as the page's action reads it, and the activity made from it when the form is sound. */
  const createActivityFrom = async (fields: Record<string, string>) => {
    const submission = form(fields);
    return submission.status === "success"
      ? createActivity(submission.value)
      : { created: false, errors: replyMessages(refuse("new-activity", submission).data).errors };
  };
  const created = await createActivityFrom({ moduleId: "test", type: "quiz", name: "ny-quiz", title: "Quiz: ny" });
  expect(created).toMatchObject({ created: true, file: { fileName: "04-ny-quiz.mdx" } });
  expect(readFileSync(path.join(root, "test", "04-ny-quiz.mdx"), "utf8")).toMatch(
    /^---\nid: test-ny-quiz\ntitle: "Quiz: ny"\ntype: quiz\n/,
  );
  expect(await createActivityFrom({ moduleId: "test", type: "quiz", name: "ny-quiz", title: "Igen" })).toMatchObject({
    created: false,
    errors: { name: expect.stringMatching(/findes allerede/) },
  });
  expect(await createActivityFrom({ moduleId: "test", type: "video", name: "Ny Quiz", title: "" })).toEqual({
    created: false,
    errors: {
      type: "Vælg en type fra listen.",
      name: "Navnet må kun have små bogstaver a-z, tal og bindestreg, f.eks. klage-over-afslag.",
      title: "Skriv en titel.",
    },
  });
  expect(await createActivityFrom({ moduleId: "findes-ikke", type: "lesson", name: "x", title: "X" })).toEqual({
    created: false,
    errors: { moduleId: "Modulet findes ikke i content/." },
  });
});
