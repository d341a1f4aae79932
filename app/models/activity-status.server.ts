/**
 * What the module page says about each activity for one learner: done or not, and for cases
 * and quizzes their results.
 */
import type { CourseModule } from "~/content/types";
import type { DB } from "~/db/database.server";
import { completions } from "./progress.server";

export type StatusTone = "done" | "partial" | "wrong" | "todo";

export interface ActivityStatus {
  label: string;
  tone: StatusTone;
  /** Extra lines, e.g. best and latest result of a case. */
  details: string[];
}

export async function activityStatuses(db: DB, userId: string, module: CourseModule) {
  const completed = await completions(db, userId);
  const statuses: Record<string, ActivityStatus> = {};
  for (const activity of module.activities) {
    const done = completed.has(activity.id);
    statuses[activity.id] = {
      label: done ? (activity.type === "lesson" ? "Læst" : "Gennemført") : "Ikke gennemført",
      tone: done ? "done" : "todo",
      details: [],
    };
  }
  return { statuses, completed: new Set(completed.keys()) };
}
