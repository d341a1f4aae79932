/**
 * The compiled course: what the build extracts from `content/` and the server reads.
 * Everything here is plain JSON. HTML fields are fragments rendered at build time; answer keys
 * (`points`, `correct`, `requires`, targets) live here too and must never be sent to a learner
 * unfiltered — pages get only what each activity type's server module builds for them.
 * Each activity type defines its own compiled shape in `app/activities/<type>/content.ts`;
 * `Activity` is the union of the types in the registry.
 */
import type { Activity, ActivityType } from "~/activities/registry";
import type { CaseDefinition } from "~/activities/case/content";
import type { Severity } from "./mdx-tree";

export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/bpa/03-case-als.mdx`. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** Errors stop the build; warnings (an outdated sats, an old legal check) are only reported. */
  severity: Severity;
}

export interface CompiledCourse {
  /** Bumped when the shape of this JSON changes, so an old build is rebuilt rather than misread. */
  formatVersion: number;
  compiledAt: string;
  modules: CourseModule[];
  problems: ContentProblem[];
}

export interface CourseModule {
  id: string;
  title: string;
  summary: string;
  order: number;
  legalBasis: string[];
  estimatedMinutes: number;
  /** The date the module's legal statements were checked against, YYYY-MM-DD. */
  legalAsOf: string;
  draft: boolean;
  introHtml: string;
  file: string;
  activities: Activity[];
  /**
   * Cases whose graph breaks a rule of the content check (a step that cannot be reached, a
   * dead end): never offered to learners, but the author's case map shows where they break.
   * Only a course with problems has such cases, so a production build never does.
   */
  unplayableCases?: UnplayableCase[];
  /** Every checklist of the module, in file order, for the printable overview. */
  checklists: ChecklistDefinition[];
  /**
   * Activity files with an error (unplayable cases among them): never offered to learners, but
   * listed for authors on the module page, marked "Fejl", and their address shows the errors in
   * place of the content. Only a course with problems has them, so a production build never does.
   */
  brokenActivities?: BrokenActivity[];
}

/** An activity file that the check refused: what can be read of it, to list it for authors. */
export interface BrokenActivity {
  /** The frontmatter's id, or the file name without .mdx when the id cannot be read. */
  id: string;
  /** The frontmatter's title, or the file name. */
  title: string;
  /** The type the file declares (or its body suggests). */
  type: ActivityType;
  file: string;
}

/** What every compiled activity has; each type adds its `type` and its own fields. */
export interface ActivityBase {
  id: string;
  moduleId: string;
  title: string;
  estimatedMinutes: number;
  required: boolean;
  legalBasis: string[];
  file: string;
  /** A hash of the compiled activity; attempts record it to notice when an author changes it. */
  version: string;
}

export type { Activity };

/** A case whose graph breaks a rule: kept (without a version) for the author's case map only. */
export type UnplayableCase = Omit<ActivityBase, "version"> & { case: CaseDefinition };

export interface ChecklistDefinition {
  id: string;
  title: string;
  /** The checklist as rendered in its lesson: a list of checkboxes. */
  html: string;
  /** The activity it stands in, or null when it stands in module.mdx. */
  activityId: string | null;
}
