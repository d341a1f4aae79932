/**
 * The browser editor for content files (`/forfatter/rediger/<module>/<file>`), development only:
 * in production the course is compiled into the build, so editing a file would change nothing.
 * Reads and writes only `<content>/<module>/<file>.mdx` of a module folder that exists, the path
 * checked by zod and again after it is resolved; saving runs the whole content check at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { activityTypeLabel, isActivityType, type ActivityType } from "~/activities/registry";
import { checkSingleFile } from "~/content/compile.server";
import { getCourse } from "~/content/content.server";
import { ACTIVITY_FILE_PATTERN, MODULE_ID_PATTERN } from "~/content/format";
import type { Activity, CompiledCourse, ContentProblem, UnplayableCase } from "~/content/types";
import { forbidden, notFound } from "~/utils/http.server";
import { buildCaseMap } from "./case-map";
import { layoutCaseMap, type CaseLayout } from "./case-layout";
import { TEMPLATES, templateSource, type TemplateType } from "./templates";

export const editorEnabled = () => process.env.NODE_ENV === "development";

/** What the author pages say in production, where the editor is off. */
export const EDITOR_OFF =
  "Redigering i browseren er slået fra i drift: indholdet er kompileret ind i bygningen, så en ændret fil " +
  "ville ikke ændre noget. Ret filerne i content/ på din egen maskine med npm run dev, og byg kurset igen.";

/** Refuses every editor request outside development, with the reason in Danish. */
export function requireEditor() {
  if (!editorEnabled()) forbidden(EDITOR_OFF);
}

const contentDir = () => path.resolve(process.env.CONTENT_DIR ?? "content");

/** A content file's name: module.mdx or NN-navn.mdx, nothing that could leave the module folder. */
const fileParams = z.object({
  moduleId: z.string().regex(MODULE_ID_PATTERN),
  file: z.string().refine((name) => name === "module.mdx" || ACTIVITY_FILE_PATTERN.test(name)),
});

export interface ContentFile {
  moduleId: string;
  fileName: string;
  /** The absolute path. */
  full: string;
  /** As the content check names it (relative to the working folder), e.g. `content/bpa/01-intro.mdx`. */
  relative: string;
}

/** Where a module folder's file lies; null when the path would leave the content folder. */
function locate(moduleId: string, fileName: string): ContentFile | null {
  const root = contentDir();
  const full = path.resolve(root, moduleId, fileName);
  const inside = path.relative(root, full);
  if (inside.startsWith("..") || path.isAbsolute(inside) || inside.split(path.sep).length !== 2) return null;
  return { moduleId, fileName, full, relative: path.relative(process.cwd(), full).split(path.sep).join("/") };
}

const isFolder = (folder: string) =>
  stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );

/** The file a route's `moduleId` and `file` name, in a module folder that exists; 404 otherwise. */
export async function requireContentFile(params: Record<string, string | undefined>): Promise<ContentFile> {
  const parsed = fileParams.safeParse(params);
  const located = parsed.success ? locate(parsed.data.moduleId, parsed.data.file) : null;
  if (!located || !(await isFolder(path.dirname(located.full)))) {
    notFound("Filen findes ikke. Filer hedder module.mdx eller NN-navn.mdx og ligger i en modulmappe i content/.");
  }
  return located;
}

export const sourceHash = (source: string) => createHash("sha256").update(source).digest("hex").slice(0, 16);

export async function readContentFile(file: ContentFile): Promise<string> {
  return readFile(file.full, "utf8").catch(() => notFound(`Filen ${file.relative} findes ikke.`));
}

/** Writes the file whole or not at all (a half-written file would be checked as broken). */
async function writeWhole(file: string, source: string) {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  await writeFile(temporary, source, "utf8");
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** A textarea sends CRLF line endings; the files keep LF. */
const normalise = (source: string) => source.replace(/\r\n?/g, "\n");

export const editorForm = z.object({
  intent: z.enum(["save", "preview"], { error: "Ukendt handling." }),
  source: z
    .string({ error: "Filens indhold mangler." })
    .max(500_000, "Filen er for stor til editoren (over 500.000 tegn).")
    .transform(normalise),
  /** The hash of the source the author started from: saving over a change made meanwhile is refused. */
  baseHash: z.string().regex(/^[0-9a-f]{16}$/, "Formularen mangler filens udgave. Genindlæs siden."),
});

export type EditorForm = z.infer<typeof editorForm>;

export type SaveResult = { saved: true; hash: string } | { saved: false; error: string; currentHash: string };

/** Saves the source unless the file changed since the author opened it (then nothing is written). */
export async function saveContentFile(file: ContentFile, source: string, baseHash: string): Promise<SaveResult> {
  const current = await readContentFile(file);
  if (sourceHash(current) !== baseHash && current !== source) {
    return {
      saved: false,
      currentHash: sourceHash(current),
      error:
        "Filen er ændret et andet sted, siden du åbnede den, så den er ikke gemt. Kopiér dine ændringer, " +
        "genindlæs siden, og indsæt dem igen.",
    };
  }
  await writeWhole(file.full, source);
  return { saved: true, hash: sourceHash(source) };
}

// ---- The preview beside the editor.

export type EditorPreview =
  | { kind: "html"; title: string; typeLabel: string; html: string }
  | {
      kind: "case";
      title: string;
      activityId: string;
      /** Whether learners can play it (a case with graph errors is shown on its map only). */
      playable: boolean;
      maxScore: number | null;
      bestOutcomeId: string | null;
      layout: CaseLayout;
      /** Each step and outcome with its line in the file. */
      places: { id: string; kind: "step" | "outcome"; line: number }[];
    }
  | {
      kind: "quiz";
      title: string;
      introHtml: string;
      passPercent: number;
      questions: { id: string; promptHtml: string; options: { id: string; label: string; correct: boolean }[] }[];
    }
  | {
      kind: "evaluation";
      title: string;
      introHtml: string;
      items: { id: string; text: string; kind: "likert" | "text" }[];
    }
  | { kind: "none"; reason: string };

export interface EditorCheck {
  problems: ContentProblem[];
  preview: EditorPreview;
}

const NO_PREVIEW = "Der er ingen forhåndsvisning, før fejlene er rettet.";

function previewOf(
  activity: Activity | null,
  unplayable: UnplayableCase | null,
  moduleIntro: string | null,
): EditorPreview {
  if (moduleIntro !== null) {
    return moduleIntro
      ? { kind: "html", title: "Modulets introduktion", typeLabel: "Modul", html: moduleIntro }
      : { kind: "none", reason: NO_PREVIEW };
  }
  const caseOf = activity?.type === "case" ? activity : unplayable;
  if (caseOf) {
    const map = buildCaseMap(caseOf.case);
    return {
      kind: "case",
      title: caseOf.title,
      activityId: caseOf.id,
      playable: activity !== null,
      maxScore: map.maxScore,
      bestOutcomeId: map.bestOutcomeId,
      layout: layoutCaseMap(map),
      places: [
        ...caseOf.case.steps.map((step) => ({ id: step.id, kind: "step" as const, line: step.position.line })),
        ...caseOf.case.outcomes.map((o) => ({ id: o.id, kind: "outcome" as const, line: o.position.line })),
      ],
    };
  }
  if (!activity) return { kind: "none", reason: NO_PREVIEW };
  switch (activity.type) {
    case "quiz":
      return {
        kind: "quiz",
        title: activity.title,
        introHtml: activity.introHtml,
        passPercent: activity.quiz.passPercent,
        questions: activity.quiz.questions.map(({ id, promptHtml, options }) => ({ id, promptHtml, options })),
      };
    case "evaluation":
      return {
        kind: "evaluation",
        title: activity.title,
        introHtml: activity.introHtml,
        items: activity.evaluation.items.map((item) =>
          item.kind === "likert"
            ? { id: item.id, kind: "likert" as const, text: item.statement }
            : { id: item.id, kind: "text" as const, text: item.label },
        ),
      };
    default: {
      // A lesson, and any type whose page is its own HTML.
      const html = "html" in activity && typeof activity.html === "string" ? activity.html : "";
      return { kind: "html", title: activity.title, typeLabel: activityTypeLabel(activity.type), html };
    }
  }
}

/** The saved file as the whole course's check sees it: its problems (cross-file rules too) and its preview. */
export function checkedInCourse(course: CompiledCourse, file: ContentFile): EditorCheck {
  const problems = course.problems.filter((problem) => problem.file === file.relative);
  const module = course.modules.find((m) => m.id === file.moduleId);
  if (file.fileName === "module.mdx") {
    return { problems, preview: previewOf(null, null, module?.file === file.relative ? module.introHtml : "") };
  }
  const activity = module?.activities.find((a) => a.file === file.relative) ?? null;
  const unplayable = module?.unplayableCases?.find((c) => c.file === file.relative) ?? null;
  return { problems, preview: previewOf(activity, unplayable, null) };
}

/** A source not yet saved, checked on its own: what the preview shows while the author types. */
export async function checkUnsaved(file: ContentFile, source: string): Promise<EditorCheck> {
  const checked = await checkSingleFile(contentDir(), process.cwd(), file.moduleId, file.fileName, source);
  const moduleIntro = file.fileName === "module.mdx" ? checked.introHtml : null;
  return { problems: checked.problems, preview: previewOf(checked.activity, checked.unplayableCase, moduleIntro) };
}

/** The saved file checked with the whole course (the check runs at once: the course is compiled anew). */
export async function checkSaved(file: ContentFile): Promise<EditorCheck> {
  return checkedInCourse(await getCourse(), file);
}

// ---- A new activity from a template.

const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const newActivityForm = z.object({
  moduleId: z.string({ error: "Vælg et modul." }).regex(MODULE_ID_PATTERN, "Vælg et modul."),
  type: z
    .string({ error: "Vælg en type." })
    .refine((type): type is TemplateType => Object.hasOwn(TEMPLATES, type), "Vælg en type fra listen."),
  name: z
    .string({ error: "Skriv et navn til filen." })
    .trim()
    .min(1, "Skriv et navn til filen.")
    .max(60, "Navnet må højst være 60 tegn.")
    .regex(NAME_PATTERN, "Navnet må kun have små bogstaver a-z, tal og bindestreg, f.eks. klage-over-afslag."),
  title: z
    .string({ error: "Skriv en titel." })
    .trim()
    .min(1, "Skriv en titel.")
    .max(120, "Titlen må højst være 120 tegn.")
    .refine((title) => !/[\r\n]/.test(title), "Titlen skal stå på én linje."),
});

export type NewActivity = z.output<typeof newActivityForm>;

export type NewActivityResult =
  { created: true; file: ContentFile } | { created: false; errors: Partial<Record<keyof NewActivity, string>> };

/** The next free number in a module folder: 01-…, 02-…, one more than the highest. */
async function nextNumber(folder: string): Promise<string> {
  const numbers = (await readdir(folder))
    .map((name) => ACTIVITY_FILE_PATTERN.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return String(Math.max(0, ...numbers) + 1).padStart(2, "0");
}

/**
 * Creates `NN-<name>.mdx` from the type's template (the form read with `newActivityForm`); the id
 * is `<module>-<name>` and must be new in the course.
 */
export async function createActivity({ moduleId, type, name, title }: NewActivity): Promise<NewActivityResult> {
  const folder = path.join(contentDir(), moduleId);
  if (!(await isFolder(folder))) {
    return { created: false, errors: { moduleId: "Modulet findes ikke i content/." } };
  }
  const id = `${moduleId}-${name}`;
  const course = await getCourse();
  const taken = course.modules.some(
    (m) =>
      m.activities.some((a) => a.id === id) ||
      (m.unplayableCases ?? []).some((c) => c.id === id) ||
      (m.brokenActivities ?? []).some((b) => b.id === id),
  );
  const existing = await readdir(folder);
  if (taken || existing.some((file) => file.replace(/^\d{2}-/, "") === `${name}.mdx`)) {
    return {
      created: false,
      errors: { name: `Id'et "${id}" eller filen "…-${name}.mdx" findes allerede. Vælg et andet navn.` },
    };
  }
  const located = locate(moduleId, `${await nextNumber(folder)}-${name}.mdx`);
  if (!located) return { created: false, errors: { name: "Navnet kan ikke bruges som filnavn." } };
  // "wx": never over an existing file, also if two authors create one at the same moment.
  await writeFile(located.full, templateSource(type, { id, title }), { encoding: "utf8", flag: "wx" });
  return { created: true, file: located };
}

/** The types a new activity can be made as, in the registry's order. */
export const templateTypes = (): { value: TemplateType; label: string }[] =>
  (Object.keys(TEMPLATES) as TemplateType[]).map((type) => ({
    value: type,
    label: isActivityType(type) ? activityTypeLabel(type as ActivityType) : type,
  }));
