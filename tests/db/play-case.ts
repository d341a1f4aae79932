/** Plays the trainer tests' sample case (tests/activity-fixtures.ts) through the real attempt code. */
import { acknowledgeFeedback, chooseInAttempt, startAttempt } from "../../app/activities/case/attempts.server";
import type { DB } from "../../app/db/database.server";
import { trainerCase } from "../activity-fixtures";

// Positions of the sample case's choices: start → investigate (0) | decide now (1);
// investigated → decide well (0) | decide badly (1) | back to start (2).
export const INVESTIGATE = 0;
export const DECIDE_NOW = 1;
export const DECIDE_WELL = 0;
export const DECIDE_BADLY = 1;
export const BACK = 2;

/**
 * Plays the sample case through the real attempt code: each choice by its position in its
 * step, reading the feedback after each. `fresh` starts a new attempt.
 */
export async function playCase(db: DB, userId: string, positions: number[], options: { fresh?: boolean } = {}) {
  await startAttempt(db, userId, trainerCase, options);
  const attempt = await db
    .selectFrom("case_attempts")
    .select("decision_count")
    .where("user_id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  let seq = attempt.decision_count;
  for (const position of positions) {
    const result = await chooseInAttempt(db, { userId, activity: trainerCase, seq, choice: String(position) });
    if (!result.ok) throw new Error(result.message);
    seq += 1;
    await acknowledgeFeedback(db, userId, trainerCase, seq);
  }
}
