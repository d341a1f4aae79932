/** Progress through a module, from the set of completed activity ids. Pure. */
import type { CourseModule } from "~/content/types";

export interface ModuleProgress {
  required: number;
  completed: number;
  percent: number;
  complete: boolean;
  /** Required activities not yet completed, in module order. */
  missing: { id: string; title: string; type: string }[];
}

export function moduleProgress(module: CourseModule, completed: ReadonlySet<string>): ModuleProgress {
  const required = module.activities.filter((activity) => activity.required);
  const missing = required.filter((activity) => !completed.has(activity.id));
  const done = required.length - missing.length;
  return {
    required: required.length,
    completed: done,
    percent: required.length === 0 ? 0 : Math.round((100 * done) / required.length),
    complete: required.length > 0 && missing.length === 0,
    missing: missing.map(({ id, title, type }) => ({ id, title, type })),
  };
}
