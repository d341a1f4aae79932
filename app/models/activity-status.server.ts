/**
 * What the module page says about each activity for one learner: done or not, and for cases
 * their best and latest result.
 */
import { caseSummaries, type CaseSummary } from "~/cases/attempts.server";
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

const resultLabel = (result: string | null) => (result && isKeyOf(RESULTS, result) ? RESULTS[result].toLowerCase() : "");

function caseStatus(done: boolean, summary: CaseSummary | undefined): ActivityStatus {
  if (!summary?.latest) return { label: "Ikke påbegyndt", tone: "todo", details: [] };
  const details: string[] = [];
  if (summary.best) {
    details.push(`Bedste: ${resultLabel(summary.best.result)}, ${summary.best.score} af ${summary.best.maxScore} point`);
  }
  if (summary.latest.status === "active") details.push("Seneste: i gang");
  else if (summary.attempts > 1) {
    details.push(`Seneste: ${resultLabel(summary.latest.result)}, ${summary.latest.score} af ${summary.latest.maxScore} point`);
  }
  if (!done) return { label: "I gang", tone: "partial", details };
  const best = summary.best?.result;
  return { label: "Gennemført", tone: best === "korrekt" ? "done" : best === "delvist" ? "partial" : "wrong", details };
}

function status(activity: Activity, done: boolean, cases: Map<string, CaseSummary>): ActivityStatus {
  if (activity.type === "case") return caseStatus(done, cases.get(activity.id));
  if (done) return { label: activity.type === "lesson" ? "Læst" : "Gennemført", tone: "done", details: [] };
  return { label: "Ikke gennemført", tone: "todo", details: [] };
}

export async function activityStatuses(db: DB, userId: string, module: CourseModule) {
  const [completed, cases] = await Promise.all([completions(db, userId), caseSummaries(db, userId, module.id)]);
  const statuses: Record<string, ActivityStatus> = {};
  for (const activity of module.activities) {
    statuses[activity.id] = status(activity, completed.has(activity.id), cases);
  }
  return { statuses, completed: new Set(completed.keys()) };
}
