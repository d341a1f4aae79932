/**
 * A case on the server: the page, the intents (start, restart, choose, continue), its status
 * on the module page, and its columns in the export.
 * A case is completed when an attempt reaches an outcome (`chooseInAttempt`).
 */
import { redirect } from "@remix-run/node";
import { sql } from "kysely";
import { z } from "zod";
import type { ActivityServer, ActivityStatus } from "../activity-type";
import { inlineProse } from "~/content/prose.server";
import { formLevel } from "~/forms/form-level";
import { parseSubmission, refuse } from "~/forms/submission.server";
import { RESULTS, isKeyOf } from "~/content/vocabulary";
import { casePassLevel, titleInSentence } from "~/progress/passing";
import {
  acknowledgeFeedback,
  caseSummaries,
  chooseInAttempt,
  loadAttempt,
  startAttempt,
  type CaseSummary,
} from "./attempts.server";
import { wayForward } from "../next-activity";
import type { CaseActivity } from "./content";
import { CASE_FORMS, type CasePage } from "./page";

/** The step the form was shown at (a choice from a stale tab is refused), with the form's one message. */
const seqSchema = (message: string) => z.coerce.number({ error: message }).int(message).min(0, message);
const CHOOSE = "Vælg en af mulighederne.";
// The case's forms are buttons: whatever is wrong in them is the form's, not a field's.
const chooseSchema = formLevel(
  z.object({ seq: seqSchema(CHOOSE), choice: z.string({ error: CHOOSE }).regex(/^\d{1,3}$/, CHOOSE) }),
);
const continueSchema = formLevel(z.object({ seq: seqSchema("Ugyldig formular.") }));

const resultLabel = (result: string | null) =>
  result && isKeyOf(RESULTS, result) ? RESULTS[result].toLowerCase() : "";

function caseStatus(done: boolean, summary: CaseSummary | undefined): ActivityStatus {
  if (!summary?.latest) return { label: "Ikke påbegyndt", tone: "todo", details: [] };
  const details: string[] = [];
  if (summary.best) {
    details.push(
      `Bedste: ${resultLabel(summary.best.result)}, ${summary.best.score} af ${summary.best.maxScore} point`,
    );
  }
  if (summary.latest.status === "active") details.push("Seneste: i gang");
  else if (summary.attempts > 1) {
    details.push(
      `Seneste: ${resultLabel(summary.latest.result)}, ${summary.latest.score} af ${summary.latest.maxScore} point`,
    );
  }
  // `done` is the pass rule's: an ending at the case's pass level. A case only lost is played, not passed.
  if (done) return { label: "Bestået", tone: "done", details };
  if (summary.latest.status === "active") return { label: "I gang", tone: "partial", details };
  return { label: "Spillet, ikke bestået", tone: "wrong", details };
}

export const caseServer: ActivityServer<CaseActivity, CasePage> = {
  async load({ db, user, module, activity, fromHere, prose }) {
    return {
      intro: (prose ?? inlineProse)("intro", activity.introHtml),
      stepCount: activity.case.steps.length,
      attempt: await loadAttempt(db, user.id, activity, { returning: !fromHere, module, prose }),
      way: wayForward(module, activity.id),
    };
  },
  intents: {
    async start({ db, user, activity, here }) {
      await startAttempt(db, user.id, activity);
      return redirect(here);
    },
    async restart({ db, user, activity, here }) {
      await startAttempt(db, user.id, activity, { fresh: true });
      return redirect(here);
    },
    async choose({ db, user, activity, here }, form) {
      const submission = parseSubmission(form, chooseSchema);
      if (submission.status !== "success") return refuse(CASE_FORMS.choose, submission);
      const result = await chooseInAttempt(db, { userId: user.id, activity, ...submission.value });
      if (!result.ok) return refuse(CASE_FORMS.choose, submission, { form: result.message }, result.status);
      return redirect(here);
    },
    async continue({ db, user, activity, here }, form) {
      const submission = parseSubmission(form, continueSchema);
      if (submission.status !== "success") return refuse(CASE_FORMS.continue, submission);
      await acknowledgeFeedback(db, user.id, activity, submission.value.seq);
      return redirect(here);
    },
  },
  async statuses(db, userId, moduleId) {
    const summaries = await caseSummaries(db, userId, moduleId);
    return (activity, done) => caseStatus(done, summaries.get(activity.id));
  },
  missing(activity, standing) {
    const title = titleInSentence(activity.title);
    if (standing.inProgress) return `Casen ${title} er i gang: spil den færdig.`;
    if (!standing.played) return `Casen ${title} er ikke spillet endnu.`;
    return casePassLevel(activity) === "delvist"
      ? `Casen ${title} er spillet, men ikke bestået (den skal mindst ende delvist korrekt): prøv igen.`
      : `Casen ${title} er spillet, men ikke bestået (den skal ende korrekt): prøv igen.`;
  },
  learnerRecords: { table: "case_attempts", at: "updated_at" },
  exportOrder: 2,
  async exportColumns(db, members, cases) {
    // Each participant's best finished attempt: the most points, the earliest on a tie.
    const rows = await sql<{ userId: string; activityId: string; score: number; maxScore: number; outcomeId: string }>`
      select distinct on (user_id, activity_id) user_id as "userId", activity_id as "activityId",
        score::int as score, max_score::int as "maxScore", outcome_id as "outcomeId"
      from case_attempts
      where user_id in ${members} and activity_id = any(${sql`${cases.map((c) => c.id)}::text[]`}) and status = 'finished'
      order by user_id, activity_id, score desc, finished_at`.execute(db);
    const best = (userId: string, activityId: string) =>
      rows.rows.find((r) => r.userId === userId && r.activityId === activityId);
    return cases.flatMap((activity) => [
      {
        header: `${activity.title}: bedste point`,
        type: "number" as const,
        cell: (userId: string) => best(userId, activity.id)?.score ?? null,
      },
      {
        header: `${activity.title}: mulige point`,
        type: "number" as const,
        cell: (userId: string) => best(userId, activity.id)?.maxScore ?? null,
      },
      {
        header: `${activity.title}: afslutning`,
        type: "text" as const,
        cell: (userId: string) => {
          const outcome = activity.case.outcomes.find((o) => o.id === best(userId, activity.id)?.outcomeId);
          return outcome ? RESULTS[outcome.result] : null;
        },
      },
    ]);
  },
};
