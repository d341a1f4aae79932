/**
 * The activity page (`/moduler/<module>/<activity>`) for every activity type: what its loader
 * returns and what its actions do. The route module only requires the user and delegates here.
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { acknowledgeFeedback, chooseInAttempt, loadCasePage, startAttempt } from "~/cases/attempts.server";
import type { CasePageData } from "~/components/case-player";
import type { LessonViewData } from "~/components/lesson-view";
import { nextActivity } from "~/content/content.server";
import type { Activity, CourseModule } from "~/content/types";
import { ACTIVITY_TYPES } from "~/content/vocabulary";
import type { SessionUser } from "~/auth/session.server";
import type { DB } from "~/db/database.server";
import { completions, recordCompletion } from "~/models/progress.server";
import { badRequest } from "~/utils/forms.server";

export type ActivityView = { kind: "lesson"; lesson: LessonViewData } | { kind: "case"; case: CasePageData };

export async function loadActivityPage(db: DB, user: SessionUser, module: CourseModule, activity: Activity) {
  const header = {
    module: { id: module.id, title: module.title },
    activity: { id: activity.id, title: activity.title, type: activity.type, typeLabel: ACTIVITY_TYPES[activity.type] },
  };
  const view: ActivityView = await (async (): Promise<ActivityView> => {
    switch (activity.type) {
      case "lesson": {
        const done = await completions(db, user.id);
        return {
          kind: "lesson",
          lesson: {
            html: activity.html,
            completed: done.has(activity.id),
            nextLabel: nextActivity(module, activity.id) ? "Næste" : "Afslut modulet",
          },
        };
      }
      case "case": {
        const page = await loadCasePage(db, user.id, activity);
        const introHtml = activity.introHtml;
        if (page.kind === "intro") return { kind: "case", case: { kind: "intro", introHtml, stepCount: activity.case.steps.length } };
        if (page.kind === "outdated") return { kind: "case", case: { kind: "outdated", introHtml } };
        return { kind: "case", case: { kind: "attempt", introHtml, view: page.view, olderVersion: page.olderVersion } };
      }
      default:
        throw new Response("Denne type aktivitet kan endnu ikke vises.", { status: 404 });
    }
  })();
  return { ...header, view };
}

const intents = ["lesson.complete", "case.start", "case.restart", "case.choose", "case.continue"] as const;
const intentSchema = z.enum(intents, { error: "Ukendt handling." });
const seqSchema = z.coerce.number({ error: "Ugyldig formular." }).int().min(0);
const chooseSchema = z.object({
  seq: seqSchema,
  choice: z.string({ error: "Vælg en af mulighederne." }).regex(/^\d{1,3}$/, "Vælg en af mulighederne."),
});

export type ActivityActionResult = { error: string };

/** Handles a POST to the activity page. Returns a redirect, or data with a Danish error. */
export async function handleActivityAction(
  db: DB,
  user: SessionUser,
  module: CourseModule,
  activity: Activity,
  form: FormData,
) {
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) badRequest("Ukendt handling.");
  const here = `/moduler/${module.id}/${activity.id}`;
  const [kind] = intent.data.split(".");
  if (kind !== activity.type) badRequest(`Handlingen passer ikke til en ${ACTIVITY_TYPES[activity.type].toLowerCase()}.`);

  switch (intent.data) {
    case "lesson.complete": {
      await recordCompletion(db, user.id, activity);
      const next = nextActivity(module, activity.id);
      return redirect(next ? `/moduler/${module.id}/${next.id}` : `/moduler/${module.id}`);
    }
    case "case.start":
    case "case.restart":
      if (activity.type !== "case") break;
      await startAttempt(db, user.id, activity, { fresh: intent.data === "case.restart" });
      return redirect(here);
    case "case.choose": {
      if (activity.type !== "case") break;
      const parsed = chooseSchema.safeParse({ seq: form.get("seq"), choice: form.get("choice") });
      if (!parsed.success) return data<ActivityActionResult>({ error: "Vælg en af mulighederne." }, { status: 400 });
      const result = await chooseInAttempt(db, { userId: user.id, activity, ...parsed.data });
      if (!result.ok) return data<ActivityActionResult>({ error: result.message }, { status: result.status });
      return redirect(here);
    }
    case "case.continue": {
      if (activity.type !== "case") break;
      const seq = seqSchema.safeParse(form.get("seq"));
      if (!seq.success) return data<ActivityActionResult>({ error: "Ugyldig formular." }, { status: 400 });
      await acknowledgeFeedback(db, user.id, activity, seq.data);
      return redirect(here);
    }
  }
  badRequest("Ukendt handling.");
}
