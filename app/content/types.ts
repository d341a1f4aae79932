/**
 * The compiled course: what the build extracts from `content/` and the server reads.
 * Everything here is plain JSON. HTML fields are fragments rendered at build time; answer keys
 * (`points`, `correct`, `requires`, targets) live here too and must never be sent to a learner
 * unfiltered — the route modules pass only the views built by the case and quiz modules.
 */
import type { ActivityType, CaseResult, Phase, Topic } from "./vocabulary";
import type { Position, Severity } from "./mdx-tree";

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
}

interface ActivityBase {
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

export interface LessonActivity extends ActivityBase {
  type: "lesson";
  html: string;
}

export interface CaseActivity extends ActivityBase {
  type: "case";
  introHtml: string;
  case: CaseDefinition;
  /** Computed at build time from the case's machine. */
  analysis: CaseAnalysis;
}

export interface CaseAnalysis {
  /** The highest score any way from start to an outcome can reach. */
  maxScore: number;
  /** One way that reaches it: the choices in order, and the outcome it ends in. */
  bestPath: { stepId: string; choiceId: string }[];
  bestOutcomeId: string;
}

export type UnplayableCase = Omit<ActivityBase, "version"> & { case: CaseDefinition };

export interface QuizActivity extends ActivityBase {
  type: "quiz";
  introHtml: string;
  quiz: QuizDefinition;
}

export interface EvaluationActivity extends ActivityBase {
  type: "evaluation";
  introHtml: string;
  evaluation: EvaluationDefinition;
}

export type Activity = LessonActivity | CaseActivity | QuizActivity | EvaluationActivity;
export type ActivityOfType<T extends ActivityType> = Extract<Activity, { type: T }>;

export interface CaseDefinition {
  start: string;
  /** `<Case pass>`: the least result that passes the case; absent means `korrekt`. */
  pass?: Extract<CaseResult, "korrekt" | "delvist">;
  steps: CaseStep[];
  outcomes: CaseOutcome[];
}

export interface CaseStep {
  id: string;
  phase: Phase;
  situationHtml: string;
  documents: CaseDocument[];
  choices: CaseChoice[];
  position: Position;
}

export interface CaseDocument {
  id: string;
  title: string;
  html: string;
  position: Position;
}

export interface CaseChoice {
  id: string;
  to: string;
  label: string;
  points: number;
  topic: Topic;
  sets: string[];
  requires: string[];
  feedbackHtml: string;
  position: Position;
}

export interface CaseOutcome {
  id: string;
  result: CaseResult;
  html: string;
  position: Position;
}

export interface QuizDefinition {
  id: string;
  passPercent: number;
  questions: QuizQuestion[];
}

export interface QuizQuestion {
  id: string;
  topic: Topic;
  multiple: boolean;
  promptHtml: string;
  options: QuizOption[];
  explanationHtml: string;
  position: Position;
}

export interface QuizOption {
  id: string;
  label: string;
  correct: boolean;
}

export type EvaluationItem =
  | { kind: "likert"; id: string; statement: string }
  | { kind: "text"; id: string; label: string };

export interface EvaluationDefinition {
  id: string;
  items: EvaluationItem[];
}

export interface ChecklistDefinition {
  id: string;
  title: string;
  /** The checklist as rendered in its lesson: a list of checkboxes. */
  html: string;
  /** The activity it stands in, or null when it stands in module.mdx. */
  activityId: string | null;
}
