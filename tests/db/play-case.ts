/** Plays the trainer tests' sample case (tests/activity-fixtures.ts) through the real attempt code. */
import {
  acknowledgeFeedback,
  chooseInAttempt,
  loadAttempt,
  startAttempt,
} from "../../app/activities/case/attempts.server";
import type { CaseActivity } from "../../app/activities/case/content";
import type { DB } from "../../app/db/database.server";
import { trainerCase } from "../activity-fixtures";

// The sample case's choices: start → investigate | decide now; investigated → decide well | decide badly | back to start.
export const INVESTIGATE = "investigate";
export const DECIDE_NOW = "decide-now";
export const DECIDE_WELL = "decide-well";
export const DECIDE_BADLY = "decide-badly";
export const BACK = "back";

/**
 * The value the button of a choice posts in the learner's attempt now, read from the page as a
 * learner sees it: its position in the attempt's shuffled order. Throws when the choice is not shown.
 */
export async function shownValue(db: DB, userId: string, activity: CaseActivity, choiceId: string): Promise<string> {
  const page = await loadAttempt(db, userId, activity);
  if (page.kind !== "attempt" || page.view.state !== "step") throw new Error(`no step is shown (${page.kind})`);
  const step = page.view.choices;
  const label = activity.case.steps.flatMap((s) => s.choices).find((c) => c.id === choiceId)?.label;
  const shown = step.find((c) => c.label === label);
  if (!shown) throw new Error(`"${choiceId}" is not shown`);
  return shown.value;
}

/**
 * Plays the sample case through the real attempt code: each choice as its button posts it,
 * reading the feedback after each. `fresh` starts a new attempt.
 */
export async function playCase(
  db: DB,
  userId: string,
  choiceIds: string[],
  options: { fresh?: boolean; activity?: CaseActivity } = {},
) {
  const activity = options.activity ?? trainerCase;
  await startAttempt(db, userId, activity, options);
  const attempt = await db
    .selectFrom("case_attempts")
    .select("decision_count")
    .where("user_id", "=", userId)
    .where("activity_id", "=", activity.id)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  let seq = attempt.decision_count;
  for (const choiceId of choiceIds) {
    const choice = await shownValue(db, userId, activity, choiceId);
    const result = await chooseInAttempt(db, { userId, activity, seq, choice });
    if (!result.ok) throw new Error(result.message);
    seq += 1;
    await acknowledgeFeedback(db, userId, activity, seq);
  }
}
