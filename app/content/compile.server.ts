/**
 * Compiles `content/` into the course the server plays: every MDX file once with the MDX compiler,
 * rendered to HTML on the server, its components read into definitions, and every rule of the
 * content format checked. Used by `npm run build`, `npm run content:check` and, in development,
 * by the content loader when a file changes.
 */
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ActivityContent } from "~/activities/activity-type";
import { ACTIVITY_TYPES, activityContents, isActivityType, type ActivityType } from "~/activities/registry";
import { remember } from "~/utils/remember.server";
import { frontmatterSchemaProblems, readFrontmatter } from "./frontmatter";
import { normaliseHeadings } from "./headings";
import { danishToday, formatDanishDate, isLegalCheckStale, LEGAL_CHECK_MONTHS } from "./legal-date";
import { parseWithRecovery } from "./mdx-errors";
import { errorsOf } from "./problems";
import { checkSatsReferences, outdatedSatserWarnings, parseSatser, SATSER_FILE, type SatserTable } from "./satser";
import {
  ACTIVITY_FILE_PATTERN,
  ID_PATTERN,
  MODULE_ID_PATTERN,
  activityFrontmatterSchema,
  contentComponents,
  moduleFrontmatterSchema,
  type ActivityFrontmatter,
  type ModuleFrontmatter,
} from "./format";
import { readTree, unravelParagraphs, type ComponentTable, type FileTree, type Problem } from "./mdx-tree";
import { renderCompiledMdx } from "./render.server";
import { buildChecklists, globalIds } from "./structure";
import type {
  Activity,
  BrokenActivity,
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
  /** An activity file with an error: listed for authors, its address shows the errors. */
  broken?: BrokenActivity;
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

  async compileFile(file: string, kindHint: "module" | null, moduleId = "", text?: string): Promise<CompiledFile> {
    const source = text ?? (await readFile(file, "utf8"));
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
    const brokenActivities: BrokenActivity[] = [];
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
      if (compiled.broken) brokenActivities.push(compiled.broken);
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
      brokenActivities,
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

/** A compilation with the course's satser read (every file's HTML depends on them). */
async function startCompilation(contentDir: string, rootDir: string, options: CompileOptions) {
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
  return { compilation, satser, satserFile, today };
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
  const { compilation, satser, satserFile, today } = await startCompilation(contentDir, rootDir, options);
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

/** One file checked on its own, as the editor's preview shows it before the file is saved. */
export interface CheckedFile {
  problems: ContentProblem[];
  activity: Activity | null;
  unplayableCase: UnplayableCase | null;
  /** A module.mdx's introduction. */
  introHtml: string;
}

/**
 * Checks one file's source (not yet saved) as if it stood at `contentDir/<moduleId>/<fileName>`:
 * every rule of the file itself; the rules across files (unique ids) run when it is saved.
 */
export async function checkSingleFile(
  contentDir: string,
  rootDir: string,
  moduleId: string,
  fileName: string,
  source: string,
  options: CompileOptions = {},
): Promise<CheckedFile> {
  const { compilation } = await startCompilation(contentDir, rootDir, options);
  const file = path.join(contentDir, moduleId, fileName);
  const isModule = fileName === "module.mdx";
  const compiled = await compilation.compileFile(file, isModule ? "module" : null, moduleId, source);
  return {
    problems: compilation.problems,
    activity: compiled.activity,
    unplayableCase: compiled.unplayableCase ?? null,
    introHtml: compiled.introHtml,
  };
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

/** The MDX compiler and GitHub Markdown, loaded on first use: the production server imports this module but never compiles. */
let tools: Promise<{ remarkGfm: typeof import("remark-gfm").default; createProcessor: typeof import("@mdx-js/mdx").createProcessor }> | null = null;
function mdxTools() {
  tools ??= Promise.all([import("remark-gfm"), import("@mdx-js/mdx")]).then(([gfm, mdx]) => ({
    remarkGfm: gfm.default,
    createProcessor: mdx.createProcessor,
  }));
  return tools;
}

/** The root of a file's MDX syntax tree, as `readTree` reads it. */
type MdRoot = Parameters<typeof readTree>[0];

/**
 * The type a file's body makes, for a file whose frontmatter does not say (or says wrongly): the
 * type whose own top-level component stands in it (`<Case>` → case), otherwise a lesson.
 */
function typeFromBody(format: Format, root: MdRoot): ActivityType {
  for (const node of root.children ?? []) {
    if (node.type !== "mdxJsxFlowElement" || !node.name) continue;
    const spec = Object.prototype.hasOwnProperty.call(format.components, node.name) ? format.components[node.name] : undefined;
    const owner = spec?.parents.includes("root") && spec.onlyIn?.length === 1 ? spec.onlyIn[0] : undefined;
    if (owner && isActivityType(owner)) return owner;
  }
  return "lesson";
}

/**
 * Compiles one file. Every rule runs that can: a frontmatter error does not stop the body from
 * being checked, a syntax error is repaired and the rest of the file read on (`parseWithRecovery`),
 * and a case with a broken reference still has its graph checked. Only a file without errors
 * becomes an activity (warnings are reported and stop nothing).
 */
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

  const { remarkGfm, createProcessor } = await mdxTools();

  // Frontmatter: every field that can be read, every error at its line and key.
  const read = readFrontmatter(source);
  problems.push(...read.problems);
  const schema = kindHint === "module" ? moduleFrontmatterSchema : format.activityFrontmatter;
  const checked = read.present ? schema.safeParse(read.data) : null;
  if (checked && !checked.success) {
    problems.push(...frontmatterSchemaProblems(read, checked.error, Object.keys(schema.shape)));
  }
  const frontmatter =
    checked?.success && read.problems.length === 0 ? (checked.data as ModuleFrontmatter | ActivityFrontmatter) : null;

  const declaredType = typeof read.data.type === "string" && isActivityType(read.data.type) ? read.data.type : null;
  const kindOf = (root: MdRoot): ActivityType | "module" =>
    kindHint === "module" ? "module" : (declaredType ?? typeFromBody(format, root));

  // The body is parsed once, by the MDX compiler: its tree is read and checked before it is
  // compiled to JavaScript, and the JavaScript rendered if the file has no error. The frontmatter
  // lines are blank in `read.body`, so lines stay where they are in the file. No bundler: content
  // may not import anything (the tree reader refuses import and export), so there is nothing to bundle.
  let kind: ActivityType | "module" = kindHint === "module" ? "module" : (declaredType ?? "lesson");
  let tree: FileTree = { roots: [], problems: [] };
  let headingProblems: Problem[] = [];
  let code: string | null = null;
  let bundleError: unknown = null;
  try {
    const compiler = createProcessor({
      outputFormat: "function-body",
      remarkPlugins: [
        () => (root: MdRoot) => {
          kind = kindOf(root);
          tree = readTree(root, kind, format.components);
          headingProblems = normaliseHeadings(root);
          // Reported by readTree; dropped so that the compiler is not asked to resolve an import.
          root.children = (root.children ?? []).filter((node) => node.type !== "mdxjsEsm");
        },
        remarkGfm,
      ],
    });
    code = String(await compiler.process({ value: read.body, path: file }));
  } catch (error) {
    bundleError = error;
  }
  if (bundleError !== null) {
    // A syntax error: the file is parsed again, and repaired after each error, so that every
    // syntax error is reported and the rules still run on the rest of the file.
    const processor = createProcessor({ remarkPlugins: [remarkGfm] });
    const parsed = parseWithRecovery(read.body, (body) => processor.parse(body) as unknown as MdRoot);
    problems.push(...(parsed.problems.length > 0 ? parsed.problems : mdxSyntaxProblems(bundleError)));
    if (parsed.root) {
      unravelParagraphs(parsed.root);
      kind = kindOf(parsed.root);
      tree = readTree(parsed.root, kind, format.components);
      headingProblems = normaliseHeadings(parsed.root);
    }
  }
  problems.push(...tree.problems, ...headingProblems, ...checkSatsReferences(tree.roots, satser));

  // Rendered only when the file has no error; otherwise its rules run on the tree alone.
  const rendered: Rendered | null =
    code !== null && errorsOf(problems).length === 0 ? renderCompiledMdx(code, format.components, satser) : null;

  const activityFrontmatter = kind === "module" ? null : (frontmatter as ActivityFrontmatter | null);
  const fragments = rendered?.fragments ?? new Map<number, string>();
  const checklists = buildChecklists(tree.roots, fragments, activityFrontmatter?.id ?? null, problems);
  const unplayable: { case?: UnplayableCase } = {};
  const built =
    kind === "module"
      ? null
      : buildActivity(
          format,
          activityFrontmatter ?? placeholderFrontmatter(kind),
          moduleId,
          relativeFile,
          tree,
          rendered,
          problems,
          unplayable,
        );
  // A file with an error in any part is not an activity (its case map may still show, see unplayableCase).
  const activity = activityFrontmatter && errorsOf(problems).length === 0 ? built : null;
  return {
    kind,
    frontmatter,
    activity,
    unplayableCase: activityFrontmatter ? unplayable.case : undefined,
    broken: kind === "module" || activity ? undefined : brokenActivity(read.data, kind, relativeFile),
    introHtml: rendered?.html ?? "",
    checklists,
    tree,
    problems,
  };
}

type Rendered = { html: string; fragments: Map<number, string> };

/** What the author's pages can say of a file the check refused: its id and title as far as they can be read. */
function brokenActivity(data: Record<string, unknown>, type: ActivityType, file: string): BrokenActivity {
  const name = file.slice(file.lastIndexOf("/") + 1).replace(/\.mdx$/, "");
  const id = typeof data.id === "string" && ID_PATTERN.test(data.id) ? data.id : name;
  const title = typeof data.title === "string" && data.title.trim() ? data.title.trim() : name;
  return { id, title, type, file };
}

/** Stands in for frontmatter that could not be read, so that the body's rules still run. */
const placeholderFrontmatter = (type: ActivityType): ActivityFrontmatter => ({
  id: "",
  title: "",
  type,
  estimatedMinutes: 1,
  required: true,
  legalBasis: [],
});

function buildActivity(
  format: Format,
  frontmatter: ActivityFrontmatter,
  moduleId: string,
  file: string,
  tree: FileTree,
  rendered: Rendered | null,
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
  const built = content.build({
    title: frontmatter.title,
    roots: tree.roots,
    fragments: rendered?.fragments ?? new Map(),
    html: rendered?.html ?? "",
    rendered: rendered !== null,
    problems,
  });
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
