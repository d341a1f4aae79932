/** The counts behind a cohort's quiz figures (`quiz-figures.ts`), grouped in SQL per quiz. */
import { sql } from "kysely";
import type { QuizActivity } from "~/activities/quiz/content";
import type { DB } from "~/db/database.server";
import { members, textArray } from "./dashboard.server";
import { buildQuizFigures, SCORE_BANDS, type QuizBandCount, type QuizTotals } from "./quiz-figures";

export async function cohortQuizFigures(db: DB, cohortId: string, quizzes: QuizActivity[]) {
  const ids = quizzes.map((q) => q.id);
  const attempts = sql`
    select user_id, activity_id, percent, passed,
      row_number() over (partition by user_id, activity_id order by submitted_at, id) = 1 as first
    from quiz_attempts
    where user_id in ${members(cohortId)} and activity_id = any(${textArray(ids)})`;
  const [totals, bands] = await Promise.all([
    sql<QuizTotals>`
      with attempts as (${attempts}),
      learners as (
        select activity_id, user_id, bool_or(passed) as passed_at_best, bool_or(first and passed) as passed_first
        from attempts group by activity_id, user_id)
      select a.activity_id as "activityId", a.attempts::int, l.learners::int,
        l.passed_first::int as "passedFirst", l.passed_at_best::int as "passedAtBest",
        a.first_average::float8 as "firstAverage", a.first_spread::float8 as "firstSpread"
      from (
        select activity_id, count(*) as attempts,
          avg(percent) filter (where first) as first_average,
          stddev_pop(percent) filter (where first) as first_spread
        from attempts group by activity_id) a
      join (
        select activity_id, count(*) as learners,
          count(*) filter (where passed_first) as passed_first,
          count(*) filter (where passed_at_best) as passed_at_best
        from learners group by activity_id) l on l.activity_id = a.activity_id`.execute(db),
    sql<QuizBandCount>`
      with attempts as (${attempts})
      select activity_id as "activityId", least(${sql.lit(SCORE_BANDS.length - 1)}, percent / 20)::int as band,
        count(*)::int as learners
      from attempts where first
      group by 1, 2`.execute(db),
  ]);
  return buildQuizFigures(quizzes, totals.rows, bands.rows);
}
