/**
 * The way forward from an activity: the next activity of the module, or back to the module
 * after the last one. The lesson's "Næste", and "Næste aktivitet" beside "Prøv igen" after a
 * case, a quiz and an evaluation, all read it. Pure.
 */
import type { Activity, CourseModule } from "~/content/types";

type ModuleOrder = Pick<CourseModule, "id" | "activities">;

/** The activity after this one in the module, or undefined after the last one. */
export function nextActivity(module: ModuleOrder, activityId: string): Activity | undefined {
  const index = module.activities.findIndex((activity) => activity.id === activityId);
  return index >= 0 ? module.activities[index + 1] : undefined;
}

export interface WayForward {
  to: string;
  label: "Næste aktivitet" | "Tilbage til modulet";
  /** The next activity's title, or null when the way leads back to the module. */
  title: string | null;
}

export function wayForward(module: ModuleOrder, activityId: string): WayForward {
  const next = nextActivity(module, activityId);
  return next
    ? { to: `/moduler/${module.id}/${next.id}`, label: "Næste aktivitet", title: next.title }
    : { to: `/moduler/${module.id}`, label: "Tilbage til modulet", title: null };
}
