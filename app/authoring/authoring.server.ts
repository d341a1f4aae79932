/**
 * What the author pages load: the whole course (drafts included) with the content check's
 * problems beside each module and activity, and one case or quiz by its activity id. The
 * problems are the ones `compileContent` found, the same code as `npm run content:check`: in
 * development the course is compiled from `content/` on each change, in production it is the
 * build's (which has none, because the build refuses a course with problems).
 */
import { z } from "zod";
import { getCourse } from "~/content/content.server";
import type { BegrundelseDefinition } from "~/activities/begrundelse/content";
import type { CaseDefinition } from "~/activities/case/content";
import type { QuizDefinition } from "~/activities/quiz/content";
import { activityTypeLabel, type ActivityType } from "~/activities/registry";
import { ID_PATTERN } from "~/content/format";
import { errorsOf, warningsOf } from "~/content/problems";
import type { Activity, CompiledCourse, ContentProblem, CourseModule, UnplayableCase } from "~/content/types";
import { notFound } from "~/utils/http.server";

export interface OverviewActivity {
  /** Empty for a file that did not compile far enough to have one. */
  id: string;
  title: string;
  /** null: the file did not compile (its errors say why). */
  type: ActivityType | null;
  typeLabel: string;
  estimatedMinutes: number | null;
  legalBasis: string[];
  file: string;
  /** A case whose graph breaks a rule: shown on the map, never to learners. */
  playable: boolean;
  /** Errors in the file. */
  problemCount: number;
  warningCount: number;
}

export interface OverviewModule {
  id: string;
  title: string;
  draft: boolean;
  estimatedMinutes: number;
  legalBasis: string[];
  legalAsOf: string;
  file: string;
  activities: OverviewActivity[];
  /** Errors in the module's files. */
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

export interface AuthorOverview {
  compiledAt: string;
  modules: OverviewModule[];
  /** Errors in files that belong to no module that compiled (e.g. a module.mdx that cannot be read, satser.yml). */
  otherProblems: ContentProblem[];
  otherWarnings: ContentProblem[];
  /** Errors in the whole course; warnings are counted apart, as they stop nothing. */
  problemCount: number;
  warningCount: number;
}

const folderOf = (file: string) => file.slice(0, file.lastIndexOf("/") + 1);

export function authorOverview(course: CompiledCourse): AuthorOverview {
  const claimed = new Set<ContentProblem>();
  const modules = course.modules.map((module): OverviewModule => {
    const all = course.problems.filter((problem) => problem.file.startsWith(folderOf(module.file)));
    all.forEach((problem) => claimed.add(problem));
    const problems = errorsOf(all);
    const warnings = warningsOf(all);
    const countIn = (file: string) => problems.filter((problem) => problem.file === file).length;
    const warningsIn = (file: string) => warnings.filter((problem) => problem.file === file).length;
    const compiled: OverviewActivity[] = [
      ...module.activities.map((activity) => ({ ...activity, playable: true })),
      ...(module.unplayableCases ?? []).map((unplayable) => ({
        ...unplayable,
        type: "case" as const,
        playable: false,
      })),
    ].map((activity) => ({
      id: activity.id,
      title: activity.title,
      type: activity.type,
      typeLabel: activityTypeLabel(activity.type),
      estimatedMinutes: activity.estimatedMinutes,
      legalBasis: activity.legalBasis,
      file: activity.file,
      playable: activity.playable,
      problemCount: countIn(activity.file),
      warningCount: warningsIn(activity.file),
    }));
    // A file that did not compile at all (bad frontmatter, an unknown step …) still gets its row.
    const listed = new Set([module.file, ...compiled.map((activity) => activity.file)]);
    const broken = [...new Set(all.map((problem) => problem.file))]
      .filter((file) => !listed.has(file))
      .map((file): OverviewActivity => ({
        id: "",
        title: file.slice(file.lastIndexOf("/") + 1),
        type: null,
        typeLabel: "Kan ikke kompileres",
        estimatedMinutes: null,
        legalBasis: [],
        file,
        playable: false,
        problemCount: countIn(file),
        warningCount: warningsIn(file),
      }));
    const activities = [...compiled, ...broken].sort((a, b) => a.file.localeCompare(b.file));
    return {
      id: module.id,
      title: module.title,
      draft: module.draft,
      estimatedMinutes: module.estimatedMinutes,
      legalBasis: module.legalBasis,
      legalAsOf: module.legalAsOf,
      file: module.file,
      activities,
      problems,
      warnings,
    };
  });
  const unclaimed = course.problems.filter((problem) => !claimed.has(problem));
  return {
    compiledAt: course.compiledAt,
    modules,
    otherProblems: errorsOf(unclaimed),
    otherWarnings: warningsOf(unclaimed),
    problemCount: errorsOf(course.problems).length,
    warningCount: warningsOf(course.problems).length,
  };
}

const activityParams = z.object({
  activityId: z.string({ error: "Aktivitetens id mangler." }).regex(ID_PATTERN, "Aktivitetens id har ugyldige tegn."),
});

type ModuleRef = Pick<CourseModule, "id" | "title" | "draft">;

/**
 * The activity named by the route's `activityId`, in any module (drafts included), also a case
 * that only the author's map can show; 404 if there is none.
 */
async function requireAuthorActivity(params: Record<string, string | undefined>) {
  const parsed = activityParams.safeParse(params);
  if (!parsed.success) notFound("Aktiviteten findes ikke.");
  const course = await getCourse();
  for (const module of course.modules) {
    const activity: Activity | UnplayableCase | undefined =
      module.activities.find((a) => a.id === parsed.data.activityId) ??
      module.unplayableCases?.find((c) => c.id === parsed.data.activityId);
    if (activity) {
      const problems = course.problems.filter((problem) => problem.file === activity.file);
      return {
        module: { id: module.id, title: module.title, draft: module.draft } satisfies ModuleRef,
        activity,
        problems,
      };
    }
  }
  return null;
}

export interface AuthorCase {
  module: ModuleRef;
  id: string;
  title: string;
  file: string;
  playable: boolean;
  definition: CaseDefinition;
  /** The content check's problems in the case's file. */
  problems: ContentProblem[];
}

/** A case of any module, drafts included, also one whose graph breaks a rule. 404 if none. */
export async function requireAuthorCase(params: Record<string, string | undefined>): Promise<AuthorCase> {
  const found = await requireAuthorActivity(params);
  const activity = found?.activity;
  if (!found || !activity || !("case" in activity)) {
    notFound("Der er ingen case med dette id. Hvis filen har fejl, står de på forfattersiden.");
  }
  return {
    module: found.module,
    id: activity.id,
    title: activity.title,
    file: activity.file,
    playable: "type" in activity,
    definition: activity.case,
    problems: found.problems,
  };
}

export interface AuthorQuiz {
  module: ModuleRef;
  id: string;
  title: string;
  file: string;
  introHtml: string;
  quiz: QuizDefinition;
}

export async function requireAuthorQuiz(params: Record<string, string | undefined>): Promise<AuthorQuiz> {
  const found = await requireAuthorActivity(params);
  const activity = found?.activity;
  if (!found || !activity || !("type" in activity) || activity.type !== "quiz") {
    notFound("Der er ingen quiz med dette id. Hvis filen har fejl, står de på forfattersiden.");
  }
  const { id, title, file, introHtml, quiz } = activity;
  return { module: found.module, id, title, file, introHtml, quiz };
}

export interface AuthorBegrundelse {
  module: ModuleRef;
  id: string;
  title: string;
  file: string;
  introHtml: string;
  begrundelse: BegrundelseDefinition;
}

/** A begrundelse with its criteria and model answer, for its author (authors and administrators only). */
export async function requireAuthorBegrundelse(params: Record<string, string | undefined>): Promise<AuthorBegrundelse> {
  const found = await requireAuthorActivity(params);
  const activity = found?.activity;
  if (!found || !activity || !("type" in activity) || activity.type !== "begrundelse") {
    notFound("Der er ingen begrundelse med dette id. Hvis filen har fejl, står de på forfattersiden.");
  }
  const { id, title, file, introHtml, begrundelse } = activity;
  return { module: found.module, id, title, file, introHtml, begrundelse };
}
