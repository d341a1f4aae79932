/**
 * The activity page (`/moduler/<module>/<activity>`) for every activity type: the loader asks
 * the activity's type for its page, an action posts `intent=<type>.<name>` to the type's intent.
 * The route module only requires the user and delegates here.
 */
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { SessionUser } from "~/auth/session.server";
import { proseFragment } from "~/content/prose.server";
import type { Activity, CourseModule } from "~/content/types";
import type { DB } from "~/db/database.server";
import { badRequest } from "~/utils/http.server";
import type { ActivityActionResult, ActivityRequest } from "./activity-type";
import { activityServer, activityServers, activityTypeLabel, type ActivityPageView } from "./registry";

function activityRequest(
  db: DB,
  user: SessionUser,
  module: CourseModule,
  activity: Activity,
  url: URL,
  referer: string | null = null,
  context?: AppLoadContext,
): ActivityRequest<Activity> {
  const here = `/moduler/${module.id}/${activity.id}`;
  let fromHere = false;
  try {
    const from = referer ? new URL(referer) : null;
    fromHere = from !== null && from.origin === url.origin && from.pathname === here;
  } catch {
    // An unreadable Referer says nothing about where the learner came from.
  }
  const prose = (key: string, html: string) => proseFragment(context, key, html);
  return { db, user, module, activity, url, here, fromHere, prose };
}

/** The page's data: (db, user, module, activity, url, the Referer, the request's load context). */
export async function loadActivityPage(...input: Parameters<typeof activityRequest>) {
  const request = activityRequest(...input);
  const { module, activity } = request;
  const server = await activityServer(activity.type);
  // Each type's server gets only its own activities: the registry keys them by `type`.
  const page = await (server.load as (request: ActivityRequest<Activity>) => Promise<unknown>)(request);
  return {
    module: { id: module.id, title: module.title },
    activity: {
      id: activity.id,
      title: activity.title,
      type: activity.type,
      typeLabel: activityTypeLabel(activity.type),
    },
    view: { type: activity.type, page } as ActivityPageView,
  };
}

const intentSchema = z.string().regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/);

/** Handles a POST to the activity page. Returns a redirect, or data with a Danish error. */
export async function handleActivityAction(
  db: DB,
  user: SessionUser,
  module: CourseModule,
  activity: Activity,
  form: FormData,
  url: URL,
): Promise<ActivityActionResult> {
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) badRequest("Ukendt handling.");
  const [type, name] = intent.data.split(".") as [string, string];
  const servers = await activityServers();
  const intentType = [...servers].find(([known, server]) => known === type && Object.hasOwn(server.intents, name));
  if (!intentType) badRequest("Ukendt handling.");
  if (type !== activity.type)
    badRequest(`Handlingen passer ikke til en ${activityTypeLabel(activity.type).toLowerCase()}.`);
  const handler = intentType[1].intents[name]!;
  return handler(activityRequest(db, user, module, activity, url), form);
}
