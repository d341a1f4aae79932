/**
 * What the trainer's begrundelse pages load and do (the routes under
 * /underviser/hold/<id>/begrundelser only call these): the overview of a cohort's texts with the
 * self- and trainer assessment side by side, one text with the trainer's assessment form, and the
 * printed material of the texts marked "Til drøftelse". Every loader and action starts with
 * `requireTrainerCohort` (the cohort's own trainers and administrators; 403 otherwise), and every
 * post is read with zod.
 */
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { getCourse } from "~/content/content.server";
import { parseSubmission, refuse } from "~/forms/submission.server";
import type { DB } from "~/db/database.server";
import { requireTrainerCohort } from "~/trainer/cohorts.server";
import { formatDateTime } from "~/utils/danish";
import { notFound } from "~/utils/http.server";
import { metCount } from "./agreement";
import type { BegrundelseActivity } from "./content";
import { cohortBegrundelser, cohortText, saveReview, setForDiscussion, type CohortText } from "./reviews.server";
import { DISCUSSION_FORM, REVIEW_FORM } from "./review-forms";
import { readRatings } from "./text";

export const COMMENT_MAX = 2000;

const ATTEMPT_ID = z.string().uuid();

const participantLabel = (text: Pick<CohortText, "participant" | "name">, names: boolean) =>
  names ? `Deltager ${text.participant} (${text.name})` : `Deltager ${text.participant}`;

/** The criteria and task as the trainer reads them (labels, explanations), never a learner's name. */
const activityView = (activity: BegrundelseActivity) => ({
  id: activity.id,
  title: activity.title,
  taskHtml: activity.begrundelse.taskHtml,
  criteria: activity.begrundelse.criteria.map(({ id, label, explanationHtml }) => ({ id, label, explanationHtml })),
});

function textSummary(text: CohortText, activity: BegrundelseActivity, names: boolean) {
  const criteria = activity.begrundelse.criteria;
  return {
    attemptId: text.attemptId,
    who: participantLabel(text, names),
    attemptNumber: text.attemptNumber,
    submittedAt: formatDateTime(text.submittedAt),
    self: text.self ? `${metCount(text.self, criteria)} opfyldt` : "Ikke vurderet endnu",
    trainer: text.review ? `${metCount(text.review.ratings, criteria)} opfyldt` : null,
    forDiscussion: text.forDiscussion,
  };
}

/** The cohort page's section: per begrundelse, how many submitted and the texts as "Deltager N". */
export async function begrundelseSummaries(db: DB, cohort: { id: string; moduleIds: string[] }) {
  const begrundelser = await cohortBegrundelser(db, await getCourse(), cohort);
  return begrundelser.map(({ activity, memberCount, texts, higher }) => ({
    id: activity.id,
    title: activity.title,
    memberCount,
    submitted: texts.length,
    assessed: texts.filter((text) => text.review).length,
    texts: texts.map((text) => textSummary(text, activity, false)),
    higher,
  }));
}

export type BegrundelseSummaries = Awaited<ReturnType<typeof begrundelseSummaries>>;

/** /underviser/hold/<id>/begrundelser: every begrundelse's texts and figures; names with ?navne=1. */
export async function begrundelserPage(request: Request, cohortId: string | undefined) {
  const { db, cohort } = await requireTrainerCohort(request, cohortId);
  const names = new URL(request.url).searchParams.get("navne") === "1";
  const begrundelser = await cohortBegrundelser(db, await getCourse(), cohort);
  return {
    cohort: { id: cohort.id, name: cohort.name },
    names,
    begrundelser: begrundelser.map(({ activity, memberCount, texts, figures, higher }) => ({
      activity: activityView(activity),
      memberCount,
      texts: texts.map((text) => textSummary(text, activity, names)),
      figures,
      higher,
      forDiscussion: texts.filter((text) => text.forDiscussion).length,
    })),
  };
}

async function requireText(request: Request, cohortId: string | undefined, attemptId: string | undefined) {
  const { db, user, cohort } = await requireTrainerCohort(request, cohortId);
  const parsed = ATTEMPT_ID.safeParse(attemptId);
  const found = parsed.success ? await cohortText(db, await getCourse(), cohort, parsed.data) : null;
  if (!found) notFound("Teksten findes ikke på dette hold.");
  return { db, user, cohort, ...found };
}

/** /underviser/hold/<id>/begrundelser/<attempt>: one text, the learner's own rating and the trainer's form. */
export async function begrundelseTextPage(
  request: Request,
  cohortId: string | undefined,
  attemptId: string | undefined,
) {
  const { cohort, activity, text } = await requireText(request, cohortId, attemptId);
  const names = new URL(request.url).searchParams.get("navne") === "1";
  return {
    cohort: { id: cohort.id, name: cohort.name, archived: cohort.archivedAt !== null },
    names,
    activity: activityView(activity),
    text: {
      attemptId: text.attemptId,
      who: participantLabel(text, names),
      attemptNumber: text.attemptNumber,
      submittedAt: formatDateTime(text.submittedAt),
      body: text.text,
      self: text.self,
      review: text.review
        ? {
            ratings: text.review.ratings,
            comment: text.review.comment,
            by: text.review.trainerName,
            at: formatDateTime(text.review.updatedAt),
          }
        : null,
      forDiscussion: text.forDiscussion,
    },
    commentMax: COMMENT_MAX,
    saved: new URL(request.url).searchParams.get("gemt"),
  };
}

export const reviewSchema = z.object({
  intent: z.literal("review"),
  comment: z
    .string({ error: "Kommentaren mangler i formularen." })
    .trim()
    .max(COMMENT_MAX, `Kommentaren må højst være ${COMMENT_MAX} tegn.`)
    .transform((comment) => comment || null),
});
const discussionSchema = z.object({ intent: z.literal("discussion"), on: z.enum(["1", "0"]) });
// The ratings (rating-<criterion>) are read by readRatings, which knows the begrundelse's criteria.
const actionSchema = z.discriminatedUnion("intent", [reviewSchema, discussionSchema], {
  error: "Ukendt handling.",
});

/** Saves the trainer's assessment of the text, or marks it for discussion. */
export async function begrundelseTextAction(
  request: Request,
  cohortId: string | undefined,
  attemptId: string | undefined,
) {
  const { db, user, cohort, activity, text } = await requireText(request, cohortId, attemptId);
  const form = await request.formData();
  const submission = parseSubmission(form, actionSchema);
  const formId = submission.payload.intent === DISCUSSION_FORM ? DISCUSSION_FORM : REVIEW_FORM;
  if (cohort.archivedAt) {
    return refuse(formId, submission, { form: "Holdet er arkiveret, så vurderingerne kan ikke ændres." }, 409);
  }
  // The intent and the mark are hidden fields: what is wrong with them is the form's, not a field's.
  const errors = submission.status === "success" ? {} : (submission.error ?? {});
  const hidden = ["intent", "on"].map((name) => errors[name]?.[0]).find(Boolean);
  if (hidden) return refuse(formId, null, { form: hidden });
  const here = `/underviser/hold/${cohort.id}/begrundelser/${text.attemptId}`;
  const names = new URL(request.url).searchParams.get("navne") === "1" ? "&navne=1" : "";
  if (submission.status === "success" && submission.value.intent === "discussion") {
    await setForDiscussion(db, {
      cohortId: cohort.id,
      attemptId: text.attemptId,
      learnerId: text.userId,
      trainerId: user.id,
      on: submission.value.on === "1",
    });
    return redirect(`${here}?gemt=droeftelse${names}`);
  }
  // The comment and every criterion's rating are refused together, so one round names all that is missing.
  const ratings = readRatings(activity.begrundelse.criteria, form.entries());
  if (!ratings.ok) return refuse(formId, submission, { fields: ratings.errors, form: ratings.message });
  if (submission.status !== "success" || submission.value.intent !== "review") return refuse(formId, submission);
  await saveReview(db, {
    attemptId: text.attemptId,
    learnerId: text.userId,
    activityId: activity.id,
    trainerId: user.id,
    ratings: ratings.ratings,
    comment: submission.value.comment,
  });
  return redirect(`${here}?gemt=vurdering${names}`);
}

/** /underviser/hold/<id>/begrundelser/print: the texts marked for discussion, never with names. */
export async function begrundelserPrintPage(request: Request, cohortId: string | undefined) {
  const { db, cohort } = await requireTrainerCohort(request, cohortId);
  const begrundelser = await cohortBegrundelser(db, await getCourse(), cohort, { discussionOnly: true });
  return {
    cohort: { id: cohort.id, name: cohort.name },
    begrundelser: begrundelser
      .filter((begrundelse) => begrundelse.texts.length > 0)
      .map(({ activity, texts }) => ({
        activity: activityView(activity),
        texts: texts.map((text) => ({
          attemptId: text.attemptId,
          who: `Deltager ${text.participant}`,
          body: text.text,
        })),
      })),
  };
}
