/**
 * The activity types of the platform, one line each. Adding a type is adding its folder
 * (`app/activities/<type>/`, see `activity-type.ts`) and its line here; the order is the order
 * in which authors read the types listed (`type skal være en af: …`).
 */
import type { ActivityContent, ActivityServer, ActivityTypeEntry } from "./activity-type";
import { begrundelseType } from "./begrundelse";
import { caseType } from "./case";
import { evaluationType } from "./evaluation";
import { lessonType } from "./lesson";
import { quizType } from "./quiz";

export const ACTIVITY_REGISTRY = {
  lesson: lessonType,
  case: caseType,
  quiz: quizType,
  evaluation: evaluationType,
  begrundelse: begrundelseType,
};

type Registry = typeof ACTIVITY_REGISTRY;
export type ActivityType = keyof Registry;

type ActivityOfEntry<E> = E extends ActivityTypeEntry<infer A, infer _Page> ? A : never;
type PageOfEntry<E> = E extends ActivityTypeEntry<infer _A, infer Page> ? Page : never;

/** A compiled activity of any type. */
export type Activity = { [T in ActivityType]: ActivityOfEntry<Registry[T]> }[ActivityType];
export type ActivityOfType<T extends ActivityType> = ActivityOfEntry<Registry[T]>;
export type PageOfType<T extends ActivityType> = PageOfEntry<Registry[T]>;

/** What the activity page's loader returns for the page's component: the type and its page data. */
export type ActivityPageView = { [T in ActivityType]: { type: T; page: PageOfType<T> } }[ActivityType];

// Each entry's key is its activities' `type`.
type KeysMatchTypes = { [T in ActivityType]: ActivityOfType<T>["type"] extends T ? true : never }[ActivityType];
const _keysMatchTypes: KeysMatchTypes = true;

// Pure, so that a browser bundle that needs only a label does not keep every type's component.
export const ACTIVITY_TYPES = /* @__PURE__ */ Object.keys(ACTIVITY_REGISTRY) as [ActivityType, ...ActivityType[]];

export function isActivityType(value: string): value is ActivityType {
  return Object.prototype.hasOwnProperty.call(ACTIVITY_REGISTRY, value);
}

export const activityTypeLabel = (type: ActivityType): string => ACTIVITY_REGISTRY[type].label;

/** The activities of one type, in course order. */
export function activitiesOfType<T extends ActivityType>(
  activities: readonly Activity[],
  type: T,
): ActivityOfType<T>[] {
  return activities.filter((activity): activity is ActivityOfType<T> => activity.type === type);
}

// A type's pieces, loaded on first use. Typed loosely: callers pass each activity to its own type.
type AnyContent = ActivityContent<Activity>;
type AnyServer = ActivityServer<Activity, unknown>;

let contents: Promise<Map<ActivityType, AnyContent>> | null = null;
let servers: Promise<Map<ActivityType, AnyServer>> | null = null;

async function loadAll<V>(load: (type: ActivityType) => Promise<unknown>): Promise<Map<ActivityType, V>> {
  const entries = await Promise.all(ACTIVITY_TYPES.map(async (type) => [type, (await load(type)) as V] as const));
  return new Map(entries);
}

/** Every type's content definition, for the content compiler. */
export function activityContents(): Promise<Map<ActivityType, AnyContent>> {
  contents ??= loadAll<AnyContent>((type) => ACTIVITY_REGISTRY[type].content());
  return contents;
}

/** Every type's server module. Server code only (the browser never calls this). */
export function activityServers(): Promise<Map<ActivityType, AnyServer>> {
  servers ??= loadAll<AnyServer>((type) => ACTIVITY_REGISTRY[type].server());
  return servers;
}

/** The server module of one type. */
export async function activityServer<T extends ActivityType>(
  type: T,
): Promise<ActivityServer<ActivityOfType<T>, PageOfType<T>>> {
  return (await activityServers()).get(type) as unknown as ActivityServer<ActivityOfType<T>, PageOfType<T>>;
}
