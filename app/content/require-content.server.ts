/**
 * The module or activity a route's address names, from the course: 404 when it does not exist
 * or is a draft the user may not see.
 */
import { z } from "zod";
import type { Role } from "~/auth/roles";
import { notFound } from "~/utils/http.server";
import { findActivity, findModule, getCourse } from "./content.server";
import { ID_PATTERN, MODULE_ID_PATTERN } from "./format";

const moduleParams = z.object({ moduleId: z.string().regex(MODULE_ID_PATTERN) });
const activityParams = moduleParams.extend({ activityId: z.string().regex(ID_PATTERN) });

/** Drafts are visible to authors and administrators only; for others they do not exist. */
const seesDrafts = (role: Role) => role === "author" || role === "admin";

export async function requireModule(params: Record<string, string | undefined>, role: Role) {
  const parsed = moduleParams.safeParse(params);
  if (!parsed.success) notFound("Modulet findes ikke.");
  const course = await getCourse();
  const module = findModule(course, parsed.data.moduleId, { includeDrafts: seesDrafts(role) });
  if (!module) notFound("Modulet findes ikke.");
  return { course, module };
}

export async function requireActivity(params: Record<string, string | undefined>, role: Role) {
  const found = await requireActivityOrBroken(params, role);
  if (!found.activity) notFound("Aktiviteten findes ikke i dette modul.");
  return { ...found, activity: found.activity };
}

/**
 * The activity, or for an author or administrator an activity file the content check refused,
 * with its errors: the author sees them where the content would be. A learner or trainer never
 * sees a broken activity (404), in development either.
 */
export async function requireActivityOrBroken(params: Record<string, string | undefined>, role: Role) {
  const parsed = activityParams.safeParse(params);
  if (!parsed.success) notFound("Aktiviteten findes ikke.");
  const { course, module } = await requireModule(params, role);
  const activity = findActivity(module, parsed.data.activityId);
  if (activity) return { course, module, activity, broken: null };
  const broken = seesDrafts(role) ? module.brokenActivities?.find((b) => b.id === parsed.data.activityId) : undefined;
  if (!broken) notFound("Aktiviteten findes ikke i dette modul.");
  const problems = course.problems.filter((problem) => problem.file === broken.file);
  return { course, module, activity: null, broken: { ...broken, problems } };
}
