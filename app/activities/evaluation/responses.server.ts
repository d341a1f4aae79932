/**
 * Course evaluations: one response per learner and evaluation, editable until submitted.
 * Trainers see responses only in aggregate (issue 5); nothing here is shown to anyone but the
 * learner who wrote it.
 */
import type { LikertValue } from "~/content/vocabulary";
import type { DB } from "~/db/database.server";
import { recordCompletion } from "~/progress/progress.server";
import type { EvaluationAnswers } from "./answers";
import type { EvaluationActivity } from "./content";

export interface EvaluationState {
  status: "new" | "draft" | "submitted";
  answers: EvaluationAnswers;
}

export async function loadEvaluation(db: DB, userId: string, activity: EvaluationActivity): Promise<EvaluationState> {
  const response = await db
    .selectFrom("evaluation_responses")
    .select(["id", "status"])
    .where("user_id", "=", userId)
    .where("activity_id", "=", activity.id)
    .executeTakeFirst();
  if (!response) return { status: "new", answers: {} };
  const rows = await db
    .selectFrom("evaluation_answers")
    .select(["item_id", "likert_value", "text_value"])
    .where("response_id", "=", response.id)
    .execute();
  return {
    status: response.status,
    answers: Object.fromEntries(rows.map((row) => [row.item_id, row.likert_value ?? row.text_value ?? ""])),
  };
}

export type SaveResult = { ok: true; submitted: boolean } | { ok: false; status: 409; message: string };

/** Saves the learner's answers as a draft, or submits them. A submitted response is final. */
export async function saveEvaluation(
  db: DB,
  input: { userId: string; activity: EvaluationActivity; answers: EvaluationAnswers; submit: boolean },
): Promise<SaveResult> {
  const { userId, activity } = input;
  const kinds = new Map(activity.evaluation.items.map((item) => [item.id, item.kind]));
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    await trx
      .insertInto("evaluation_responses")
      .values({ user_id: userId, activity_id: activity.id, module_id: activity.moduleId, status: "draft" })
      .onConflict((oc) => oc.columns(["user_id", "activity_id"]).doNothing())
      .execute();
    const response = await trx
      .selectFrom("evaluation_responses")
      .select(["id", "status"])
      .where("user_id", "=", userId)
      .where("activity_id", "=", activity.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (response.status === "submitted") {
      return {
        ok: false,
        status: 409,
        message: "Du har allerede indsendt evalueringen, så den kan ikke ændres. Tak for dine svar.",
      };
    }
    await trx.deleteFrom("evaluation_answers").where("response_id", "=", response.id).execute();
    const rows = Object.entries(input.answers).map(([itemId, value]) => ({
      response_id: response.id,
      item_id: itemId,
      likert_value: kinds.get(itemId) === "likert" ? (value as LikertValue) : null,
      text_value: kinds.get(itemId) === "text" ? value : null,
    }));
    if (rows.length > 0) await trx.insertInto("evaluation_answers").values(rows).execute();
    await trx
      .updateTable("evaluation_responses")
      .set({
        updated_at: new Date(),
        ...(input.submit ? { status: "submitted" as const, submitted_at: new Date() } : {}),
      })
      .where("id", "=", response.id)
      .execute();
    if (input.submit) await recordCompletion(trx, userId, activity);
    return { ok: true, submitted: input.submit };
  });
}

/** Status of each evaluation of a module for the learner: draft or submitted. */
export async function evaluationStatuses(
  db: DB,
  userId: string,
  moduleId: string,
): Promise<Map<string, "draft" | "submitted">> {
  const rows = await db
    .selectFrom("evaluation_responses")
    .select(["activity_id", "status"])
    .where("user_id", "=", userId)
    .where("module_id", "=", moduleId)
    .execute();
  return new Map(rows.map((row) => [row.activity_id, row.status]));
}
