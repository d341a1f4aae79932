import type { Activity } from "~/content/types";
import type { DB } from "~/db/database.server";

/** Every activity the learner has completed, with when. One indexed query. */
export async function completions(db: DB, userId: string): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom("activity_completions")
    .select(["activity_id", "completed_at"])
    .where("user_id", "=", userId)
    .execute();
  return new Map(rows.map((row) => [row.activity_id, row.completed_at]));
}

/**
 * Records that the learner completed an activity. Stored once: a second call (a double submit,
 * a retake) changes nothing. Returns true when this call recorded it.
 */
export async function recordCompletion(db: DB, userId: string, activity: Activity): Promise<boolean> {
  const inserted = await db
    .insertInto("activity_completions")
    .values({
      user_id: userId,
      activity_id: activity.id,
      module_id: activity.moduleId,
      activity_type: activity.type,
    })
    .onConflict((oc) => oc.columns(["user_id", "activity_id"]).doNothing())
    .returning("activity_id")
    .executeTakeFirst();
  return inserted !== undefined;
}
