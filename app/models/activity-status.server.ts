/**
 * What the module page says about each activity for one learner: done or not, and for cases
 * their best and latest result.
 */
import { caseSummaries, type CaseSummary } from "~/cases/attempts.server";
import { evaluationStatuses } from "~/evaluation/evaluation.server";
import { quizSummaries, type QuizSummary } from "~/quiz/quiz.server";
import type { Activity, CourseModule } from "~/content/types";
import { RESULTS, isKeyOf } from "~/content/vocabulary";
import type { DB } from "~/db/database.server";
import { completions } from "./progress.server";

export type StatusTone = "done" | "partial" | "wrong" | "todo";

export interface ActivityStatus {
  label: string;
  tone: StatusTone;
  /** Extra lines, e.g. best and latest result of a case. */
  details: string[];
}

const resultLabel = (result: string | null) =>
  result && isKeyOf(RESULTS, result) ? RESULTS[result].toLowerCase() : "";

function caseStatus(done: boolean, summary: CaseSummary | undefined): ActivityStatus {
  if (!summary?.latest) return { label: "Ikke påbegyndt", tone: "todo", details: [] };
  const details: string[] = [];
  if (summary.best) {
    details.push(
      `Bedste: ${resultLabel(summary.best.result)}, ${summary.best.score} af ${summary.best.maxScore} point`,
    );
  }
  if (summary.latest.status === "active") details.push("Seneste: i gang");
  else if (summary.attempts > 1) {
    details.push(
      `Seneste: ${resultLabel(summary.latest.result)}, ${summary.latest.score} af ${summary.latest.maxScore} point`,
    );
  }
  if (!done) return { label: "I gang", tone: "partial", details };
  const best = summary.best?.result;
  return { label: "Gennemført", tone: best === "korrekt" ? "done" : best === "delvist" ? "partial" : "wrong", details };
}

function quizStatus(done: boolean, summary: QuizSummary | undefined): ActivityStatus {
  if (!summary?.best) return { label: "Ikke taget", tone: "todo", details: [] };
  const best = summary.best;
  const details = [
    `Bedste: ${best.correctCount} af ${best.questionCount} rigtige (${best.percent} %), ${summary.attempts} ${summary.attempts === 1 ? "forsøg" : "forsøg"}`,
  ];
  return done ? { label: "Bestået", tone: "done", details } : { label: "Ikke bestået endnu", tone: "partial", details };
}

interface LearnerResults {
  cases: Map<string, CaseSummary>;
  quizzes: Map<string, QuizSummary>;
  evaluations: Map<string, "draft" | "submitted">;
}

function status(activity: Activity, done: boolean, results: LearnerResults): ActivityStatus {
  switch (activity.type) {
    case "case":
      return caseStatus(done, results.cases.get(activity.id));
    case "quiz":
      return quizStatus(done, results.quizzes.get(activity.id));
    case "evaluation":
      if (done) return { label: "Indsendt", tone: "done", details: [] };
      if (results.evaluations.get(activity.id) === "draft")
        return { label: "Kladde gemt", tone: "partial", details: [] };
      return { label: "Ikke besvaret", tone: "todo", details: [] };
    case "lesson":
      return done ? { label: "Læst", tone: "done", details: [] } : { label: "Ikke læst", tone: "todo", details: [] };
  }
}

export async function activityStatuses(db: DB, userId: string, module: CourseModule) {
  const [completed, cases, quizzes, evaluations] = await Promise.all([
    completions(db, userId),
    caseSummaries(db, userId, module.id),
    quizSummaries(db, userId, module.id),
    evaluationStatuses(db, userId, module.id),
  ]);
  const statuses: Record<string, ActivityStatus> = {};
  for (const activity of module.activities) {
    statuses[activity.id] = status(activity, completed.has(activity.id), { cases, quizzes, evaluations });
  }
  return { statuses, completed: new Set(completed.keys()) };
}
