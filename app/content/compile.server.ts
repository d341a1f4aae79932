/**
 * Compiles `content/` into the course the server plays: every MDX file once with mdx-bundler,
 * rendered to HTML on the server, its components read into definitions, and every rule of the
 * content format checked. Used by `npm run build`, `npm run content:check` and, in development,
 * by the content loader when a file changes.
 */
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { ActivityContent } from "~/activities/activity-type";
import { ACTIVITY_TYPES, activityContents, type ActivityType } from "~/activities/registry";
import { remember } from "~/utils/remember.server";
import { danishToday, formatDanishDate, isLegalCheckStale, LEGAL_CHECK_MONTHS } from "./legal-date";
import { checkSatsReferences, outdatedSatserWarnings, parseSatser, SATSER_FILE, type SatserTable } from "./satser";
import {
  ACTIVITY_FILE_PATTERN,
  MODULE_ID_PATTERN,
  activityFrontmatterSchema,
  contentComponents,
  moduleFrontmatterSchema,
  type ActivityFrontmatter,
  type ModuleFrontmatter,
} from "./format";
import { readTree, type ComponentTable, type FileTree, type Problem } from "./mdx-tree";
import { renderCompiledMdx } from "./render.server";
import { buildChecklists, globalIds } from "./structure";
import type {
  Activity,
  ChecklistDefinition,
  CompiledCourse,
  ContentProblem,
  CourseModule,
  UnplayableCase,
} from "./types";
import { CONTENT_FORMAT_VERSION } from "./version";

/** What the compiler knows of the activity types: their builders and the components of all. */
interface Format {
  contents: Map<ActivityType, ActivityContent<Activity>>;
  components: ComponentTable;
  activityFrontmatter: ReturnType<typeof activityFrontmatterSchema<ActivityType>>;
}

let format: Promise<Format> | null = null;
function contentFormat(): Promise<Format> {
  format ??= activityContents().then((contents) => ({
    contents,
    components: contentComponents([...contents].map(([type, content]) => [type, content.components])),
    activityFrontmatter: activityFrontmatterSchema(ACTIVITY_TYPES),
  }));
  return format;
}

interface CompiledFile {
  kind: ActivityType | "module";
  frontmatter: ModuleFrontmatter | ActivityFrontmatter | null;
  activity: Activity | null;
  /** A case whose graph breaks a rule: not playable, but the author's map shows where it breaks. */
  unplayableCase?: UnplayableCase;
  introHtml: string;
  checklists: ChecklistDefinition[];
  tree: FileTree;
  problems: Problem[];
}

/** Per-file results by content hash, so that development recompiles only what changed. */
const fileCache = remember("compileCache", () => new Map<string, CompiledFile>());

/** The state of one compilation of the whole course. */
class Compilation {
  readonly problems: ContentProblem[] = [];
  readonly componentIds: { file: string; kind: string; id: string; position: { line: number; column: number } }[] = [];
  readonly frontmatterLines = new Map<string, Map<string, number>>();

  constructor(
    readonly rootDir: string,
    readonly format: Format,
    /** The amounts `<Sats>` renders, and a hash of satser.yml: a file's HTML depends on both. */
    readonly satser: { table: SatserTable; hash: string },
    /** Today's date in Denmark (YYYY-MM-DD), for the warnings about outdated content. */
    readonly today: string,
  ) {}

  relative(file: string) {
    return path.relative(this.rootDir, file).split(path.sep).join("/");
  }

  report(file: string, problems: Problem[]) {
    this.problems.push(
      ...problems.map((problem) => ({ file: this.relative(file), ...problem, severity: problem.severity ?? "error" })),
    );
  }

  async compileFile(file: string, kindHint: "module" | null, moduleId = ""): Promise<CompiledFile> {
    const source = await readFile(file, "utf8");
    const relativeFile = this.relative(file);
    const hash = createHash("sha256")
      .update(`${CONTENT_FORMAT_VERSION}\0${this.satser.hash}\0${moduleId}\0${relativeFile}\0${source}`)
      .digest("hex");
    let compiled = fileCache.get(hash);
    if (!compiled) {
      compiled = await compileSource(this.format, source, file, relativeFile, kindHint, moduleId, this.satser.table);
      fileCache.set(hash, compiled);
    }
    this.report(file, compiled.problems);
    this.frontmatterLines.set(relativeFile, keyLines(source));
    for (const { kind, id, position } of globalIds(compiled.tree.roots, this.format.components)) {
      this.componentIds.push({ file: relativeFile, kind, id, position });
    }
    return compiled;
  }

  async compileModule(moduleId: string, moduleDir: string): Promise<CourseModule | null> {
    const moduleFile = path.join(moduleDir, "module.mdx");
    const exists = await stat(moduleFile).then(() => true, () => false);
    if (!exists) {
      this.report(moduleDir, [{ line: 1, column: 1, message: `Modulet "${moduleId}" mangler filen module.mdx med titel, resumé og introduktion.` }]);
      return null;
    }
    const moduleCompiled = await this.compileFile(moduleFile, "module");
    const activities: Activity[] = [];
    const unplayableCases: UnplayableCase[] = [];
    const checklists: ChecklistDefinition[] = [...moduleCompiled.checklists];
    const files = (await readdir(moduleDir)).filter((name) => name.endsWith(".mdx") && name !== "module.mdx").sort();
    for (const name of files) {
      const file = path.join(moduleDir, name);
      if (!ACTIVITY_FILE_PATTERN.test(name)) {
        this.report(file, [{ line: 1, column: 1, message: `Filnavnet "${name}" skal have formen NN-navn.mdx, f.eks. 01-sagsoplysning.mdx (to cifre, bindestreg, små bogstaver).` }]);
        continue;
      }
      const compiled = await this.compileFile(file, null, moduleId);
      if (compiled.activity) activities.push(compiled.activity);
      if (compiled.unplayableCase) unplayableCases.push(compiled.unplayableCase);
      checklists.push(...compiled.checklists);
    }
    const frontmatter = moduleCompiled.frontmatter as ModuleFrontmatter | null;
    if (!frontmatter) return null;
    if (isLegalCheckStale(frontmatter.legalAsOf, this.today)) {
      const line = this.frontmatterLines.get(this.relative(moduleFile))?.get("legalAsOf") ?? 1;
      this.report(moduleFile, [
        {
          line,
          column: 1,
          severity: "warning",
          message:
            `Retsgrundlaget er kontrolleret pr. ${formatDanishDate(frontmatter.legalAsOf)} (legalAsOf), mere end ` +
            `${LEGAL_CHECK_MONTHS} måneder siden. Gennemgå modulets juridiske udsagn, og ret legalAsOf til datoen for gennemgangen.`,
        },
      ]);
    }
    return {
      id: moduleId,
      title: frontmatter.title,
      summary: frontmatter.summary,
      order: frontmatter.order,
      legalBasis: frontmatter.legalBasis,
      estimatedMinutes: frontmatter.estimatedMinutes,
      legalAsOf: frontmatter.legalAsOf,
      draft: frontmatter.draft,
      introHtml: moduleCompiled.introHtml,
      file: this.relative(moduleFile),
      activities,
      unplayableCases,
      checklists,
    };
  }

  /** Activity ids, and quiz, evaluation and checklist ids, are unique across the whole course. */
  checkUniqueIds(modules: CourseModule[]) {
    const seen = new Map<string, string>();
    for (const activity of modules.flatMap((m) => m.activities)) {
      const first = seen.get(activity.id);
      if (first) {
        this.problems.push({
          file: activity.file,
          line: this.frontmatterLines.get(activity.file)?.get("id") ?? 1,
          column: 1,
          severity: "error",
          message: `Aktivitets-id'et "${activity.id}" er allerede brugt i ${first}. Id'er skal være unikke i hele kurset.`,
        });
      } else {
        seen.set(activity.id, activity.file);
      }
    }
    const seenComponentIds = new Map<string, string>();
    for (const { file, kind, id, position } of this.componentIds) {
      const key = `${kind}:${id}`;
      const first = seenComponentIds.get(key);
      if (first) {
        this.problems.push({ file, ...position, severity: "error", message: `Id'et "${id}" (${kind}) er allerede brugt i ${first}. Id'er skal være unikke i hele kurset.` });
      } else {
        seenComponentIds.set(key, file);
      }
    }
  }
}

export interface CompileOptions {
  /** The moment the warnings about outdated satser and legal checks are judged at (tests fix it). */
  now?: Date;
}

/**
 * Compiles every module under `contentDir`: the entry point of the build, the check and the
 * development loader. Problems name files relative to `rootDir` (the project root).
 */
export async function compileContent(
  contentDir: string,
  rootDir = process.cwd(),
  options: CompileOptions = {},
): Promise<CompiledCourse> {
  const today = danishToday(options.now ?? new Date());
  const satserFile = path.join(contentDir, SATSER_FILE);
  const satserText = await readFile(satserFile, "utf8").catch(() => null);
  const satser = parseSatser(satserText);
  const compilation = new Compilation(
    rootDir,
    await contentFormat(),
    { table: satser.table, hash: createHash("sha256").update(satserText ?? "").digest("hex") },
    today,
  );
  compilation.report(satserFile, [...satser.problems, ...outdatedSatserWarnings(satser.table, Number(today.slice(0, 4)))]);
  const modules: CourseModule[] = [];
  const entries = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
    const moduleDir = path.join(contentDir, entry.name);
    if (!MODULE_ID_PATTERN.test(entry.name)) {
      compilation.report(moduleDir, [{ line: 1, column: 1, message: `Mappenavnet "${entry.name}" er modulets id og må kun indeholde små bogstaver (a-z), tal og bindestreg.` }]);
      continue;
    }
    const compiledModule = await compilation.compileModule(entry.name, moduleDir);
    if (compiledModule) modules.push(compiledModule);
  }
  compilation.checkUniqueIds(modules);
  modules.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const problems = compilation.problems.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  return { formatVersion: CONTENT_FORMAT_VERSION, compiledAt: new Date().toISOString(), modules, problems };
}

/** The line of each top-level key in a file's frontmatter, for messages about it. */
function keyLines(source: string): Map<string, number> {
  const lines = new Map<string, number>();
  const all = source.split(/\r?\n/);
  if (all[0]?.trim() !== "---") return lines;
  for (let index = 1; index < all.length && all[index]!.trim() !== "---"; index++) {
    const key = /^([A-Za-z][\w-]*)\s*:/.exec(all[index]!)?.[1];
    if (key && !lines.has(key)) lines.set(key, index + 1);
  }
  return lines;
}

function frontmatterProblems(source: string, error: z.ZodError, data: Record<string, unknown>): Problem[] {
  const lines = keyLines(source);
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "");
    const missing = key !== "" && !(key in data);
    return {
      line: lines.get(key) ?? 1,
      column: 1,
      message: missing ? `Feltet ${key} mangler i frontmatter.` : issue.message,
    };
  });
}

async function compileSource(
  format: Format,
  source: string,
  file: string,
  relativeFile: string,
  kindHint: "module" | null,
  moduleId: string,
  satser: SatserTable,
): Promise<CompiledFile> {
  const problems: Problem[] = [];
  const empty: CompiledFile = {
    kind: kindHint ?? "lesson",
    frontmatter: null,
    activity: null,
    introHtml: "",
    checklists: [],
    tree: { roots: [], problems: [] },
    problems,
  };

  // Loaded on first use: the production server imports this module but never compiles.
  const [{ default: matter }, { bundleMDX }, { default: remarkGfm }] = await Promise.all([
    import("gray-matter"),
    import("mdx-bundler"),
    import("remark-gfm"),
  ]);

  let data: Record<string, unknown>;
  try {
    const parsed = matter(source);
    data = parsed.data;
    if (!source.startsWith("---")) {
      problems.push({ line: 1, column: 1, message: "Filen skal begynde med frontmatter mellem to linjer med ---." });
      return empty;
    }
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    problems.push({
      line: (mark?.line ?? 0) + 2,
      column: (mark?.column ?? 0) + 1,
      message: `Frontmatter kan ikke læses (YAML): ${(error as { reason?: string }).reason ?? String(error)}`,
    });
    return empty;
  }

  let frontmatter: ModuleFrontmatter | ActivityFrontmatter;
  let kind: ActivityType | "module";
  if (kindHint === "module") {
    const result = moduleFrontmatterSchema.safeParse(data);
    if (!result.success) {
      problems.push(...frontmatterProblems(source, result.error, data));
      return empty;
    }
    frontmatter = result.data;
    kind = "module";
  } else {
    const result = format.activityFrontmatter.safeParse(data);
    if (!result.success) {
      problems.push(...frontmatterProblems(source, result.error, data));
      return empty;
    }
    frontmatter = result.data;
    kind = result.data.type;
  }

  const tree: FileTree = { roots: [], problems: [] };
  let code: string;
  try {
    const bundled = await bundleMDX({
      source,
      cwd: path.dirname(path.resolve(file)),
      esbuildOptions(options) {
        // Problems are reported by the check, with file and line; esbuild should not print them too.
        options.logLevel = "silent";
        return options;
      },
      mdxOptions(options) {
        // The tree is read before mdx-bundler's own plugins add their generated `export`s.
        options.remarkPlugins = [
          () => (root: Parameters<typeof readTree>[0]) => {
            Object.assign(tree, readTree(root, kind, format.components));
          },
          remarkGfm,
          ...(options.remarkPlugins ?? []),
        ];
        return options;
      },
    });
    code = bundled.code;
  } catch (error) {
    problems.push(...mdxSyntaxProblems(error));
    return { ...empty, kind, frontmatter, tree };
  }
  problems.push(...tree.problems, ...checkSatsReferences(tree.roots, satser));
  if (problems.length > 0) return { ...empty, kind, frontmatter, tree };

  const rendered = renderCompiledMdx(code, format.components, satser);
  const activityFrontmatter = kind === "module" ? null : (frontmatter as ActivityFrontmatter);
  const checklists = buildChecklists(tree.roots, rendered.fragments, activityFrontmatter?.id ?? null, problems);
  let activity: Activity | null = null;
  const unplayable: { case?: UnplayableCase } = {};
  if (activityFrontmatter) {
    activity = buildActivity(format, activityFrontmatter, moduleId, relativeFile, tree, rendered, problems, unplayable);
  }
  return { kind, frontmatter, activity, unplayableCase: unplayable.case, introHtml: rendered.html, checklists, tree, problems };
}

function buildActivity(
  format: Format,
  frontmatter: ActivityFrontmatter,
  moduleId: string,
  file: string,
  tree: FileTree,
  rendered: { html: string; fragments: Map<number, string> },
  problems: Problem[],
  unplayable: { case?: UnplayableCase },
): Activity | null {
  const base = {
    id: frontmatter.id,
    moduleId,
    title: frontmatter.title,
    estimatedMinutes: frontmatter.estimatedMinutes,
    required: frontmatter.required,
    legalBasis: frontmatter.legalBasis,
    file,
  };
  const content = format.contents.get(frontmatter.type as ActivityType)!;
  const built = content.build({ roots: tree.roots, fragments: rendered.fragments, html: rendered.html, problems });
  if (!built) return null;
  if ("unplayableCase" in built) {
    unplayable.case = { ...base, case: built.unplayableCase };
    return null;
  }
  return { ...base, ...built.activity, version: versionOf(withoutPositions(built.versionOf)) } as Activity;
}

/** Positions change when an author adds a line above; that alone is not a new version. */
function withoutPositions(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner) => (key === "position" ? undefined : inner)));
}

function versionOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

/** The MDX parser's common messages, in words an author understands. */
const SYNTAX_HINTS: [RegExp, string][] = [
  [/Unexpected closing tag `<\/(\w+)>`, expected corresponding closing tag for `<(\w+)>`/, "Afsluttende </$1>, men <$2> er ikke lukket endnu. Luk <$2> med </$2> først."],
  [/Expected a closing tag for `<(\w+)>`/, "Mangler et afsluttende </$1>."],
  [/Unexpected closing tag `<\/(\w+)>`/, "Afsluttende </$1> uden et tilsvarende <$1>."],
  [/Unexpected character .* before name/, "Tegnet < starter et komponent-tag. Skriv „mindre end“ i stedet for <, eller ret tagget."],
  [/Could not parse expression/, "Krøllede parenteser { } kan ikke bruges i teksten."],
  [/Unexpected end of file/, "Filen slutter midt i et tag eller et udtryk."],
];

function mdxSyntaxProblems(error: unknown): Problem[] {
  const failures = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors;
  const list = failures?.length ? failures : [{ text: String((error as Error).message ?? error), location: null }];
  return list.map((failure) => {
    // The MDX parser appends its own 1-based position: "… (10:1-10:21)".
    const own = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(failure.text);
    const text = own ? failure.text.slice(0, own.index) : failure.text;
    const hint = SYNTAX_HINTS.find(([pattern]) => pattern.test(text));
    const message = hint ? (hint[1].includes("$") ? text.match(hint[0])![0].replace(hint[0], hint[1]) : hint[1]) : text;
    const line = own ? Number(own[1]) : (failure.location?.line ?? 1);
    const column = own ? Number(own[2]) : (failure.location?.column ?? 0) + 1;
    return { line, column, message: `MDX kan ikke læses: ${message}` };
  });
}
