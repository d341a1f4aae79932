/** Progress through a module, from the set of completed activity ids. Pure. */
import type { Activity, CourseModule } from "~/content/types";

export interface ModuleProgress {
  required: number;
  completed: number;
  percent: number;
  complete: boolean;
  /** Required activities not yet completed, in module order. */
  missing: { id: string; title: string; type: Activity["type"] }[];
}

export function moduleProgress(module: CourseModule, completed: ReadonlySet<string>): ModuleProgress {
  const required = module.activities.filter((activity) => activity.required);
  const missing = required.filter((activity) => !completed.has(activity.id));
  return {
    ...progressFromCounts(required.length, required.length - missing.length),
    missing: missing.map(({ id, title, type }) => ({ id, title, type })),
  };
}

/** The completion rule from counts alone (the trainer's dashboard counts in SQL). */
export function progressFromCounts(required: number, done: number): Omit<ModuleProgress, "missing"> {
  const completed = Math.min(done, required);
  return {
    required,
    completed,
    percent: required === 0 ? 0 : Math.round((100 * completed) / required),
    complete: required > 0 && completed === required,
  };
}
