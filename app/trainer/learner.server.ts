/**
 * The page of one participant, for their cohort's trainers: status of each activity, every case
 * attempt's path and every quiz attempt's answers, with dates. A trainer sees only participants
 * of a cohort they train (403 otherwise, like the cohort itself, so ids cannot be probed).
 * Evaluation answers are never read here: a trainer sees evaluations only in aggregate.
 */
import { z } from "zod";
import type { CompiledCourse } from "~/content/types";
import type { CaseActivity, CaseDefinition } from "~/activities/case/content";
import type { QuizActivity } from "~/activities/quiz/content";
import type { DB } from "~/db/database.server";
import { activityStatuses } from "~/activities/module-statuses.server";
import { formatDate } from "~/utils/danish";
import { getCourse } from "~/content/content.server";
import { forbidden } from "~/utils/http.server";
import { requireTrainerCohort, type CohortHeader } from "./cohorts.server";
import { cohortModules } from "./dashboard.server";
import { caseAttemptViews, quizAttemptViews } from "./learner";

const USER_ID = z.string().uuid();

const NOT_A_PARTICIPANT = "Personen er ikke deltager på dette hold. En underviser ser kun sine egne holds deltagere.";

/** The participant of a learner-page URL: a current member of the cohort, or 403. */
export async function requireParticipant(db: DB, cohortId: string, userId: string | undefined) {
  const parsed = USER_ID.safeParse(userId);
  if (!parsed.success) forbidden(NOT_A_PARTICIPANT);
  const row = await db
    .selectFrom("cohort_members")
    .innerJoin("users", "users.id", "cohort_members.user_id")
    .select(["users.id", "users.name", "users.email", "users.active", "cohort_members.joined_at as joinedAt"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("cohort_members.user_id", "=", parsed.data)
    .executeTakeFirst();
  if (!row) forbidden(NOT_A_PARTICIPANT);
  return row;
}

/** Every case and quiz attempt of the learner at the given activities, and what they chose. */
async function attemptsOf(db: DB, userId: string, caseIds: string[], quizIds: string[]) {
  // `in ()` is not SQL: an empty list asks for an id no activity has.
  const none = [""];
  const [cases, decisions, quizzes, answers] = await Promise.all([
    db
      .selectFrom("case_attempts")
      .select([
        "id",
        "activity_id as activityId",
        "case_version as version",
        "status",
        "score",
        "max_score as maxScore",
        "outcome_id as outcomeId",
        "started_at as startedAt",
        "finished_at as finishedAt",
      ])
      .where("user_id", "=", userId)
      .where("activity_id", "in", caseIds.length > 0 ? caseIds : none)
      .execute(),
    db
      .selectFrom("case_decisions")
      .select([
        "attempt_id as attemptId",
        "seq",
        "step_id as stepId",
        "choice_id as choiceId",
        "points",
        "was_best as wasBest",
        "verdict",
        "decided_at as decidedAt",
      ])
      .where("user_id", "=", userId)
      .where("activity_id", "in", caseIds.length > 0 ? caseIds : none)
      .execute(),
    db
      .selectFrom("quiz_attempts")
      .select([
        "id",
        "activity_id as activityId",
        "percent",
        "correct_count as correctCount",
        "question_count as questionCount",
        "passed",
        "submitted_at as submittedAt",
      ])
      .where("user_id", "=", userId)
      .where("activity_id", "in", quizIds.length > 0 ? quizIds : none)
      .execute(),
    db
      .selectFrom("quiz_answers")
      .select(["attempt_id as attemptId", "question_id as questionId", "option_ids as optionIds", "correct"])
      .where("user_id", "=", userId)
      .where("activity_id", "in", quizIds.length > 0 ? quizIds : none)
      .execute(),
  ]);
  return { cases, decisions, quizzes, answers };
}

/** The case as older attempts saw it, for each version the learner played that is not current. */
async function olderDefinitions(
  db: DB,
  activities: CaseActivity[],
  attempts: { activityId: string; version: string }[],
) {
  const current = new Map(activities.map((a) => [a.id, a.version]));
  const older = attempts.filter((a) => current.get(a.activityId) !== a.version);
  const definitions = new Map<string, CaseDefinition>();
  if (older.length === 0) return definitions;
  const rows = await db
    .selectFrom("case_versions")
    .select(["activity_id", "version", "definition"])
    .where((eb) =>
      eb.or(older.map((a) => eb.and([eb("activity_id", "=", a.activityId), eb("version", "=", a.version)]))),
    )
    .execute();
  for (const row of rows) definitions.set(`${row.activity_id}@${row.version}`, row.definition as CaseDefinition);
  return definitions;
}

export async function learnerPage(db: DB, course: CompiledCourse, cohort: CohortHeader, userId: string) {
  const modules = cohortModules(course, cohort.moduleIds);
  const activities = modules.flatMap((m) => m.activities);
  const cases = activities.filter((a): a is CaseActivity => a.type === "case");
  const quizzes = activities.filter((a): a is QuizActivity => a.type === "quiz");
  const [statuses, attempts] = await Promise.all([
    Promise.all(modules.map((module) => activityStatuses(db, userId, module))),
    attemptsOf(
      db,
      userId,
      cases.map((c) => c.id),
      quizzes.map((q) => q.id),
    ),
  ]);
  const older = await olderDefinitions(db, cases, attempts.cases);
  return modules.map((module, index) => ({
    id: module.id,
    title: module.title,
    activities: module.activities.map((activity) => {
      // When it was first passed by the pass rule: a case only lost has no date.
      const completedAt = statuses[index]!.standings.get(activity.id)?.passedAt;
      const base = {
        id: activity.id,
        title: activity.title,
        type: activity.type,
        required: activity.required,
        status: statuses[index]!.statuses[activity.id]!,
        completedOn: completedAt ? formatDate(completedAt) : null,
      };
      if (activity.type === "case") {
        return {
          ...base,
          caseAttempts: caseAttemptViews(
            attempts.cases.filter((a) => a.activityId === activity.id),
            attempts.decisions,
            activity.version,
            (version) =>
              version === activity.version ? activity.case : (older.get(`${activity.id}@${version}`) ?? null),
          ),
        };
      }
      if (activity.type === "quiz") {
        return {
          ...base,
          quizAttempts: quizAttemptViews(
            activity.quiz,
            attempts.quizzes.filter((a) => a.activityId === activity.id),
            attempts.answers,
          ),
        };
      }
      return base;
    }),
  }));
}
export type LearnerModules = Awaited<ReturnType<typeof learnerPage>>;

/** What the participant page's loader does: the trainer's cohort, the participant, their activity. */
export async function participantPage(request: Request, cohortId: string | undefined, userId: string | undefined) {
  const { db, cohort } = await requireTrainerCohort(request, cohortId);
  const participant = await requireParticipant(db, cohort.id, userId);
  const modules = await learnerPage(db, await getCourse(), cohort, participant.id);
  return {
    cohort: { id: cohort.id, name: cohort.name },
    participant: {
      name: participant.name,
      email: participant.email,
      active: participant.active,
      joinedOn: formatDate(participant.joinedAt),
    },
    modules,
  };
}
