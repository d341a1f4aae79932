/**
 * The trainer's side of "Skriv begrundelsen": a cohort's submitted texts per begrundelse activity
 * (each participant's latest), the trainer's assessment of a text per criterion with a comment,
 * the texts marked "Til drøftelse", and the self-assessment beside the trainer's assessment.
 *
 * Texts are personal data. Everything here is for one cohort, and reaches only the texts of its
 * active members for the begrundelser of its modules; the routes have checked that the user
 * trains the cohort or is an administrator (`requireTrainerCohort`).
 */
import { sql } from "kysely";
import type { CompiledCourse } from "~/content/types";
import type { CriterionRatingValue } from "~/content/vocabulary";
import type { DB } from "~/db/database.server";
import { activitiesOfType } from "../registry";
import { groupRatings } from "./attempts.server";
import { agreementByCriterion, selfHigherSentence, type CriterionAgreement } from "./agreement";
import type { BegrundelseActivity } from "./content";

type Ratings = Record<string, CriterionRatingValue>;

export interface CohortText {
  attemptId: string;
  activityId: string;
  userId: string;
  name: string;
  /** "Deltager 3": the participant's number in the cohort (by when they joined), the same on every page. */
  participant: number;
  attemptNumber: number;
  submittedAt: Date;
  text: string;
  self: Ratings | null;
  review: { ratings: Ratings; comment: string | null; trainerName: string | null; updatedAt: Date } | null;
  forDiscussion: boolean;
}

export interface CohortBegrundelse {
  activity: BegrundelseActivity;
  memberCount: number;
  texts: CohortText[];
  figures: CriterionAgreement[];
  /** "Deltagerne vurderer sig selv højere end du på: …", or null. */
  higher: string | null;
}

interface CohortRef {
  id: string;
  moduleIds: string[];
}

/** The begrundelse activities of the cohort's modules, in course order. */
export function cohortBegrundelseActivities(course: CompiledCourse, cohort: CohortRef): BegrundelseActivity[] {
  const modules = course.modules.filter((module) => cohort.moduleIds.includes(module.id));
  return activitiesOfType(
    modules.flatMap((module) => module.activities),
    "begrundelse",
  );
}

/** The cohort's active members, numbered as "Deltager 1, 2, …" by when they joined. */
async function participantNumbers(db: DB, cohortId: string) {
  const rows = await db
    .selectFrom("cohort_members")
    .innerJoin("users", "users.id", "cohort_members.user_id")
    .select(["users.id", "users.name"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("users.active", "=", true)
    .orderBy("cohort_members.joined_at")
    .orderBy("users.id")
    .execute();
  return new Map(rows.map((row, index) => [row.id, { name: row.name, participant: index + 1 }]));
}

/**
 * The texts of the cohort for these activities: each member's latest submitted attempt, or, with
 * `attemptId`, that one attempt (it must be a member's, at one of the activities).
 */
async function cohortTexts(
  db: DB,
  cohortId: string,
  activityIds: string[],
  options: { attemptId?: string; discussionOnly?: boolean } = {},
): Promise<{ texts: CohortText[]; memberCount: number }> {
  const members = await participantNumbers(db, cohortId);
  if (activityIds.length === 0 || members.size === 0) return { texts: [], memberCount: members.size };
  const memberIds = [...members.keys()];
  const attempts = options.attemptId
    ? await db
        .selectFrom("begrundelse_attempts")
        .select(["id", "user_id", "activity_id", "number", "submitted_at", "submitted_text"])
        .where("id", "=", options.attemptId)
        .where("user_id", "in", memberIds)
        .where("activity_id", "in", activityIds)
        .where("status", "!=", "draft")
        .execute()
    : (
        await sql<{
          id: string;
          user_id: string;
          activity_id: string;
          number: number;
          submitted_at: Date;
          submitted_text: string;
        }>`
          select distinct on (user_id, activity_id) id, user_id, activity_id, number, submitted_at, submitted_text
          from begrundelse_attempts
          where user_id = any(${sql`${memberIds}::uuid[]`}) and activity_id = any(${sql`${activityIds}::text[]`})
            and status <> 'draft'
          order by user_id, activity_id, number desc`.execute(db)
      ).rows;
  const ids = attempts.map((attempt) => attempt.id);
  if (ids.length === 0) return { texts: [], memberCount: members.size };
  const [selfRows, reviewRows, ratingRows, discussionRows] = await Promise.all([
    db
      .selectFrom("begrundelse_self_ratings")
      .select(["attempt_id", "criterion_id", "rating"])
      .where("attempt_id", "in", ids)
      .execute(),
    db
      .selectFrom("begrundelse_reviews")
      .leftJoin("users", "users.id", "begrundelse_reviews.trainer_id")
      .select([
        "begrundelse_reviews.attempt_id",
        "begrundelse_reviews.comment",
        "begrundelse_reviews.updated_at",
        "users.name",
      ])
      .where("begrundelse_reviews.attempt_id", "in", ids)
      .execute(),
    db
      .selectFrom("begrundelse_review_ratings")
      .select(["attempt_id", "criterion_id", "rating"])
      .where("attempt_id", "in", ids)
      .execute(),
    db
      .selectFrom("begrundelse_discussions")
      .select("attempt_id")
      .where("cohort_id", "=", cohortId)
      .where("attempt_id", "in", ids)
      .execute(),
  ]);
  const self = groupRatings(selfRows);
  const reviewed = groupRatings(ratingRows);
  const reviews = new Map(reviewRows.map((row) => [row.attempt_id, row]));
  const discussed = new Set(discussionRows.map((row) => row.attempt_id));
  const texts = attempts
    .map((attempt): CohortText => {
      const member = members.get(attempt.user_id)!;
      const review = reviews.get(attempt.id);
      return {
        attemptId: attempt.id,
        activityId: attempt.activity_id,
        userId: attempt.user_id,
        name: member.name,
        participant: member.participant,
        attemptNumber: attempt.number,
        submittedAt: new Date(attempt.submitted_at!),
        text: attempt.submitted_text ?? "",
        self: self.get(attempt.id) ?? null,
        review: review
          ? {
              ratings: reviewed.get(attempt.id) ?? {},
              comment: review.comment,
              trainerName: review.name,
              updatedAt: review.updated_at,
            }
          : null,
        forDiscussion: discussed.has(attempt.id),
      };
    })
    .filter((text) => !options.discussionOnly || text.forDiscussion)
    .sort((a, b) => a.participant - b.participant);
  return { texts, memberCount: members.size };
}

/** Every begrundelse of the cohort with its texts and the self- and trainer assessment side by side. */
export async function cohortBegrundelser(
  db: DB,
  course: CompiledCourse,
  cohort: CohortRef,
  options: { discussionOnly?: boolean } = {},
): Promise<CohortBegrundelse[]> {
  const activities = cohortBegrundelseActivities(course, cohort);
  const { texts, memberCount } = await cohortTexts(
    db,
    cohort.id,
    activities.map((activity) => activity.id),
    options,
  );
  return activities.map((activity) => {
    const own = texts.filter((text) => text.activityId === activity.id);
    const figures = agreementByCriterion(
      activity.begrundelse.criteria,
      own.map((text) => ({ self: text.self, trainer: text.review?.ratings ?? null })),
    );
    return { activity, memberCount, texts: own, figures, higher: selfHigherSentence(figures) };
  });
}

/** One submitted text of the cohort, with its activity; null when it is not one of the cohort's. */
export async function cohortText(
  db: DB,
  course: CompiledCourse,
  cohort: CohortRef,
  attemptId: string,
): Promise<{ activity: BegrundelseActivity; text: CohortText } | null> {
  const activities = cohortBegrundelseActivities(course, cohort);
  const { texts } = await cohortTexts(
    db,
    cohort.id,
    activities.map((activity) => activity.id),
    { attemptId },
  );
  const text = texts[0];
  if (!text) return null;
  return { activity: activities.find((activity) => activity.id === text.activityId)!, text };
}

/**
 * Saves the trainer's assessment of a text: a rating per criterion and an optional comment.
 * Idempotent (the same form twice leaves the same rows); two trainers saving at once are
 * serialised on the attempt's row, so the text ends with one trainer's complete assessment,
 * never a mix of both.
 */
export async function saveReview(
  db: DB,
  input: {
    attemptId: string;
    learnerId: string;
    activityId: string;
    trainerId: string;
    ratings: Ratings;
    comment: string | null;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .selectFrom("begrundelse_attempts")
      .select("id")
      .where("id", "=", input.attemptId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const now = new Date();
    await trx
      .insertInto("begrundelse_reviews")
      .values({
        attempt_id: input.attemptId,
        user_id: input.learnerId,
        activity_id: input.activityId,
        trainer_id: input.trainerId,
        comment: input.comment,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column("attempt_id").doUpdateSet({ trainer_id: input.trainerId, comment: input.comment, updated_at: now }),
      )
      .execute();
    await trx.deleteFrom("begrundelse_review_ratings").where("attempt_id", "=", input.attemptId).execute();
    await trx
      .insertInto("begrundelse_review_ratings")
      .values(
        Object.entries(input.ratings).map(([criterionId, rating]) => ({
          attempt_id: input.attemptId,
          user_id: input.learnerId,
          activity_id: input.activityId,
          criterion_id: criterionId,
          rating,
        })),
      )
      .execute();
  });
}

/** Marks a text "Til drøftelse" for the cohort's classroom day, or takes the mark off. Idempotent. */
export async function setForDiscussion(
  db: DB,
  input: { cohortId: string; attemptId: string; learnerId: string; trainerId: string; on: boolean },
): Promise<void> {
  if (input.on) {
    await db
      .insertInto("begrundelse_discussions")
      .values({
        cohort_id: input.cohortId,
        attempt_id: input.attemptId,
        user_id: input.learnerId,
        marked_by: input.trainerId,
      })
      .onConflict((oc) => oc.columns(["cohort_id", "attempt_id"]).doNothing())
      .execute();
  } else {
    await db
      .deleteFrom("begrundelse_discussions")
      .where("cohort_id", "=", input.cohortId)
      .where("attempt_id", "=", input.attemptId)
      .execute();
  }
}
