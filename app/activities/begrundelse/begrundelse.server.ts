/**
 * A begrundelse on the server: the page, the intents (`draft`, `submit`, `assess`, `again`),
 * its status on the module page, what is missing for the certificate, and its export columns.
 * The criteria and the model answer join the page only once the text is submitted (the labels)
 * and self-assessed (the explanations and the model answer). It is completed on the
 * self-assessment.
 */
import { data, redirect } from "@remix-run/node";
import { sql } from "kysely";
import { z } from "zod";
import type { ActivityReply, ActivityRequest, ActivityServer } from "../activity-type";
import { formLevel } from "~/forms/form-level";
import { accept, parseSubmission, refuse } from "~/forms/submission.server";
import { titleInSentence } from "~/progress/passing";
import type { CriterionRatingValue } from "~/content/vocabulary";
import { danishDay, formatClock, formatDate, formatDateTime } from "~/utils/danish";
import { metCount } from "./agreement";
import {
  learnerAttempts,
  moduleBegrundelseStates,
  saveDraft,
  saveSelfAssessment,
  startNewAttempt,
  submitText,
  type LearnerAttempt,
} from "./attempts.server";
import type { BegrundelseActivity } from "./content";
import { BEGRUNDELSE_FORMS, type BegrundelsePage, type BegrundelseStep, type EarlierAttempt } from "./page";
import { normaliseText, readRatings, readText } from "./text";

type Request = ActivityRequest<BegrundelseActivity>;

const INVALID = "Formularen er ugyldig. Genindlæs siden.";
/** The attempt the text is written in: none yet ("") for the first draft. The text is read by `readText`. */
const textFormSchema = formLevel(
  z.object({
    attempt: z
      .union([z.literal("", { error: INVALID }), z.uuid({ error: INVALID })], { error: INVALID })
      .optional()
      .transform((id) => id || null),
  }),
);
const assessFormSchema = formLevel(z.object({ attempt: z.uuid({ error: INVALID }) }));
const againFormSchema = formLevel(z.object({ prefill: z.string({ error: INVALID }).optional() }));

async function writeText({ db, user, activity, here }: Request, form: FormData, submitting: boolean) {
  const TEXT = BEGRUNDELSE_FORMS.text;
  // Every refusal gives the learner's text back (the submission's values), so nothing typed is lost.
  const submission = parseSubmission(form, textFormSchema);
  if (submission.status !== "success") return refuse(TEXT, submission);
  const { attempt: attemptId } = submission.value;
  const raw = form.get("text");
  const limits = { minLength: activity.begrundelse.minLength, maxLength: activity.begrundelse.maxLength };
  const reading = readText(raw, limits, { submitting });
  if (!reading.ok) {
    // A text too short to submit is still saved as the draft, so nothing is lost.
    if (typeof raw === "string" && submitting && reading.length <= limits.maxLength) {
      const saved = await saveDraft(db, { userId: user.id, activity, attemptId, text: normaliseText(raw) });
      if (!saved.ok) return refuse(TEXT, submission, { form: saved.message }, saved.status);
      return refuse(TEXT, submission, {
        form: `${reading.message} Din tekst er gemt som kladde.`,
        fields: { text: reading.message },
      });
    }
    return refuse(TEXT, submission, { form: reading.message, fields: { text: reading.message } });
  }
  if (!submitting) {
    const saved = await saveDraft(db, { userId: user.id, activity, attemptId, text: reading.text });
    if (!saved.ok) return refuse(TEXT, submission, { form: saved.message }, saved.status);
    // The page's autosave stays where it is; "Gem kladde" (also without JavaScript) reloads the page.
    if (form.get("autosave") === "1") {
      const { data: reply, init } = accept(TEXT, submission);
      const at = savedWhen(saved.savedAt);
      return data<ActivityReply>(
        { ...reply, saved: { at, iso: saved.savedAt.toISOString(), attemptId: saved.attemptId } },
        init ?? undefined,
      );
    }
    return redirect(`${here}#tekst`);
  }
  const submitted = await submitText(db, { userId: user.id, activity, attemptId, text: reading.text });
  if (!submitted.ok) return refuse(TEXT, submission, { form: submitted.message }, submitted.status);
  return redirect(`${here}#vurdering`);
}

/** "kl. 14.32" today, "3. december 2026 kl. 14.32" another day. */
export const savedWhen = (at: Date, now = new Date()) =>
  danishDay(at) === danishDay(now) ? `kl. ${formatClock(at)}` : formatDateTime(at);

const ratingsSummary = (ratings: Record<string, CriterionRatingValue> | null, activity: BegrundelseActivity) =>
  ratings ? `${metCount(ratings, activity.begrundelse.criteria)} kriterier opfyldt` : null;

function currentStep(activity: BegrundelseActivity, attempt: LearnerAttempt | undefined): BegrundelseStep {
  const { begrundelse } = activity;
  if (!attempt) return { kind: "writing", attemptId: null, number: 1, text: "", savedAt: null };
  if (attempt.status === "draft") {
    return {
      kind: "writing",
      attemptId: attempt.id,
      number: attempt.number,
      text: attempt.draftText,
      savedAt:
        attempt.draftText === "" ? null : { label: savedWhen(attempt.updatedAt), iso: attempt.updatedAt.toISOString() },
    };
  }
  const text = attempt.submittedText ?? "";
  if (attempt.status === "submitted") {
    return {
      kind: "self-assessment",
      attemptId: attempt.id,
      number: attempt.number,
      text,
      criteria: begrundelse.criteria.map(({ id, label }) => ({ id, label })),
    };
  }
  return {
    kind: "review",
    attemptId: attempt.id,
    number: attempt.number,
    text,
    criteria: begrundelse.criteria.map((criterion) => ({
      id: criterion.id,
      label: criterion.label,
      explanationHtml: criterion.explanationHtml,
      self: attempt.selfRatings?.[criterion.id] ?? null,
      trainer: attempt.review?.ratings[criterion.id] ?? null,
    })),
    modelAnswerHtml: begrundelse.modelAnswerHtml,
    trainer: attempt.review ? { comment: attempt.review.comment, at: formatDateTime(attempt.review.updatedAt) } : null,
  };
}

export const begrundelseServer: ActivityServer<BegrundelseActivity, BegrundelsePage> = {
  async load({ db, user, activity }) {
    const { begrundelse } = activity;
    const attempts = await learnerAttempts(db, user.id, activity.id);
    const current = attempts.at(-1);
    const earlier: EarlierAttempt[] = attempts
      .slice(0, -1)
      .filter((attempt) => attempt.submittedAt)
      .reverse()
      .map((attempt) => ({
        number: attempt.number,
        submittedOn: formatDate(attempt.submittedAt!),
        text: attempt.submittedText ?? "",
        self: ratingsSummary(attempt.selfRatings, activity),
        trainer: attempt.review ? ratingsSummary(attempt.review.ratings, activity) : null,
        trainerComment: attempt.review?.comment ?? null,
      }));
    return {
      introHtml: activity.introHtml,
      taskHtml: begrundelse.taskHtml,
      documents: begrundelse.documents.map((document) => ({
        key: document.id,
        title: document.title,
        html: document.html,
        isNew: false,
      })),
      minLength: begrundelse.minLength,
      maxLength: begrundelse.maxLength,
      step: currentStep(activity, current),
      earlier,
      olderVersion: current !== undefined && current.contentVersion !== activity.version,
    };
  },
  intents: {
    draft: (request, form) => writeText(request, form, false),
    submit: (request, form) => writeText(request, form, true),
    async assess({ db, user, activity, here }, form) {
      const ASSESS = BEGRUNDELSE_FORMS.assess;
      // A refusal keeps the ratings chosen (the submission's values).
      const submission = parseSubmission(form, assessFormSchema);
      if (submission.status !== "success") return refuse(ASSESS, submission);
      const attemptId = submission.value.attempt;
      const reading = readRatings(activity.begrundelse.criteria, form.entries());
      if (!reading.ok) return refuse(ASSESS, submission, { form: reading.message, fields: reading.errors });
      const saved = await saveSelfAssessment(db, { userId: user.id, activity, attemptId, ratings: reading.ratings });
      if (!saved.ok) return refuse(ASSESS, submission, { form: saved.message }, saved.status);
      return redirect(`${here}#sammenligning`);
    },
    async again({ db, user, activity, here }, form) {
      const AGAIN = BEGRUNDELSE_FORMS.again;
      const submission = parseSubmission(form, againFormSchema);
      if (submission.status !== "success") return refuse(AGAIN, submission);
      const prefill = submission.value.prefill === "1";
      const started = await startNewAttempt(db, { userId: user.id, activity, prefill });
      if (!started.ok) return refuse(AGAIN, submission, { form: started.message }, started.status);
      return redirect(`${here}#tekst`);
    },
  },
  async statuses(db, userId, moduleId) {
    const states = await moduleBegrundelseStates(db, userId, moduleId);
    return (activity, done) => {
      const state = states.get(activity.id);
      const details = state?.reviewed ? ["Din underviser har kommenteret din begrundelse"] : [];
      if (state && state.attempts > 1) details.push(`${state.attempts} forsøg`);
      if (done) return { label: "Vurderet", tone: "done", details };
      if (state?.status === "submitted") return { label: "Indsendt, ikke vurderet", tone: "partial", details };
      if (state?.status === "draft") return { label: "Kladde gemt", tone: "partial", details };
      return { label: "Ikke skrevet", tone: "todo", details };
    };
  },
  missing: (activity, standing) =>
    standing.played
      ? `Begrundelsen ${titleInSentence(activity.title)} er skrevet, men ikke indsendt og vurderet endnu.`
      : `Begrundelsen ${titleInSentence(activity.title)} er ikke skrevet endnu.`,
  learnerRecords: { table: "begrundelse_attempts", at: "updated_at" },
  exportOrder: 3,
  async exportColumns(db, members, activities) {
    const ids = activities.map((activity) => activity.id);
    // Each participant's latest submitted text per activity, with its ratings.
    const rows = await sql<{ userId: string; activityId: string; self: string | null; trainer: string | null }>`
      with latest as (
        select distinct on (user_id, activity_id) id, user_id, activity_id
        from begrundelse_attempts
        where user_id in ${members} and activity_id = any(${sql`${ids}::text[]`}) and status <> 'draft'
        order by user_id, activity_id, number desc
      )
      select l.user_id as "userId", l.activity_id as "activityId",
        (select count(*) filter (where s.rating = 'opfyldt') || '/' || count(*) from begrundelse_self_ratings s where s.attempt_id = l.id having count(*) > 0) as self,
        (select count(*) filter (where r.rating = 'opfyldt') || '/' || count(*) from begrundelse_review_ratings r where r.attempt_id = l.id having count(*) > 0) as trainer
      from latest l`.execute(db);
    const rowOf = (userId: string, activityId: string) =>
      rows.rows.find((row) => row.userId === userId && row.activityId === activityId);
    const criteriaMet = (value: string | null | undefined) => (value ? value.replace("/", " af ") : "");
    return activities.flatMap((activity) => [
      {
        type: "text" as const,
        header: `${activity.title}: indsendt`,
        cell: (userId: string) => (rowOf(userId, activity.id) ? "ja" : "nej"),
      },
      {
        type: "text" as const,
        header: `${activity.title}: selvvurdering (kriterier opfyldt)`,
        cell: (userId: string) => criteriaMet(rowOf(userId, activity.id)?.self),
      },
      {
        type: "text" as const,
        header: `${activity.title}: underviserens vurdering (kriterier opfyldt)`,
        cell: (userId: string) => criteriaMet(rowOf(userId, activity.id)?.trainer),
      },
    ]);
  },
};
