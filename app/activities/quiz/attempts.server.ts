/** Quiz attempts in the database: every attempt with its answers; a double submit stores one. */
import type { DB } from "~/db/database.server";
import { recordCompletion } from "~/progress/progress.server";
import type { QuizActivity } from "./content";
import { scoreQuiz, type QuizAnswers } from "./scoring";
import { quizResultView, type QuizResultView, type SendProse } from "./view";

/**
 * Stores an attempt and its answers; when the quiz is passed, the activity is completed.
 * The form's submission id makes a second submit of the same form return the first attempt.
 */
export async function submitQuiz(
  db: DB,
  input: { userId: string; activity: QuizActivity; submissionId: string; answers: QuizAnswers },
): Promise<{ attemptId: string; duplicate: boolean }> {
  const { userId, activity } = input;
  const score = scoreQuiz(activity.quiz, input.answers);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("quiz_attempts")
      .values({
        user_id: userId,
        activity_id: activity.id,
        module_id: activity.moduleId,
        quiz_version: activity.version,
        submission_id: input.submissionId,
        correct_count: score.correctCount,
        question_count: score.questionCount,
        percent: score.percent,
        passed: score.passed,
      })
      .onConflict((oc) => oc.columns(["user_id", "submission_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom("quiz_attempts")
        .select("id")
        .where("user_id", "=", userId)
        .where("submission_id", "=", input.submissionId)
        .executeTakeFirstOrThrow();
      return { attemptId: existing.id, duplicate: true };
    }
    const topics = new Map(activity.quiz.questions.map((q) => [q.id, q.topic]));
    await trx
      .insertInto("quiz_answers")
      .values(
        score.results.map((result) => ({
          attempt_id: inserted.id,
          question_id: result.questionId,
          user_id: userId,
          activity_id: activity.id,
          option_ids: result.chosen,
          correct: result.correct,
          topic: topics.get(result.questionId) ?? "",
        })),
      )
      .execute();
    if (score.passed) await recordCompletion(trx, userId, activity);
    return { attemptId: inserted.id, duplicate: false };
  });
}

/** The result of one of the learner's own attempts, or null if it is not theirs. */
export async function quizAttemptResult(
  db: DB,
  userId: string,
  activity: QuizActivity,
  attemptId: string,
  prose?: SendProse,
): Promise<(QuizResultView & { attemptNumber: number }) | null> {
  const attempt = await db
    .selectFrom("quiz_attempts")
    .select(["id", "submitted_at", "correct_count", "question_count", "percent", "passed"])
    .where("id", "=", attemptId)
    .where("user_id", "=", userId)
    .where("activity_id", "=", activity.id)
    .executeTakeFirst();
  if (!attempt) return null;
  const [answers, earlier] = await Promise.all([
    db
      .selectFrom("quiz_answers")
      .select(["question_id", "option_ids", "correct"])
      .where("attempt_id", "=", attempt.id)
      .execute(),
    db
      .selectFrom("quiz_attempts")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("user_id", "=", userId)
      .where("activity_id", "=", activity.id)
      // Compared in SQL: a JavaScript Date would drop the server's microseconds.
      .where("submitted_at", "<=", (eb) =>
        eb.selectFrom("quiz_attempts").select("submitted_at").where("id", "=", attempt.id),
      )
      .executeTakeFirstOrThrow(),
  ]);
  // The score as it was stored; the texts come from the current quiz.
  const score = {
    correctCount: attempt.correct_count,
    questionCount: attempt.question_count,
    percent: attempt.percent,
    passed: attempt.passed,
    results: answers.map((a) => ({
      questionId: a.question_id,
      chosen: a.option_ids,
      correct: a.correct,
      correctOptionIds: [],
    })),
  };
  return { ...quizResultView(activity.quiz, score, prose), attemptNumber: Number(earlier.count) };
}

export interface QuizSummary {
  attempts: number;
  best: { correctCount: number; questionCount: number; percent: number; passed: boolean } | null;
}

/** Best result and number of attempts of each quiz of a module, for the module page. */
export async function quizSummaries(db: DB, userId: string, moduleId: string): Promise<Map<string, QuizSummary>> {
  const rows = await db
    .selectFrom("quiz_attempts")
    .select(["activity_id", "correct_count", "question_count", "percent", "passed"])
    .where("user_id", "=", userId)
    .where("module_id", "=", moduleId)
    .orderBy("percent", "desc")
    .orderBy("submitted_at", "asc")
    .execute();
  const summaries = new Map<string, QuizSummary>();
  for (const row of rows) {
    const summary = summaries.get(row.activity_id) ?? { attempts: 0, best: null };
    summary.attempts += 1;
    summary.best ??= {
      correctCount: row.correct_count,
      questionCount: row.question_count,
      percent: row.percent,
      passed: row.passed,
    };
    summaries.set(row.activity_id, summary);
  }
  return summaries;
}
