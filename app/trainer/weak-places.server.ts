/**
 * The counts behind "Her går holdet galt" (`weak-places.ts`): first attempts only, grouped in
 * SQL, starting from the cohort's members like every dashboard query (decision 0006).
 */
import { sql } from "kysely";
import type { CourseModule } from "~/content/types";
import type { DB } from "~/db/database.server";
import { caseAttemptsCte, quizAttemptsCte } from "./dashboard.server";
import {
  buildPlaces,
  type FirstAnswerCount,
  type FirstChoiceCount,
  type FirstWrongOptionCount,
  type PlaceWithDiscussion,
} from "./weak-places";

export async function cohortPlaces(db: DB, cohortId: string, modules: CourseModule[]): Promise<PlaceWithDiscussion[]> {
  const activities = modules.flatMap((m) => m.activities);
  const caseIds = activities.filter((a) => a.type === "case").map((a) => a.id);
  const quizIds = activities.filter((a) => a.type === "quiz").map((a) => a.id);
  const [choices, answers, wrongOptions] = await Promise.all([
    // The first decision at each step of each first attempt: a loop back to a step counts once.
    sql<FirstChoiceCount>`
      with attempts as (${caseAttemptsCte(cohortId, caseIds)}),
      firsts as (
        select distinct on (d.attempt_id, d.step_id) d.activity_id, d.step_id, d.choice_id, d.was_best
        from case_decisions d join attempts t on t.id = d.attempt_id and t.first
        order by d.attempt_id, d.step_id, d.seq)
      select activity_id as "activityId", step_id as "stepId", choice_id as "choiceId", was_best as "wasBest",
        count(*)::int as chosen
      from firsts group by activity_id, step_id, choice_id, was_best`.execute(db),
    sql<FirstAnswerCount>`
      with attempts as (${quizAttemptsCte(cohortId, quizIds)})
      select a.activity_id as "activityId", a.question_id as "questionId",
        count(*)::int as total, count(*) filter (where not a.correct)::int as wrong
      from quiz_answers a join attempts t on t.id = a.attempt_id and t.first
      group by a.activity_id, a.question_id`.execute(db),
    sql<FirstWrongOptionCount>`
      with attempts as (${quizAttemptsCte(cohortId, quizIds)})
      select a.activity_id as "activityId", a.question_id as "questionId", o.option_id as "optionId",
        count(*)::int as chosen
      from quiz_answers a join attempts t on t.id = a.attempt_id and t.first
        cross join lateral unnest(a.option_ids) as o(option_id)
      where not a.correct
      group by a.activity_id, a.question_id, o.option_id`.execute(db),
  ]);
  return buildPlaces(modules, { choices: choices.rows, answers: answers.rows, wrongOptions: wrongOptions.rows });
}
