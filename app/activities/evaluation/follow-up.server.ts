/**
 * The follow-up of a module evaluation (`<FollowUp>`), asked months after the course: which
 * follow-ups a learner is due (the schedule is `follow-up.ts`), saving their answers, and the
 * cohort's figures beside the evaluation's ("i høj eller nogen grad" before / after), shown only
 * from MIN_RESPONDENTS answers and in blocks of that size, like the evaluation's own.
 */
import { sql, type RawBuilder } from "kysely";
import type { CourseModule } from "~/content/types";
import type { LikertValue } from "~/content/vocabulary";
import type { DB } from "~/db/database.server";
import { danishDay } from "~/utils/danish";
import type { EvaluationAnswers } from "./answers";
import { statementBefore, type EvaluationActivity } from "./content";
import { dueFollowUps, type DueFollowUp } from "./follow-up";

/** Below this many respondents nothing of a follow-up is shown (the evaluation's own rule). */
const MIN_RESPONDENTS = 5;

export const evaluationsWithFollowUp = (modules: CourseModule[]) =>
  modules.flatMap((m) =>
    m.activities.filter(
      (a): a is EvaluationActivity => a.type === "evaluation" && Boolean((a as EvaluationActivity).evaluation.followUp),
    ),
  );

/** The follow-ups the learner is asked today, with the module each belongs to. */
export async function followUpsDue(
  db: DB,
  userId: string,
  modules: CourseModule[],
  now = new Date(),
): Promise<(DueFollowUp & { moduleId: string; moduleTitle: string })[]> {
  const evaluations = evaluationsWithFollowUp(modules);
  if (evaluations.length === 0) return [];
  const ids = evaluations.map((e) => e.id);
  const [cohorts, dates, submitted, followedUp] = await Promise.all([
    db
      .selectFrom("cohort_members")
      .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
      .select(["cohorts.id", "cohorts.ends_on"])
      .where("cohort_members.user_id", "=", userId)
      .execute(),
    db
      .selectFrom("cohort_follow_ups")
      .innerJoin("cohort_members", "cohort_members.cohort_id", "cohort_follow_ups.cohort_id")
      .select(["cohort_follow_ups.cohort_id", "cohort_follow_ups.activity_id", "cohort_follow_ups.opens_on"])
      .where("cohort_members.user_id", "=", userId)
      .execute(),
    db
      .selectFrom("evaluation_responses")
      .select("activity_id")
      .where("user_id", "=", userId)
      .where("status", "=", "submitted")
      .where("activity_id", "in", ids)
      .execute(),
    db
      .selectFrom("follow_up_responses")
      .select("activity_id")
      .where("user_id", "=", userId)
      .where("status", "=", "submitted")
      .execute(),
  ]);
  const cohortModules =
    cohorts.length === 0
      ? []
      : await db
          .selectFrom("cohort_modules")
          .select(["cohort_id", "module_id"])
          .where(
            "cohort_id",
            "in",
            cohorts.map((c) => c.id),
          )
          .execute();
  const due = dueFollowUps({
    evaluations: evaluations.map((e) => ({
      id: e.id,
      moduleId: e.moduleId,
      afterDays: e.evaluation.followUp!.afterDays,
    })),
    memberships: cohorts.map((c) => ({
      endsOn: c.ends_on,
      moduleIds: cohortModules.filter((m) => m.cohort_id === c.id).map((m) => m.module_id),
      dates: new Map(dates.filter((d) => d.cohort_id === c.id).map((d) => [d.activity_id, d.opens_on])),
    })),
    submittedEvaluations: new Set(submitted.map((s) => s.activity_id)),
    submittedFollowUps: new Set(followedUp.map((s) => s.activity_id)),
    today: danishDay(now),
  });
  return due.map((d) => {
    const evaluation = evaluations.find((e) => e.id === d.activityId)!;
    const module = modules.find((m) => m.id === evaluation.moduleId)!;
    return { ...d, moduleId: module.id, moduleTitle: module.title };
  });
}

export async function followUpSubmitted(db: DB, userId: string, activityId: string): Promise<boolean> {
  const row = await db
    .selectFrom("follow_up_responses")
    .select("status")
    .where("user_id", "=", userId)
    .where("activity_id", "=", activityId)
    .executeTakeFirst();
  return row?.status === "submitted";
}

/** Submits the learner's follow-up answers; a second submission is refused (409). */
export async function submitFollowUp(
  db: DB,
  input: { userId: string; activity: EvaluationActivity; answers: EvaluationAnswers },
): Promise<{ ok: true } | { ok: false; status: 409; message: string }> {
  const followUp = input.activity.evaluation.followUp!;
  const kinds = new Map(followUp.items.map((item) => [item.id, item.kind]));
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("follow_up_responses")
      .values({
        user_id: input.userId,
        activity_id: input.activity.id,
        module_id: input.activity.moduleId,
        status: "submitted",
        submitted_at: new Date(),
      })
      .onConflict((oc) => oc.columns(["user_id", "activity_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      return { ok: false as const, status: 409 as const, message: "Du har allerede svaret på opfølgningen. Tak." };
    }
    const rows = Object.entries(input.answers).map(([itemId, value]) => ({
      response_id: inserted.id,
      item_id: itemId,
      likert_value: kinds.get(itemId) === "likert" ? (value as LikertValue) : null,
      text_value: kinds.get(itemId) === "text" ? value : null,
    }));
    if (rows.length > 0) await trx.insertInto("follow_up_answers").values(rows).execute();
    return { ok: true as const };
  });
}

export interface FollowUpFigures {
  activityId: string;
  respondents: number;
  shown: boolean;
  /** Per follow-up statement: the share "i høj eller nogen grad" after, and before (the evaluation's statement). */
  statements: { id: string; statement: string; before: string | null; after: number | null; answers: number }[];
}

/**
 * The cohort's follow-up answers per statement, counted in SQL from its members, in whole
 * blocks of MIN_RESPONDENTS (the first to answer), like the evaluation's figures.
 */
export async function cohortFollowUpFigures(
  db: DB,
  members: RawBuilder<unknown>,
  evaluations: EvaluationActivity[],
): Promise<FollowUpFigures[]> {
  const ids = evaluations.filter((e) => e.evaluation.followUp).map((e) => e.id);
  if (ids.length === 0) return [];
  const rows = await sql<{
    activityId: string;
    itemId: string;
    respondents: number;
    answers: number;
    positive: number;
  }>`
    with counted as (
      select id, activity_id, respondents from (
        select id, activity_id,
          row_number() over (partition by activity_id order by submitted_at, id) as position,
          count(*) over (partition by activity_id) as respondents
        from follow_up_responses
        where user_id in ${members} and activity_id = any(${sql`${ids}::text[]`}) and status = 'submitted') numbered
      -- Whole blocks only; below the threshold one row per response, to count the respondents.
      where position <= respondents - respondents % ${MIN_RESPONDENTS} or respondents < ${MIN_RESPONDENTS})
    select c.activity_id as "activityId", coalesce(a.item_id, '') as "itemId", max(c.respondents)::int as respondents,
      count(a.likert_value)::int as answers,
      count(*) filter (where a.likert_value in ('hoej', 'nogen'))::int as positive
    from counted c left join follow_up_answers a on a.response_id = c.id and a.likert_value is not null
    group by c.activity_id, a.item_id`.execute(db);
  return evaluations.flatMap((e) => {
    const followUp = e.evaluation.followUp;
    if (!followUp) return [];
    const mine = rows.rows.filter((r) => r.activityId === e.id);
    const respondents = mine[0]?.respondents ?? 0;
    const shown = respondents >= MIN_RESPONDENTS;
    return [
      {
        activityId: e.id,
        respondents,
        shown,
        statements: followUp.items.flatMap((item) => {
          if (item.kind !== "likert") return [];
          const row = mine.find((r) => r.itemId === item.id);
          const before = statementBefore(e.evaluation, item.id);
          return [
            {
              id: item.id,
              statement: item.statement,
              before: before?.id ?? null,
              after: shown && row && row.answers > 0 ? Math.round((100 * row.positive) / row.answers) : null,
              answers: shown ? (row?.answers ?? 0) : 0,
            },
          ];
        }),
      },
    ];
  });
}
