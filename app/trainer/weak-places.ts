/**
 * "Her går holdet galt": every case step and quiz question of a cohort's modules as a *place*,
 * with what the cohort did there in its first attempts (k of n wrong, the wrong choice or answer
 * made most), described in words (module, activity, the step's situation or the question). The
 * ranking itself is `ranking.ts`. Pure; the counts come from `weak-places.server.ts`.
 *
 * Counted on first attempts only: a learner's first try is what they knew before the case or
 * quiz taught them. A step counts once per attempt (its first decision there), so a loop does
 * not count twice. A step's topic is the topic of its highest-scoring choice: what the step asks
 * the learner to get right.
 */
import type { CourseModule } from "~/content/types";
import type { CaseActivity, CaseStep } from "~/activities/case/content";
import type { QuizActivity } from "~/activities/quiz/content";
import { PHASES, TOPICS, type Phase, type Topic } from "~/content/vocabulary";
import { plainText, questionAnchor, stepAnchor } from "./dashboard";
import { rankGroups, rankWeakest, type Evidence, type Ranked, type RankedGroup } from "./ranking";

/** First decisions at a step in first attempts, per choice. */
export interface FirstChoiceCount {
  activityId: string;
  stepId: string;
  choiceId: string;
  wasBest: boolean;
  chosen: number;
}

/** First-attempt answers to a question. */
export interface FirstAnswerCount {
  activityId: string;
  questionId: string;
  total: number;
  wrong: number;
}

/** Options chosen in wrong first-attempt answers. */
export interface FirstWrongOptionCount {
  activityId: string;
  questionId: string;
  optionId: string;
  chosen: number;
}

export interface Place extends Evidence {
  kind: "case" | "quiz";
  /** The id of the step's or question's figures on the cohort page. */
  anchor: string;
  moduleTitle: string;
  activityId: string;
  activityTitle: string;
  /** "Trin 3" or "Spørgsmål 2". */
  position: string;
  /** The step's situation or the question, shortened. */
  text: string;
  topic: Topic;
  phase: Phase | null;
  mostChosenWrong: { label: string; chosen: number } | null;
}

/** A place with what the classroom brief prints about it: the whole texts, as HTML. */
export interface PlaceWithDiscussion extends Place {
  discussion: {
    /** The step's situation or the question. */
    html: string;
    /** The feedback on the wrong choice made most, or the question's explanation. */
    explanationHtml: string;
  };
}

const TEXT_LENGTH = 160;

/** The topic a step tests: that of its highest-scoring choice (the first on a tie). */
export function stepTopic(step: CaseStep): Topic {
  const best = step.choices.reduce((top, choice) => (choice.points > top.points ? choice : top), step.choices[0]!);
  return best.topic;
}

function casePlaces(module: CourseModule, activity: CaseActivity, choices: FirstChoiceCount[]): PlaceWithDiscussion[] {
  return activity.case.steps.map((step, index) => {
    const rows = choices.filter((c) => c.activityId === activity.id && c.stepId === step.id);
    const wrongRows = rows
      .filter((r) => !r.wasBest)
      .map((r) => ({ ...r, choice: step.choices.find((c) => c.id === r.choiceId) }))
      .filter((r) => r.choice !== undefined);
    // One choice can be best in one attempt and not in another (flags change what is offered).
    const byChoice = new Map<string, { label: string; chosen: number; feedbackHtml: string; order: number }>();
    for (const row of wrongRows) {
      const entry = byChoice.get(row.choiceId) ?? {
        label: row.choice!.label,
        chosen: 0,
        feedbackHtml: row.choice!.feedbackHtml,
        order: step.choices.indexOf(row.choice!),
      };
      entry.chosen += row.chosen;
      byChoice.set(row.choiceId, entry);
    }
    const top = [...byChoice.values()].sort((a, b) => b.chosen - a.chosen || a.order - b.order)[0];
    return {
      kind: "case",
      anchor: stepAnchor(activity.id, step.id),
      moduleTitle: module.title,
      activityId: activity.id,
      activityTitle: activity.title,
      position: `Trin ${index + 1}`,
      text: plainText(step.situationHtml, TEXT_LENGTH),
      topic: stepTopic(step),
      phase: step.phase,
      total: rows.reduce((sum, r) => sum + r.chosen, 0),
      wrong: wrongRows.reduce((sum, r) => sum + r.chosen, 0),
      mostChosenWrong: top ? { label: top.label, chosen: top.chosen } : null,
      discussion: { html: step.situationHtml, explanationHtml: top?.feedbackHtml ?? "" },
    };
  });
}

function quizPlaces(
  module: CourseModule,
  quiz: QuizActivity,
  answers: FirstAnswerCount[],
  options: FirstWrongOptionCount[],
): PlaceWithDiscussion[] {
  return quiz.quiz.questions.map((question, index) => {
    const counts = answers.find((a) => a.activityId === quiz.id && a.questionId === question.id);
    const top = options
      .filter((o) => o.activityId === quiz.id && o.questionId === question.id)
      .map((o) => ({ option: question.options.find((opt) => opt.id === o.optionId), chosen: o.chosen }))
      .filter((o) => o.option !== undefined && !o.option.correct)
      .sort(
        (a, b) => b.chosen - a.chosen || question.options.indexOf(a.option!) - question.options.indexOf(b.option!),
      )[0];
    return {
      kind: "quiz",
      anchor: questionAnchor(quiz.id, question.id),
      moduleTitle: module.title,
      activityId: quiz.id,
      activityTitle: quiz.title,
      position: `Spørgsmål ${index + 1}`,
      text: plainText(question.promptHtml, TEXT_LENGTH),
      topic: question.topic,
      phase: null,
      total: counts?.total ?? 0,
      wrong: counts?.wrong ?? 0,
      mostChosenWrong: top ? { label: top.option!.label, chosen: top.chosen } : null,
      discussion: { html: question.promptHtml, explanationHtml: question.explanationHtml },
    };
  });
}

/**
 * Every step and question of the modules, in course order, with its first-attempt figures.
 * Counts for a step or question an author has since removed find no place and count nowhere.
 */
export function buildPlaces(
  modules: CourseModule[],
  counts: { choices: FirstChoiceCount[]; answers: FirstAnswerCount[]; wrongOptions: FirstWrongOptionCount[] },
): PlaceWithDiscussion[] {
  return modules.flatMap((module) =>
    module.activities.flatMap((activity) => {
      if (activity.type === "case") return casePlaces(module, activity, counts.choices);
      if (activity.type === "quiz") return quizPlaces(module, activity, counts.answers, counts.wrongOptions);
      return [];
    }),
  );
}

export interface WeakPlaces<P extends Place = Place> {
  /** The weakest places of all, worst first. */
  weakest: Ranked<P>[];
  byTopic: RankedGroup<P>[];
  /** Case steps only: quiz questions have no phase. */
  byPhase: RankedGroup<P>[];
  /** How many places have at least one first-attempt answer. */
  answeredPlaces: number;
}

export function rankPlaces<P extends Place>(places: P[]): WeakPlaces<P> {
  return {
    weakest: rankWeakest(places),
    byTopic: rankGroups(
      places,
      (p) => p.topic,
      (key) => TOPICS[key as Topic],
    ),
    byPhase: rankGroups(
      places,
      (p) => p.phase,
      (key) => PHASES[key as Phase],
    ),
    answeredPlaces: places.filter((p) => p.total > 0).length,
  };
}

/** A place without its HTML texts: what the cohort page needs. */
export const withoutDiscussion = ({ discussion: _discussion, ...place }: PlaceWithDiscussion): Place => place;

export interface TopicPhaseCell extends Evidence {
  wrongShare: number | null;
}

/**
 * The topics × phases overview of the classroom brief: per topic (rows, worst first as ranked)
 * the wrong first-attempt answers in each phase of case handling, and in the quizzes (which have
 * no phase) as a last column.
 */
export function topicPhaseTable(places: Place[], byTopic: RankedGroup<Place>[]) {
  const columns = [
    ...(Object.keys(PHASES) as Phase[]).map((phase) => ({ key: phase as string, label: PHASES[phase] })),
    { key: "quiz", label: "Quizzer" },
  ];
  const cell = (topic: string, column: string): TopicPhaseCell => {
    const inCell = places.filter(
      (p) => p.topic === topic && (column === "quiz" ? p.kind === "quiz" : p.kind === "case" && p.phase === column),
    );
    const total = inCell.reduce((sum, p) => sum + p.total, 0);
    const wrong = inCell.reduce((sum, p) => sum + p.wrong, 0);
    return { wrong, total, wrongShare: total === 0 ? null : Math.round((100 * wrong) / total) };
  };
  return {
    columns,
    rows: byTopic.map((group) => ({
      key: group.key,
      label: group.label,
      cells: columns.map((column) => cell(group.key, column.key)),
      total: { wrong: group.wrong, total: group.total, wrongShare: group.wrongShare },
    })),
  };
}
