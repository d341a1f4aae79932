/**
 * What the module page says about each activity for one learner (done or not, and for cases
 * and quizzes their best and latest results): each type present in the module answers for its
 * own activities, all in parallel.
 */
import type { Activity, CourseModule } from "~/content/types";
import type { DB } from "~/db/database.server";
import { NOT_STARTED, type Standing } from "~/progress/passing";
import { learnerStandings } from "~/progress/passing.server";
import type { ActivityStatus } from "./activity-type";
import { activityServers, activityTypeLabel } from "./registry";

/**
 * Each activity's status. `done` is the pass rule's (`passing.ts`): a case lost or a quiz below
 * today's passPercent is not done, whatever an older rule recorded as completed, so the row
 * says the same as the progress bar and the list of what is missing.
 */
export async function activityStatuses(db: DB, userId: string, module: CourseModule) {
  const servers = await activityServers();
  const types = [...new Set(module.activities.map((activity) => activity.type))];
  const [standings, ...perType] = await Promise.all([
    learnerStandings(db, userId, [module]),
    ...types.map((type) => servers.get(type)!.statuses(db, userId, module.id)),
  ]);
  const statusOf = new Map(types.map((type, index) => [type, perType[index]!]));
  const statuses: Record<string, ActivityStatus> = {};
  const passed = new Set<string>();
  for (const activity of module.activities) {
    const status = statusOf.get(activity.type)! as (activity: Activity, done: boolean) => ActivityStatus;
    const done = Boolean(standings.get(activity.id)?.passedAt);
    if (done) passed.add(activity.id);
    statuses[activity.id] = status(activity, done);
  }
  return { statuses, completed: passed, standings };
}

/** The required activities of a module that are not passed, each with what is missing in its type's words. */
export async function missingActivities(module: CourseModule, standings: ReadonlyMap<string, Standing>) {
  const servers = await activityServers();
  return module.activities
    .filter((activity) => activity.required && !standings.get(activity.id)?.passedAt)
    .map((activity) => ({
      id: activity.id,
      title: activity.title,
      type: activity.type,
      sentence: (servers.get(activity.type)!.missing as (activity: Activity, standing: Standing) => string)(
        activity,
        standings.get(activity.id) ?? NOT_STARTED,
      ),
    }));
}

/** The module page's list: each activity with its type's name and the learner's status. */
export async function moduleActivities(db: DB, userId: string, module: CourseModule) {
  const { statuses, completed } = await activityStatuses(db, userId, module);
  return {
    activities: module.activities.map((activity) => ({
      id: activity.id,
      title: activity.title,
      type: activity.type,
      typeLabel: activityTypeLabel(activity.type),
      estimatedMinutes: activity.estimatedMinutes,
      required: activity.required,
      status: statuses[activity.id]!,
    })),
    completed,
  };
}
