/**
 * The pass rule of `passing.ts` as SQL conditions, and where one learner stands with every
 * activity. Anything that counts "passed" in the database (the module page, the certificate, a
 * trainer's figures) uses these conditions, so there is one definition.
 */
import { sql, type ExpressionBuilder } from "kysely";
import { activitiesOfType } from "~/activities/registry";
import type { Activity, CourseModule } from "~/content/types";
import type { CaseActivity } from "~/activities/case/content";
import type { QuizActivity } from "~/activities/quiz/content";
import type { DB } from "~/db/database.server";
import type { Database } from "~/db/schema";
import { casePassLevel, passingResults, type Standing } from "./passing";

const casesOf = (modules: CourseModule[]) =>
  activitiesOfType(
    modules.flatMap((m) => m.activities),
    "case",
  );
const quizzesOf = (modules: CourseModule[]) =>
  activitiesOfType(
    modules.flatMap((m) => m.activities),
    "quiz",
  );

/**
 * `case_attempts` rows that pass their case: finished in a result the case's pass level accepts.
 * Cases of the course that accept `delvist` are listed by id; every other case needs `korrekt`.
 */
export function casePassedCondition(eb: ExpressionBuilder<Database, "case_attempts">, cases: CaseActivity[]) {
  const lenient = cases.filter((c) => casePassLevel(c) === "delvist").map((c) => c.id);
  const accepted = [eb("case_attempts.outcome_result", "in", passingResults("korrekt"))];
  if (lenient.length > 0) {
    accepted.push(
      eb.and([
        eb("case_attempts.outcome_result", "in", passingResults("delvist")),
        eb("case_attempts.activity_id", "in", lenient),
      ]),
    );
  }
  return eb.and([eb("case_attempts.status", "=", "finished"), eb.or(accepted)]);
}

/** `quiz_attempts` rows that reach their quiz's current `passPercent`. */
export function quizPassedCondition(eb: ExpressionBuilder<Database, "quiz_attempts">, quizzes: QuizActivity[]) {
  const byPercent = new Map<number, string[]>();
  for (const quiz of quizzes)
    byPercent.set(quiz.quiz.passPercent, [...(byPercent.get(quiz.quiz.passPercent) ?? []), quiz.id]);
  if (byPercent.size === 0) return eb.val(false);
  return eb.or(
    [...byPercent].map(([percent, ids]) =>
      eb.and([eb("quiz_attempts.activity_id", "in", ids), eb("quiz_attempts.percent", ">=", percent)]),
    ),
  );
}

/**
 * Where the learner stands with every activity of these modules: when each was first passed,
 * and whether a case or quiz was played without passing (or an evaluation saved as a draft).
 * Four indexed queries, whatever the number of modules.
 */
export async function learnerStandings(
  db: DB,
  userId: string,
  modules: CourseModule[],
): Promise<Map<string, Standing>> {
  const activities = new Map<string, Activity>(modules.flatMap((m) => m.activities.map((a) => [a.id, a] as const)));
  const moduleIds = modules.map((m) => m.id);
  const standings = new Map<string, Standing>();
  if (moduleIds.length === 0) return standings;
  const standing = (id: string) => {
    let found = standings.get(id);
    if (!found) standings.set(id, (found = { passedAt: null, played: false, inProgress: false }));
    return found;
  };
  const pass = (id: string, at: Date) => {
    const s = standing(id);
    if (!s.passedAt || at < s.passedAt) s.passedAt = at;
  };
  const cases = casesOf(modules);
  const quizzes = quizzesOf(modules);

  const [completed, caseRows, quizRows, drafts] = await Promise.all([
    // Lessons read and evaluations submitted (cases and quizzes are judged from their attempts).
    db
      .selectFrom("activity_completions")
      .select(["activity_id", "completed_at"])
      .where("user_id", "=", userId)
      .where("module_id", "in", moduleIds)
      .where("activity_type", "not in", ["case", "quiz"])
      .execute(),
    db
      .selectFrom("case_attempts")
      .select((eb) => [
        "activity_id",
        "status",
        eb.fn.min("finished_at").as("first_finished_at"),
        cases.length > 0
          ? eb.fn.min(sql<Date>`case when ${casePassedCondition(eb, cases)} then finished_at end`).as("first_passed_at")
          : sql<Date | null>`null`.as("first_passed_at"),
      ])
      .where("user_id", "=", userId)
      .where("module_id", "in", moduleIds)
      .where("status", "!=", "abandoned")
      .groupBy(["activity_id", "status"])
      .execute(),
    db
      .selectFrom("quiz_attempts")
      .select((eb) => [
        "activity_id",
        eb.fn.min(sql<Date>`case when ${quizPassedCondition(eb, quizzes)} then submitted_at end`).as("first_passed_at"),
      ])
      .where("user_id", "=", userId)
      .where("module_id", "in", moduleIds)
      .groupBy("activity_id")
      .execute(),
    db
      .selectFrom("evaluation_responses")
      .select("activity_id")
      .where("user_id", "=", userId)
      .where("module_id", "in", moduleIds)
      .where("status", "=", "draft")
      .execute(),
  ]);

  for (const row of completed) if (activities.has(row.activity_id)) pass(row.activity_id, row.completed_at);
  for (const row of caseRows) {
    if (!activities.has(row.activity_id)) continue;
    if (row.status === "active") standing(row.activity_id).inProgress = true;
    else standing(row.activity_id).played = true;
    if (row.first_passed_at) pass(row.activity_id, new Date(row.first_passed_at));
  }
  for (const row of quizRows) {
    if (!activities.has(row.activity_id)) continue;
    standing(row.activity_id).played = true;
    if (row.first_passed_at) pass(row.activity_id, new Date(row.first_passed_at));
  }
  for (const row of drafts) if (activities.has(row.activity_id)) standing(row.activity_id).played = true;
  return standings;
}
