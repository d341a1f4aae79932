/**
 * The cohort dashboard's queries. Every figure is counted in SQL, grouped, starting from the
 * cohort's members and reaching their rows through indexes that lead with user_id (migration
 * 0004), so one cohort's view costs the same however many learners the database holds. The
 * pure module `dashboard.ts` turns the counts into shares, statuses and orderings.
 */
import { sql, type RawBuilder } from "kysely";
import type { ActivityServer, LearnerRecords } from "~/activities/activity-type";
import { activitiesOfType, activityServers } from "~/activities/registry";
import { publishedModules } from "~/content/content.server";
import type { Activity, CompiledCourse, CourseModule } from "~/content/types";
import type { DB } from "~/db/database.server";
import {
  buildCaseStats,
  buildEvaluationStats,
  buildProgressMatrix,
  buildQuizStats,
  matrixModules,
  MIN_RESPONDENTS,
  type ChoiceCounts,
  type LikertCount,
  type LoopCounts,
  type MemberRow,
  type OptionCount,
  type PlaceCounts,
  type QuestionCounts,
} from "./dashboard";
import { exportTable, type CompletionRow } from "./export";
import type { ExportTable } from "./export-table";

/** The cohort's modules as the course has them now: published only, in course order. */
export function cohortModules(course: CompiledCourse, moduleIds: readonly string[]): CourseModule[] {
  return publishedModules(course)
    .filter((module) => moduleIds.includes(module.id))
    .sort((a, b) => a.order - b.order);
}

export function activitiesOf(modules: CourseModule[]) {
  const all = modules.flatMap((m) => m.activities);
  return {
    all,
    required: all.filter((a) => a.required).map((a) => a.id),
    quizzes: activitiesOfType(all, "quiz"),
    cases: activitiesOfType(all, "case"),
    evaluations: activitiesOfType(all, "evaluation"),
  };
}

/** Where the activity types store a learner's work beyond completions (attempts, responses). */
async function learnerRecords(): Promise<LearnerRecords[]> {
  return [...(await activityServers()).values()].flatMap((server) =>
    server.learnerRecords ? [server.learnerRecords] : [],
  );
}

/** A cohort's participants: its members whose accounts are active (a deactivated caseworker has left). */
export const members = (cohortId: string) =>
  sql`(select m.user_id from cohort_members m join users u on u.id = m.user_id and u.active where m.cohort_id = ${cohortId})`;
export const textArray = (values: string[]) => sql`${values}::text[]`;

/** The latest moment a learner did anything: completed, played, answered or evaluated. */
const lastActivityOf = (records: LearnerRecords[], userId: RawBuilder<unknown>) => sql<Date | null>`greatest(
  (select max(completed_at) from activity_completions where user_id = ${userId}),
  ${sql.join(records.map((r) => sql`(select max(${sql.ref(r.at)}) from ${sql.table(r.table)} where user_id = ${userId})`))})`;

export async function memberRows(db: DB, cohortId: string): Promise<MemberRow[]> {
  const records = await learnerRecords();
  const rows = await sql<{ userId: string; name: string; email: string; lastActivity: Date | null }>`
    select u.id as "userId", u.name, u.email, ${lastActivityOf(records, sql.ref("u.id"))} as "lastActivity"
    from cohort_members m join users u on u.id = m.user_id
    where m.cohort_id = ${cohortId} and u.active
    order by u.name`.execute(db);
  return rows.rows.map((r) => ({ ...r, lastActivity: r.lastActivity ? new Date(r.lastActivity) : null }));
}

/**
 * For each module a member has begun (read a lesson, played a case, taken a quiz, saved an
 * evaluation): how many of its required activities they have completed.
 */
async function moduleDoneCounts(db: DB, cohortId: string, requiredIds: string[]) {
  const records = await learnerRecords();
  const rows = await sql<{ userId: string; moduleId: string; done: number }>`
    with begun as (
      select user_id, module_id from activity_completions where user_id in ${members(cohortId)}
      ${sql.join(
        records.map(
          (r) => sql`union select user_id, module_id from ${sql.table(r.table)} where user_id in ${members(cohortId)}`,
        ),
        sql` `,
      )}),
    done as (
      select user_id, module_id, count(*)::int as done
      from activity_completions
      where user_id in ${members(cohortId)} and activity_id = any(${textArray(requiredIds)})
      group by user_id, module_id)
    select b.user_id as "userId", b.module_id as "moduleId", coalesce(d.done, 0)::int as done
    from begun b left join done d on d.user_id = b.user_id and d.module_id = b.module_id`.execute(db);
  return rows.rows;
}

/** Each member's attempts at the given activities, numbered per learner and activity (1 = first). */
export const quizAttemptsCte = (cohortId: string, ids: string[]) => sql`
  select id, user_id, activity_id,
    row_number() over (partition by user_id, activity_id order by submitted_at, id) = 1 as first
  from quiz_attempts
  where user_id in ${members(cohortId)} and activity_id = any(${textArray(ids)})`;

export const caseAttemptsCte = (cohortId: string, ids: string[]) => sql`
  select id, user_id, activity_id, status, current_place, outcome_id,
    row_number() over (partition by user_id, activity_id order by started_at, id) = 1 as first
  from case_attempts
  where user_id in ${members(cohortId)} and activity_id = any(${textArray(ids)})`;

async function quizCounts(db: DB, cohortId: string, quizIds: string[]) {
  const [questions, options] = await Promise.all([
    sql<QuestionCounts>`
      with attempts as (${quizAttemptsCte(cohortId, quizIds)})
      select a.activity_id as "activityId", a.question_id as "questionId",
        count(*)::int as answers,
        count(*) filter (where a.correct)::int as correct,
        count(*) filter (where t.first)::int as "firstAnswers",
        count(*) filter (where t.first and a.correct)::int as "firstCorrect"
      from quiz_answers a join attempts t on t.id = a.attempt_id
      group by a.activity_id, a.question_id`.execute(db),
    // Options chosen in wrong answers (a wrong option is only ever in one).
    sql<OptionCount>`
      select a.activity_id as "activityId", a.question_id as "questionId", o.option_id as "optionId", count(*)::int as chosen
      from quiz_answers a cross join lateral unnest(a.option_ids) as o(option_id)
      where a.user_id in ${members(cohortId)} and a.activity_id = any(${textArray(quizIds)}) and not a.correct
      group by a.activity_id, a.question_id, o.option_id`.execute(db),
  ]);
  return { questions: questions.rows, options: options.rows };
}

async function caseCounts(db: DB, cohortId: string, caseIds: string[]) {
  const attempts = caseAttemptsCte(cohortId, caseIds);
  const [choices, outcomes, dropOff, loops] = await Promise.all([
    sql<ChoiceCounts>`
      with attempts as (${attempts})
      select d.activity_id as "activityId", d.step_id as "stepId", d.choice_id as "choiceId",
        count(*)::int as "all",
        count(*) filter (where t.first)::int as first,
        count(*) filter (where d.was_best)::int as best,
        count(*) filter (where d.was_best and t.first)::int as "bestFirst"
      from case_decisions d join attempts t on t.id = d.attempt_id
      group by d.activity_id, d.step_id, d.choice_id`.execute(db),
    sql<PlaceCounts>`
      with attempts as (${attempts})
      select activity_id as "activityId", outcome_id as "placeId", count(*)::int as "all", count(*) filter (where first)::int as first
      from attempts where status = 'finished'
      group by activity_id, outcome_id`.execute(db),
    sql<PlaceCounts>`
      with attempts as (${attempts})
      select activity_id as "activityId", current_place as "placeId", count(*)::int as "all", count(*) filter (where first)::int as first
      from attempts where status <> 'finished'
      group by activity_id, current_place`.execute(db),
    sql<LoopCounts>`
      with attempts as (${attempts}),
      visits as (
        select d.attempt_id, d.user_id, d.activity_id, d.step_id, count(*) as times
        from case_decisions d join attempts t on t.id = d.attempt_id
        group by d.attempt_id, d.user_id, d.activity_id, d.step_id
        having count(*) > 1)
      select activity_id as "activityId", step_id as "stepId",
        count(distinct user_id)::int as learners, sum(times - 1)::int as repeats
      from visits group by activity_id, step_id`.execute(db),
  ]);
  return { choices: choices.rows, outcomes: outcomes.rows, dropOff: dropOff.rows, loops: loops.rows };
}

/** Submitted responses only; the answers are read only when enough have answered. */
async function evaluationCounts(db: DB, cohortId: string, evaluationIds: string[]) {
  const respondents = await sql<{ activityId: string; respondents: number }>`
    select activity_id as "activityId", count(*)::int as respondents
    from evaluation_responses
    where user_id in ${members(cohortId)} and activity_id = any(${textArray(evaluationIds)}) and status = 'submitted'
    group by activity_id`.execute(db);
  const shown = respondents.rows.filter((r) => r.respondents >= MIN_RESPONDENTS).map((r) => r.activityId);
  // Only whole blocks of five, in the order they came in: one more submission never changes the
  // figures, so comparing two visits cannot single out one learner's answers.
  const submitted = sql`
    select id, activity_id from (
      select id, activity_id,
        row_number() over (partition by activity_id order by submitted_at, id) as position,
        count(*) over (partition by activity_id) as respondents
      from evaluation_responses
      where user_id in ${members(cohortId)} and activity_id = any(${textArray(shown)}) and status = 'submitted') numbered
    where position <= respondents - respondents % ${MIN_RESPONDENTS}`;
  const [likert, texts] = await Promise.all([
    sql<LikertCount>`
      select r.activity_id as "activityId", a.item_id as "itemId", a.likert_value as value, count(*)::int as count
      from evaluation_answers a join (${submitted}) r on r.id = a.response_id
      where a.likert_value is not null
      group by r.activity_id, a.item_id, a.likert_value`.execute(db),
    // Ordered by the text itself, so the order says nothing about who wrote what.
    sql<{ activityId: string; itemId: string; text: string }>`
      select r.activity_id as "activityId", a.item_id as "itemId", a.text_value as text
      from evaluation_answers a join (${submitted}) r on r.id = a.response_id
      where a.text_value is not null and a.text_value <> ''
      order by a.text_value`.execute(db),
  ]);
  return {
    respondents: new Map(respondents.rows.map((r) => [r.activityId, r.respondents])),
    likert: likert.rows,
    texts: texts.rows,
  };
}

/** Everything the cohort dashboard shows. */
export async function cohortDashboard(db: DB, course: CompiledCourse, cohort: { id: string; moduleIds: string[] }) {
  const modules = cohortModules(course, cohort.moduleIds);
  const { required, quizzes, cases, evaluations } = activitiesOf(modules);
  const quizIds = quizzes.map((q) => q.id);
  const caseIds = cases.map((c) => c.id);
  const [memberList, done, quizData, caseData, evaluationData] = await Promise.all([
    memberRows(db, cohort.id),
    moduleDoneCounts(db, cohort.id, required),
    quizCounts(db, cohort.id, quizIds),
    caseCounts(db, cohort.id, caseIds),
    evaluationCounts(
      db,
      cohort.id,
      evaluations.map((e) => e.id),
    ),
  ]);
  return {
    matrix: buildProgressMatrix(matrixModules(modules), memberList, done),
    quizzes: buildQuizStats(quizzes, quizData.questions, quizData.options),
    cases: buildCaseStats(cases, caseData),
    evaluations: evaluations.map((e) =>
      buildEvaluationStats(e, evaluationData.respondents.get(e.id) ?? 0, evaluationData.likert, evaluationData.texts),
    ),
  };
}
export type CohortDashboard = Awaited<ReturnType<typeof cohortDashboard>>;

/**
 * The overview on /underviser: per cohort the number of participants, how many completed each
 * module, and the latest activity of any participant. Counted in SQL per cohort and module.
 */
export async function cohortOverviews(db: DB, course: CompiledCourse, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  const modules = publishedModules(course);
  const requiredIds = activitiesOf(modules).required;
  const records = await learnerRecords();
  const moduleIds = modules.map((m) => m.id);
  const requiredCounts = modules.map((m) => m.activities.filter((a) => a.required).length);
  const cohorts = textArray(cohortIds);
  const [participants, completed, modulesOfCohorts] = await Promise.all([
    sql<{ cohortId: string; participants: number; lastActivity: Date | null }>`
      select m.cohort_id as "cohortId", count(*)::int as participants, max(${lastActivityOf(records, sql.ref("m.user_id"))}) as "lastActivity"
      from cohort_members m join users u on u.id = m.user_id and u.active
      where m.cohort_id = any(${cohorts}::uuid[])
      group by m.cohort_id`.execute(db),
    sql<{ cohortId: string; moduleId: string; completed: number }>`
      with per_learner as (
        select m.cohort_id, c.module_id, c.user_id, count(*) as done
        from cohort_members m join users u on u.id = m.user_id and u.active
          join activity_completions c on c.user_id = m.user_id
        where m.cohort_id = any(${cohorts}::uuid[]) and c.activity_id = any(${textArray(requiredIds)})
        group by m.cohort_id, c.module_id, c.user_id)
      select p.cohort_id as "cohortId", p.module_id as "moduleId", count(*)::int as completed
      from per_learner p join unnest(${textArray(moduleIds)}, ${requiredCounts}::int[]) as r(module_id, required)
        on r.module_id = p.module_id and p.done >= r.required
      group by p.cohort_id, p.module_id`.execute(db),
    db.selectFrom("cohort_modules").select(["cohort_id", "module_id"]).where("cohort_id", "in", cohortIds).execute(),
  ]);
  return cohortIds.map((cohortId) => {
    const p = participants.rows.find((r) => r.cohortId === cohortId);
    const count = p?.participants ?? 0;
    const ids = modulesOfCohorts.filter((r) => r.cohort_id === cohortId).map((r) => r.module_id);
    return {
      cohortId,
      participants: count,
      lastActivity: p?.lastActivity ? new Date(p.lastActivity) : null,
      modules: cohortModules(course, ids).map((module) => {
        const done = completed.rows.find((r) => r.cohortId === cohortId && r.moduleId === module.id)?.completed ?? 0;
        return {
          moduleId: module.id,
          title: module.title,
          completed: done,
          share: count === 0 ? null : Math.round((100 * done) / count),
        };
      }),
    };
  });
}

/**
 * The export of a cohort as a typed table (CSV and .xlsx are written from it): the progress
 * matrix, completion days, then the columns each activity type adds for the cohort's activities
 * of that type (quizzes before cases).
 */
export async function cohortExportTable(
  db: DB,
  course: CompiledCourse,
  cohort: { id: string; name: string; moduleIds: string[] },
): Promise<ExportTable> {
  const modules = cohortModules(course, cohort.moduleIds);
  const { all, required } = activitiesOf(modules);
  const servers = [...(await activityServers())]
    .filter(([, server]) => server.exportColumns)
    .sort(([, a], [, b]) => (a.exportOrder ?? 0) - (b.exportOrder ?? 0));
  const [memberList, done, completions, ...columns] = await Promise.all([
    memberRows(db, cohort.id),
    moduleDoneCounts(db, cohort.id, required),
    sql<CompletionRow>`
      select user_id as "userId", activity_id as "activityId", completed_at as "completedAt"
      from activity_completions
      where user_id in ${members(cohort.id)} and activity_id = any(${textArray(required)})`
      .execute(db)
      .then((r) => r.rows),
    ...servers.map(([type, server]) =>
      (server as ActivityServer<Activity, unknown>).exportColumns!(db, members(cohort.id), activitiesOfType(all, type)),
    ),
  ]);
  return exportTable(
    cohort.name,
    modules,
    buildProgressMatrix(matrixModules(modules), memberList, done),
    completions.map((c) => ({ ...c, completedAt: new Date(c.completedAt) })),
    columns.flat(),
  );
}
