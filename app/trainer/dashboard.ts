/**
 * The cohort dashboard's figures, from counts that SQL has already aggregated
 * (`dashboard.server.ts`). Pure: every rule about shares, statuses, sorting, "worst first" and
 * the evaluation threshold lives here and is unit-tested.
 */
import type { CourseModule } from "~/content/types";
import type { CaseActivity } from "~/activities/case/content";
import type { QuizActivity } from "~/activities/quiz/content";
import type { EvaluationActivity } from "~/activities/evaluation/content";
import { LIKERT_SCALE, PHASES, RESULTS, TOPICS, isKeyOf } from "~/content/vocabulary";
import { progressFromCounts } from "~/progress/progress";
import { nameCollator } from "~/utils/danish";

/** A share in whole per cent, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((100 * part) / whole);
}

export const formatShare = (value: number | null) => (value === null ? "–" : `${value} %`);

/** Elements that end a line of text: their tags become a space, inline tags become nothing. */
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|h[1-6]|br|tr|td|th|table|blockquote|section|aside)\b[^>]*>/gi;

/**
 * Text of an HTML fragment, for labels (question prompts, step situations) and printed texts:
 * what a sighted reader sees, so a law reference's screen-reader note ("lovteksten på
 * Retsinformation, eksternt link") is left out. Shortened at a word to at most `max` characters.
 */
export function plainText(html: string, max = 120): string {
  const text = html
    .replace(/<span class="sr-only">[^<]*<\/span>/g, "")
    .replace(BLOCK_TAG, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|&#xa0;|&#160;/gi, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max * 0.7 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

// ---------------------------------------------------------------------------------------------
// Progress matrix

export type CellStatus = "complete" | "started" | "todo";
export const CELL_STATUS_LABELS: Record<CellStatus, string> = {
  complete: "Gennemført",
  started: "I gang",
  todo: "Ikke startet",
};

export interface MatrixModule {
  id: string;
  title: string;
  required: number;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  lastActivity: Date | null;
}

export interface ProgressCell {
  moduleId: string;
  done: number;
  required: number;
  percent: number;
  status: CellStatus;
}

export interface MatrixRow extends MemberRow {
  cells: ProgressCell[];
}

export interface ModuleSummary {
  moduleId: string;
  title: string;
  completed: number;
  started: number;
  participants: number;
  completedShare: number | null;
}

export interface ProgressMatrix {
  modules: MatrixModule[];
  rows: MatrixRow[];
  perModule: ModuleSummary[];
}

export const matrixModules = (modules: CourseModule[]): MatrixModule[] =>
  modules.map((m) => ({ id: m.id, title: m.title, required: m.activities.filter((a) => a.required).length }));

/**
 * `done` has a row for each module a member has begun, with how many of its required activities
 * they have completed; a module without a row is not begun.
 */
export function buildProgressMatrix(
  modules: MatrixModule[],
  members: MemberRow[],
  done: { userId: string; moduleId: string; done: number }[],
): ProgressMatrix {
  const doneBy = new Map(done.map((d) => [`${d.userId}|${d.moduleId}`, d.done]));
  const rows = members.map((member) => ({
    ...member,
    cells: modules.map((module): ProgressCell => {
      const count = doneBy.get(`${member.userId}|${module.id}`);
      const progress = progressFromCounts(module.required, count ?? 0);
      const status: CellStatus = progress.complete ? "complete" : count !== undefined ? "started" : "todo";
      return {
        moduleId: module.id,
        done: progress.completed,
        required: module.required,
        percent: progress.percent,
        status,
      };
    }),
  }));
  const perModule = modules.map((module, index): ModuleSummary => {
    const cells = rows.map((row) => row.cells[index]!);
    const completed = cells.filter((c) => c.status === "complete").length;
    return {
      moduleId: module.id,
      title: module.title,
      completed,
      started: cells.filter((c) => c.status === "started").length,
      participants: rows.length,
      completedShare: share(completed, rows.length),
    };
  });
  return { modules, rows, perModule };
}

export interface MatrixSort {
  /** "navn", "aktivitet" or a module id. */
  key: string;
  direction: "asc" | "desc";
}

/** Reads `?sorter=…&retning=…`; anything unknown falls back to name, ascending. */
export function parseMatrixSort(params: URLSearchParams, moduleIds: string[]): MatrixSort {
  const key = params.get("sorter") ?? "navn";
  const direction = params.get("retning") === "faldende" ? "desc" : "asc";
  if (key === "navn" || key === "aktivitet" || moduleIds.includes(key)) return { key, direction };
  return { key: "navn", direction: "asc" };
}

/** The query string that sorts by `key`: the other direction when it is already sorted by it. */
export function sortLink(current: MatrixSort, key: string): string {
  const direction = current.key === key && current.direction === "asc" ? "faldende" : "stigende";
  return `?sorter=${encodeURIComponent(key)}&retning=${direction}#fremskridt`;
}

/** Danish order with numbers by value: "Kursist 2" before "Kursist 10". */
const collator = nameCollator;

export function sortMatrix(rows: MatrixRow[], sort: MatrixSort): MatrixRow[] {
  const byName = (a: MatrixRow, b: MatrixRow) => collator.compare(a.name, b.name);
  const value = (row: MatrixRow): number => {
    if (sort.key === "aktivitet") return row.lastActivity ? row.lastActivity.getTime() : -Infinity;
    return row.cells.find((c) => c.moduleId === sort.key)?.percent ?? 0;
  };
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === "navn") return sign * byName(a, b);
    const difference = value(a) - value(b);
    return difference !== 0 ? sign * difference : byName(a, b);
  });
}

// ---------------------------------------------------------------------------------------------
// Quizzes

export interface QuestionCounts {
  activityId: string;
  questionId: string;
  answers: number;
  correct: number;
  firstAnswers: number;
  firstCorrect: number;
}

export interface OptionCount {
  activityId: string;
  questionId: string;
  optionId: string;
  chosen: number;
}

export interface QuestionStats {
  id: string;
  anchor: string;
  number: number;
  prompt: string;
  topic: string;
  answers: number;
  firstAnswers: number;
  firstRightShare: number | null;
  overallRightShare: number | null;
  mostChosenWrong: { label: string; chosen: number } | null;
}

export interface QuizStats {
  activityId: string;
  title: string;
  questions: QuestionStats[];
}

export const questionAnchor = (activityId: string, questionId: string) => `spm-${activityId}-${questionId}`;
export const stepAnchor = (activityId: string, stepId: string) => `trin-${activityId}-${stepId}`;
const topicLabel = (topic: string) => (isKeyOf(TOPICS, topic) ? TOPICS[topic] : topic);
const phaseLabel = (phase: string) => (isKeyOf(PHASES, phase) ? PHASES[phase] : phase);

export function buildQuizStats(quizzes: QuizActivity[], counts: QuestionCounts[], options: OptionCount[]): QuizStats[] {
  const countsBy = new Map(counts.map((c) => [`${c.activityId}|${c.questionId}`, c]));
  return quizzes.map((quiz) => ({
    activityId: quiz.id,
    title: quiz.title,
    questions: quiz.quiz.questions.map((question, index): QuestionStats => {
      const c = countsBy.get(`${quiz.id}|${question.id}`);
      const wrongOptions = options
        .filter((o) => o.activityId === quiz.id && o.questionId === question.id)
        .map((o) => ({ option: question.options.find((opt) => opt.id === o.optionId), chosen: o.chosen }))
        .filter((o) => o.option && !o.option.correct)
        .sort((a, b) => b.chosen - a.chosen || collator.compare(a.option!.label, b.option!.label));
      const top = wrongOptions[0];
      return {
        id: question.id,
        anchor: questionAnchor(quiz.id, question.id),
        number: index + 1,
        prompt: plainText(question.promptHtml),
        topic: topicLabel(question.topic),
        answers: c?.answers ?? 0,
        firstAnswers: c?.firstAnswers ?? 0,
        firstRightShare: share(c?.firstCorrect ?? 0, c?.firstAnswers ?? 0),
        overallRightShare: share(c?.correct ?? 0, c?.answers ?? 0),
        mostChosenWrong: top ? { label: top.option!.label, chosen: top.chosen } : null,
      };
    }),
  }));
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface ChoiceCounts {
  activityId: string;
  stepId: string;
  choiceId: string;
  all: number;
  first: number;
  best: number;
  bestFirst: number;
}

export interface PlaceCounts {
  activityId: string;
  placeId: string;
  all: number;
  first: number;
}

export interface LoopCounts {
  activityId: string;
  stepId: string;
  learners: number;
  /** Decisions made at the step beyond the first in the same attempt. */
  repeats: number;
}

export interface StepStats {
  id: string;
  anchor: string;
  phase: string;
  situation: string;
  decisions: number;
  firstDecisions: number;
  bestShare: number | null;
  firstBestShare: number | null;
  choices: {
    id: string;
    label: string;
    points: number;
    onBestPath: boolean;
    all: number;
    first: number;
    allShare: number | null;
    firstShare: number | null;
  }[];
}

export interface CaseStats {
  activityId: string;
  title: string;
  steps: StepStats[];
  /** Each ending by its result and the start of its text, never its id. */
  outcomes: { id: string; result: string; text: string; all: number; first: number }[];
  dropOff: { placeId: string; label: string; all: number; first: number }[];
  loops: { stepId: string; label: string; learners: number; repeats: number }[];
}

export function buildCaseStats(
  cases: CaseActivity[],
  data: { choices: ChoiceCounts[]; outcomes: PlaceCounts[]; dropOff: PlaceCounts[]; loops: LoopCounts[] },
): CaseStats[] {
  return cases.map((activity) => {
    const definition = activity.case;
    const bestPath = new Set(activity.analysis.bestPath.map((p) => `${p.stepId}|${p.choiceId}`));
    // A step by its number and situation, never its id; a removed step as such.
    const stepLabel = (id: string) => {
      const index = definition.steps.findIndex((s) => s.id === id);
      return index >= 0
        ? `Trin ${index + 1}: ${plainText(definition.steps[index]!.situationHtml, 70)}`
        : "Et trin, der er fjernet fra casen";
    };
    const steps = definition.steps.map((step, index): StepStats => {
      const rows = data.choices.filter((c) => c.activityId === activity.id && c.stepId === step.id);
      const sum = (pick: (c: ChoiceCounts) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const decisions = sum((c) => c.all);
      const firstDecisions = sum((c) => c.first);
      return {
        id: step.id,
        anchor: stepAnchor(activity.id, step.id),
        phase: phaseLabel(step.phase),
        situation: `Trin ${index + 1}: ${plainText(step.situationHtml, 90)}`,
        decisions,
        firstDecisions,
        bestShare: share(
          sum((c) => c.best),
          decisions,
        ),
        firstBestShare: share(
          sum((c) => c.bestFirst),
          firstDecisions,
        ),
        choices: step.choices.map((choice) => {
          const row = rows.find((r) => r.choiceId === choice.id);
          return {
            id: choice.id,
            label: choice.label,
            points: choice.points,
            onBestPath: bestPath.has(`${step.id}|${choice.id}`),
            all: row?.all ?? 0,
            first: row?.first ?? 0,
            allShare: share(row?.all ?? 0, decisions),
            firstShare: share(row?.first ?? 0, firstDecisions),
          };
        }),
      };
    });
    const mine = <T extends { activityId: string }>(rows: T[]) => rows.filter((r) => r.activityId === activity.id);
    return {
      activityId: activity.id,
      title: activity.title,
      steps,
      outcomes: definition.outcomes.map((outcome) => {
        const row = mine(data.outcomes).find((r) => r.placeId === outcome.id);
        return {
          id: outcome.id,
          result: RESULTS[outcome.result],
          text: plainText(outcome.html, 90),
          all: row?.all ?? 0,
          first: row?.first ?? 0,
        };
      }),
      dropOff: mine(data.dropOff)
        .map((r) => ({ placeId: r.placeId, label: stepLabel(r.placeId), all: r.all, first: r.first }))
        .sort((a, b) => b.all - a.all),
      loops: mine(data.loops)
        .map((r) => ({ stepId: r.stepId, label: stepLabel(r.stepId), learners: r.learners, repeats: r.repeats }))
        .sort((a, b) => b.learners - a.learners || b.repeats - a.repeats || collator.compare(a.label, b.label)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Where the cohort goes wrong

/**
 * A case's summary line on the dashboard: its size, outcomes reached, unfinished attempts, and
 * the step where the fewest chose the highest-scoring choice (the earlier one on a tie).
 */
export function caseSummary(c: CaseStats) {
  const answered = c.steps
    .map((step, index) => ({ step, number: index + 1 }))
    .filter(({ step }) => step.bestShare !== null);
  const weakest = answered.reduce<(typeof answered)[number] | null>(
    (worst, candidate) => (worst === null || candidate.step.bestShare! < worst.step.bestShare! ? candidate : worst),
    null,
  );
  const outcomes = c.outcomes.reduce((sum, o) => sum + o.all, 0);
  const unfinished = c.dropOff.reduce((sum, d) => sum + d.all, 0);
  return {
    text: [
      `${c.steps.length} trin`,
      `${outcomes} ${outcomes === 1 ? "afslutning" : "afslutninger"} nået`,
      `${unfinished} ${unfinished === 1 ? "ufærdigt" : "ufærdige"} forsøg`,
    ].join(" · "),
    weakest: weakest && { number: weakest.number, anchor: weakest.step.anchor, bestShare: weakest.step.bestShare! },
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluations

/** Fewer respondents than this, and nothing of an evaluation is shown: answers could be traced. */
export const MIN_RESPONDENTS = 5;

export interface LikertCount {
  activityId: string;
  itemId: string;
  value: string;
  count: number;
}

export type EvaluationStats =
  | { activityId: string; title: string; respondents: number; shown: false }
  | {
      activityId: string;
      title: string;
      respondents: number;
      shown: true;
      /** The respondents the figures rest on: whole blocks of five, the first to submit. */
      counted: number;
      statements: {
        id: string;
        statement: string;
        answers: number;
        spread: { value: string; label: string; count: number; share: number | null }[];
        positiveShare: number | null;
      }[];
      freeTexts: { id: string; label: string; answers: string[] }[];
    };

/**
 * Figures per statement once at least MIN_RESPONDENTS have submitted; below that only the
 * number of respondents. The positive share is "I høj grad" plus "I nogen grad" of all answers.
 */
export function buildEvaluationStats(
  evaluation: EvaluationActivity,
  respondents: number,
  likert: LikertCount[],
  texts: { activityId: string; itemId: string; text: string }[],
): EvaluationStats {
  const base = { activityId: evaluation.id, title: evaluation.title, respondents };
  if (respondents < MIN_RESPONDENTS) return { ...base, shown: false };
  const statements = evaluation.evaluation.items.flatMap((item) => {
    if (item.kind !== "likert") return [];
    const counts = likert.filter((l) => l.activityId === evaluation.id && l.itemId === item.id);
    const answers = counts.reduce((total, c) => total + c.count, 0);
    const count = (value: string) => counts.find((c) => c.value === value)?.count ?? 0;
    return [
      {
        id: item.id,
        statement: item.statement,
        answers,
        spread: LIKERT_SCALE.map((s) => ({
          value: s.value,
          label: s.label,
          count: count(s.value),
          share: share(count(s.value), answers),
        })),
        positiveShare: share(count("hoej") + count("nogen"), answers),
      },
    ];
  });
  const freeTexts = evaluation.evaluation.items.flatMap((item) =>
    item.kind === "text"
      ? [
          {
            id: item.id,
            label: item.label,
            answers: texts.filter((t) => t.activityId === evaluation.id && t.itemId === item.id).map((t) => t.text),
          },
        ]
      : [],
  );
  return { ...base, shown: true, counted: respondents - (respondents % MIN_RESPONDENTS), statements, freeTexts };
}
