/**
 * A learner's attempts at a begrundelse, in the database: the draft, the submission (once), the
 * self-assessment that completes the activity, and a new attempt ("Prøv igen"). Every query is
 * by the learner's own user id: nobody else's text is reachable from here. The trainer's side
 * is in `reviews.server.ts`.
 */
import type { Transaction } from "kysely";
import type { DB } from "~/db/database.server";
import type { BegrundelseStatus, Database } from "~/db/schema";
import type { CriterionRatingValue } from "~/content/vocabulary";
import { recordCompletion } from "~/progress/progress.server";
import type { BegrundelseActivity } from "./content";

type Ratings = Record<string, CriterionRatingValue>;

export interface LearnerAttempt {
  id: string;
  number: number;
  status: BegrundelseStatus;
  contentVersion: string;
  draftText: string;
  submittedText: string | null;
  updatedAt: Date;
  submittedAt: Date | null;
  selfAssessedAt: Date | null;
  selfRatings: Ratings | null;
  review: { ratings: Ratings; comment: string | null; updatedAt: Date } | null;
}

/** Rating rows as each attempt's ratings by criterion. */
export function groupRatings(rows: { attempt_id: string; criterion_id: string; rating: CriterionRatingValue }[]) {
  const by = new Map<string, Ratings>();
  for (const row of rows) by.set(row.attempt_id, { ...by.get(row.attempt_id), [row.criterion_id]: row.rating });
  return by;
}

/** Every attempt of the learner at the activity, oldest first, with their ratings and the trainer's. */
export async function learnerAttempts(db: DB, userId: string, activityId: string): Promise<LearnerAttempt[]> {
  const [attempts, selfRatings, reviews, reviewRatings] = await Promise.all([
    db
      .selectFrom("begrundelse_attempts")
      .selectAll()
      .where("user_id", "=", userId)
      .where("activity_id", "=", activityId)
      .orderBy("number")
      .execute(),
    db
      .selectFrom("begrundelse_self_ratings")
      .select(["attempt_id", "criterion_id", "rating"])
      .where("user_id", "=", userId)
      .where("activity_id", "=", activityId)
      .execute(),
    db
      .selectFrom("begrundelse_reviews")
      .select(["attempt_id", "comment", "updated_at"])
      .where("user_id", "=", userId)
      .where("activity_id", "=", activityId)
      .execute(),
    db
      .selectFrom("begrundelse_review_ratings")
      .select(["attempt_id", "criterion_id", "rating"])
      .where("user_id", "=", userId)
      .where("activity_id", "=", activityId)
      .execute(),
  ]);
  const self = groupRatings(selfRatings);
  const reviewed = groupRatings(reviewRatings);
  const reviewOf = new Map(reviews.map((review) => [review.attempt_id, review]));
  return attempts.map((row) => {
    const review = reviewOf.get(row.id);
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      contentVersion: row.content_version,
      draftText: row.draft_text,
      submittedText: row.submitted_text,
      updatedAt: row.updated_at,
      submittedAt: row.submitted_at,
      selfAssessedAt: row.self_assessed_at,
      selfRatings: self.get(row.id) ?? null,
      review: review
        ? { ratings: reviewed.get(row.id) ?? {}, comment: review.comment, updatedAt: review.updated_at }
        : null,
    };
  });
}

export type Refusal = { ok: false; status: 400 | 404 | 409; message: string };
const refuse = (status: Refusal["status"], message: string): Refusal => ({ ok: false, status, message });

const STALE =
  "Teksten er allerede indsendt og kan ikke ændres længere. Genindlæs siden for at se den, eller start et nyt forsøg med „Prøv igen“.";

type Trx = Transaction<Database>;

/**
 * The attempt a post is about, locked for the transaction: the one named by id (it must be the
 * learner's, at this activity), or, without an id, the learner's latest — the first one is made
 * when there is none yet.
 */
async function lockAttempt(trx: Trx, userId: string, activity: BegrundelseActivity, attemptId: string | null) {
  if (attemptId === null) {
    await trx
      .insertInto("begrundelse_attempts")
      .values({
        user_id: userId,
        activity_id: activity.id,
        module_id: activity.moduleId,
        content_version: activity.version,
        number: 1,
        status: "draft",
      })
      .onConflict((oc) => oc.columns(["user_id", "activity_id", "number"]).doNothing())
      .execute();
  }
  let query = trx
    .selectFrom("begrundelse_attempts")
    .selectAll()
    .where("user_id", "=", userId)
    .where("activity_id", "=", activity.id);
  query = attemptId === null ? query.orderBy("number", "desc").limit(1) : query.where("id", "=", attemptId);
  return query.forUpdate().executeTakeFirst();
}

/** Saves the draft of the learner's current attempt ("Gem kladde", or the page's autosave). */
export async function saveDraft(
  db: DB,
  input: { userId: string; activity: BegrundelseActivity; attemptId: string | null; text: string },
): Promise<{ ok: true; attemptId: string; savedAt: Date } | Refusal> {
  return db.transaction().execute(async (trx) => {
    const attempt = await lockAttempt(trx, input.userId, input.activity, input.attemptId);
    if (!attempt) return refuse(404, "Forsøget findes ikke. Genindlæs siden.");
    if (attempt.status !== "draft") return refuse(409, STALE);
    const savedAt = new Date();
    await trx
      .updateTable("begrundelse_attempts")
      .set({ draft_text: input.text, updated_at: savedAt })
      .where("id", "=", attempt.id)
      .execute();
    return { ok: true as const, attemptId: attempt.id, savedAt };
  });
}

/**
 * Submits the text: it is then fixed for the attempt. The same text submitted twice (a double
 * click, a resent form) is recorded once; another text for a submitted attempt is refused.
 */
export async function submitText(
  db: DB,
  input: { userId: string; activity: BegrundelseActivity; attemptId: string | null; text: string },
): Promise<{ ok: true; attemptId: string; already: boolean } | Refusal> {
  return db.transaction().execute(async (trx) => {
    const attempt = await lockAttempt(trx, input.userId, input.activity, input.attemptId);
    if (!attempt) return refuse(404, "Forsøget findes ikke. Genindlæs siden.");
    if (attempt.status !== "draft") {
      return attempt.submitted_text === input.text
        ? { ok: true as const, attemptId: attempt.id, already: true }
        : refuse(409, STALE);
    }
    const now = new Date();
    await trx
      .updateTable("begrundelse_attempts")
      .set({
        status: "submitted",
        draft_text: input.text,
        submitted_text: input.text,
        submitted_at: now,
        updated_at: now,
        // The text is assessed against the task as it is now.
        content_version: input.activity.version,
      })
      .where("id", "=", attempt.id)
      .execute();
    return { ok: true as const, attemptId: attempt.id, already: false };
  });
}

/**
 * The learner's rating of their submitted text against every criterion. Saved once per attempt
 * (the same ratings again change nothing); it completes the activity.
 */
export async function saveSelfAssessment(
  db: DB,
  input: { userId: string; activity: BegrundelseActivity; attemptId: string; ratings: Ratings },
): Promise<{ ok: true } | Refusal> {
  return db.transaction().execute(async (trx) => {
    const attempt = await lockAttempt(trx, input.userId, input.activity, input.attemptId);
    if (!attempt) return refuse(404, "Forsøget findes ikke. Genindlæs siden.");
    if (attempt.status === "draft") return refuse(409, "Indsend teksten, før du vurderer den.");
    if (attempt.status === "assessed") {
      const saved = await trx
        .selectFrom("begrundelse_self_ratings")
        .select(["criterion_id", "rating"])
        .where("attempt_id", "=", attempt.id)
        .execute();
      const same =
        saved.length === Object.keys(input.ratings).length &&
        saved.every((row) => input.ratings[row.criterion_id] === row.rating);
      return same
        ? { ok: true as const }
        : refuse(409, "Du har allerede vurderet denne tekst. Start et nyt forsøg for at skrive og vurdere igen.");
    }
    await trx
      .insertInto("begrundelse_self_ratings")
      .values(
        Object.entries(input.ratings).map(([criterionId, rating]) => ({
          attempt_id: attempt.id,
          user_id: input.userId,
          activity_id: input.activity.id,
          criterion_id: criterionId,
          rating,
        })),
      )
      .execute();
    const now = new Date();
    await trx
      .updateTable("begrundelse_attempts")
      .set({ status: "assessed", self_assessed_at: now, updated_at: now })
      .where("id", "=", attempt.id)
      .execute();
    await recordCompletion(trx, input.userId, input.activity);
    return { ok: true as const };
  });
}

/**
 * "Prøv igen": a new attempt after the latest has been self-assessed, empty or starting from the
 * latest text. Pressed twice, it makes one.
 */
export async function startNewAttempt(
  db: DB,
  input: { userId: string; activity: BegrundelseActivity; prefill: boolean },
): Promise<{ ok: true } | Refusal> {
  return db.transaction().execute(async (trx) => {
    const latest = await lockAttempt(trx, input.userId, input.activity, null);
    if (!latest) return refuse(404, "Forsøget findes ikke. Genindlæs siden.");
    if (latest.status === "draft") return { ok: true as const };
    if (latest.status === "submitted") return refuse(409, "Vurdér din tekst, før du starter et nyt forsøg.");
    await trx
      .insertInto("begrundelse_attempts")
      .values({
        user_id: input.userId,
        activity_id: input.activity.id,
        module_id: input.activity.moduleId,
        content_version: input.activity.version,
        number: latest.number + 1,
        status: "draft",
        draft_text: input.prefill ? (latest.submitted_text ?? "") : "",
      })
      .onConflict((oc) => oc.columns(["user_id", "activity_id", "number"]).doNothing())
      .execute();
    return { ok: true as const };
  });
}

export interface ModuleBegrundelseState {
  /** The latest attempt's status. */
  status: BegrundelseStatus;
  attempts: number;
  /** A trainer has commented on or rated one of the learner's texts. */
  reviewed: boolean;
}

/** Where the learner stands with each begrundelse of a module, for the module page. */
export async function moduleBegrundelseStates(
  db: DB,
  userId: string,
  moduleId: string,
): Promise<Map<string, ModuleBegrundelseState>> {
  const [attempts, reviews] = await Promise.all([
    db
      .selectFrom("begrundelse_attempts")
      .select(["activity_id", "status", "number"])
      .where("user_id", "=", userId)
      .where("module_id", "=", moduleId)
      .orderBy("number")
      .execute(),
    db
      .selectFrom("begrundelse_reviews")
      .innerJoin("begrundelse_attempts", "begrundelse_attempts.id", "begrundelse_reviews.attempt_id")
      .select("begrundelse_reviews.activity_id")
      .where("begrundelse_reviews.user_id", "=", userId)
      .where("begrundelse_attempts.module_id", "=", moduleId)
      .execute(),
  ]);
  const reviewed = new Set(reviews.map((row) => row.activity_id));
  const states = new Map<string, ModuleBegrundelseState>();
  for (const row of attempts) {
    states.set(row.activity_id, { status: row.status, attempts: row.number, reviewed: reviewed.has(row.activity_id) });
  }
  return states;
}
