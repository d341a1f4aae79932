/**
 * Realistic activity for many learners, for `npm run seed:load` and `npm run bench:dashboard`:
 * learners in cohorts of about 30, each playing the course's real cases on their machines
 * (choices offered by the case's own rules, leaning towards the better choice, some attempts
 * left unfinished, some retaken), taking its quizzes, submitting most evaluations and, three
 * months on, most of their follow-ups. Rows are
 * written in batches straight into the tables, as the app would have written them.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import {
  currentPlace,
  createCaseMachine,
  initialSnapshot,
  nextSnapshot,
  offeredChoices,
  type CaseMachine,
} from "~/activities/case/machine";
import { publishedModules } from "~/content/content.server";
import type { CompiledCourse } from "~/content/types";
import type { CaseActivity } from "~/activities/case/content";
import { LIKERT_SCALE } from "~/content/vocabulary";
import type { DB } from "~/db/database.server";
import type { Database } from "~/db/schema";
import type { Insertable } from "kysely";

export const COHORT_SIZE = 30;

/** A small, seedable random generator (mulberry32), so two runs make the same data. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}
type Random = ReturnType<typeof randomSource>;

type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] };

class Batcher {
  rows: Rows = {};
  constructor(
    private db: DB,
    private size = 2000,
  ) {}
  async add<T extends keyof Database>(table: T, row: Insertable<Database[T]>) {
    const list = ((this.rows[table] as Insertable<Database[T]>[] | undefined) ??= []);
    list.push(row);
    (this.rows as Record<string, unknown[]>)[table] = list;
    if (list.length >= this.size) await this.flush(table);
  }
  async flush(table?: keyof Database) {
    // Parents before children: attempts before their decisions and answers.
    const order: (keyof Database)[] = [
      "users",
      "cohorts",
      "cohort_trainers",
      "cohort_members",
      "cohort_modules",
      "case_attempts",
      "case_decisions",
      "quiz_attempts",
      "quiz_answers",
      "evaluation_responses",
      "evaluation_answers",
      "follow_up_responses",
      "follow_up_answers",
      "activity_completions",
    ];
    const upTo = table ? order.indexOf(table) : order.length - 1;
    for (const name of order.slice(0, upTo + 1)) {
      const list = (this.rows as Record<string, unknown[]>)[name];
      if (!list || list.length === 0) continue;
      (this.rows as Record<string, unknown[]>)[name] = [];
      // Kysely<Database> cannot type a table chosen at run time; the rows were typed when added.
      await this.db
        .insertInto(name as "users")
        .values(list as Insertable<Database["users"]>[])
        .execute();
    }
  }
}

function playCase(machine: CaseMachine, activity: CaseActivity, random: Random, skill: number) {
  let snapshot = initialSnapshot(machine);
  const decisions: {
    stepId: string;
    choiceId: string;
    target: string;
    points: number;
    choicePoints: number;
    wasBest: boolean;
    bestId: string;
    topic: string;
    phase: string;
  }[] = [];
  const stopAfter = random.next() < 0.15 ? 1 + Math.floor(random.next() * 3) : Infinity;
  while (snapshot.status === "active" && decisions.length < 25 && decisions.length < stopAfter) {
    const step = activity.case.steps.find((s) => s.id === currentPlace(snapshot))!;
    const offered = offeredChoices(machine, activity.case, snapshot);
    const bestPoints = Math.max(...offered.map((c) => c.points));
    const best = offered.find((c) => c.points === bestPoints)!;
    const choice = random.next() < skill ? best : random.pick(offered);
    const before = snapshot.context.score;
    snapshot = nextSnapshot(machine, snapshot, choice.id);
    decisions.push({
      stepId: step.id,
      choiceId: choice.id,
      target: choice.to,
      points: snapshot.context.score - before,
      choicePoints: choice.points,
      wasBest: choice.points >= bestPoints,
      bestId: choice.points >= bestPoints ? choice.id : best.id,
      topic: choice.topic,
      phase: step.phase,
    });
  }
  const finished = snapshot.status === "done";
  const place = currentPlace(snapshot);
  return {
    decisions,
    finished,
    place,
    score: snapshot.context.score,
    result: activity.case.outcomes.find((o) => o.id === place)?.result ?? null,
  };
}

const FIRST_NAMES = [
  "Anne",
  "Mette",
  "Hanne",
  "Susanne",
  "Camilla",
  "Louise",
  "Maria",
  "Sofie",
  "Ida",
  "Julie",
  "Peter",
  "Lars",
  "Jens",
  "Michael",
  "Søren",
  "Thomas",
  "Mads",
  "Rasmus",
  "Jakob",
  "Emil",
];
const LAST_NAMES = [
  "Jensen",
  "Nielsen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Petersen",
  "Madsen",
  "Kristensen",
  "Olsen",
  "Thomsen",
  "Poulsen",
  "Johansen",
  "Knudsen",
  "Mortensen",
  "Møller",
];

/** A fictional caseworker's name: common Danish first and last names, combined at random. */
const learnerName = (random: Random) => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;

const DAY = 24 * 3600 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface LoadResult {
  cohorts: { id: string; trainerId: string; moduleIds: string[] }[];
  learners: number;
}

/**
 * Adds `learners` learners in new cohorts of COHORT_SIZE under `organisationId`, with activity on
 * all published modules. Each cohort gets its own trainer, or all of them `trainerId` (so an
 * existing trainer, such as the demo trainer, sees them). The cohorts ran for 40 days, starting
 * 160 days ago, so a follow-up three months after their end has opened. `seed` makes it repeatable.
 */
export async function loadActivity(
  db: DB,
  course: CompiledCourse,
  options: {
    learners: number;
    organisationId: string;
    seed?: number;
    label?: string;
    trainerId?: string;
    onProgress?: (done: number) => void;
  },
): Promise<LoadResult> {
  const random = randomSource(options.seed ?? 1);
  const modules = publishedModules(course);
  const moduleIds = modules.map((m) => m.id);
  const activities = modules.flatMap((m) => m.activities);
  const cases = activities.filter((a): a is CaseActivity => a.type === "case");
  const machines = new Map(cases.map((c) => [c.id, createCaseMachine(c.case)]));
  const passwordHash = await hashPassword(randomUUID());
  const batch = new Batcher(db);
  const label = options.label ?? randomUUID().slice(0, 8);
  const result: LoadResult = { cohorts: [], learners: 0 };
  const start = Date.now() - 160 * DAY;
  const at = (offsetMinutes: number) => new Date(start + offsetMinutes * 60_000);

  for (let learnerIndex = 0; learnerIndex < options.learners; learnerIndex++) {
    if (learnerIndex % COHORT_SIZE === 0) {
      const cohortNumber = learnerIndex / COHORT_SIZE + 1;
      const trainerId = options.trainerId ?? randomUUID();
      const cohortId = randomUUID();
      if (!options.trainerId) {
        await batch.add("users", {
          id: trainerId,
          email: `underviser-${label}-${cohortNumber}@load.sagslab.dk`,
          name: `Underviser ${label}-${cohortNumber}`,
          password_hash: passwordHash,
          role: "trainer",
          organisation_id: options.organisationId,
        });
      }
      await batch.add("cohorts", {
        id: cohortId,
        name: `Belastningshold ${label}-${cohortNumber}`,
        organisation_id: options.organisationId,
        starts_on: isoDay(new Date(start)),
        ends_on: isoDay(new Date(start + 40 * DAY)),
        join_code: `L${label}-${cohortNumber}`.toUpperCase(),
        created_by: trainerId,
      });
      await batch.add("cohort_trainers", { cohort_id: cohortId, user_id: trainerId });
      for (const moduleId of moduleIds) await batch.add("cohort_modules", { cohort_id: cohortId, module_id: moduleId });
      result.cohorts.push({ id: cohortId, trainerId, moduleIds });
    }
    const cohort = result.cohorts.at(-1)!;
    const userId = randomUUID();
    const skill = 0.35 + random.next() * 0.55;
    let clock = random.next() * 20_000;
    const tick = () => (clock += 1 + random.next() * 30);
    await batch.add("users", {
      id: userId,
      email: `kursist-${label}-${learnerIndex}@load.sagslab.dk`,
      name: learnerName(random),
      password_hash: passwordHash,
      role: "learner",
      organisation_id: options.organisationId,
    });
    await batch.add("cohort_members", { cohort_id: cohort.id, user_id: userId });
    const complete = async (activity: { id: string; moduleId: string; type: string }) =>
      batch.add("activity_completions", {
        user_id: userId,
        activity_id: activity.id,
        module_id: activity.moduleId,
        activity_type: activity.type,
        completed_at: at(tick()),
      });

    for (const module of modules) {
      // How far this learner got in the module: some not started, most part-way or done.
      const reach = random.next() < 0.15 ? 0 : Math.ceil(random.next() * module.activities.length * 1.3);
      for (const activity of module.activities.slice(0, reach)) {
        if (activity.type === "lesson") await complete(activity);
        if (activity.type === "case") {
          const attempts = random.next() < 0.25 ? 2 : 1;
          let completed = false;
          for (let n = 0; n < attempts; n++) {
            const play = playCase(machines.get(activity.id)!, activity, random, skill + n * 0.2);
            const attemptId = randomUUID();
            const startedAt = at(tick());
            await batch.add("case_attempts", {
              id: attemptId,
              user_id: userId,
              activity_id: activity.id,
              module_id: activity.moduleId,
              case_version: activity.version,
              snapshot: "{}",
              status: play.finished ? "finished" : "abandoned",
              current_place: play.place,
              decision_count: play.decisions.length,
              acknowledged_count: play.decisions.length,
              score: play.score,
              max_score: activity.analysis.maxScore,
              outcome_id: play.finished ? play.place : null,
              outcome_result: play.result,
              started_at: startedAt,
              updated_at: at(tick()),
              finished_at: play.finished ? at(clock) : null,
            });
            for (const [index, d] of play.decisions.entries()) {
              await batch.add("case_decisions", {
                attempt_id: attemptId,
                seq: index + 1,
                user_id: userId,
                activity_id: activity.id,
                step_id: d.stepId,
                choice_id: d.choiceId,
                target_id: d.target,
                points: d.points,
                choice_points: d.choicePoints,
                was_best: d.wasBest,
                best_choice_id: d.bestId,
                topic: d.topic,
                phase: d.phase,
                decided_at: at(tick()),
              });
            }
            if (play.finished && !completed) {
              completed = true;
              await complete(activity);
            }
          }
        }
        if (activity.type === "quiz") {
          const attempts = 1 + Math.floor(random.next() * 2);
          for (let n = 0; n < attempts; n++) {
            const attemptId = randomUUID();
            const answers = activity.quiz.questions.map((question) => {
              const right = random.next() < skill + n * 0.2;
              const correctIds = question.options.filter((o) => o.correct).map((o) => o.id);
              const wrong = question.options.filter((o) => !o.correct);
              const chosen = right || wrong.length === 0 ? correctIds : [random.pick(wrong).id];
              return { question, chosen, right };
            });
            const correctCount = answers.filter((a) => a.right).length;
            const percent = Math.round((100 * correctCount) / answers.length);
            const passed = percent >= activity.quiz.passPercent;
            await batch.add("quiz_attempts", {
              id: attemptId,
              user_id: userId,
              activity_id: activity.id,
              module_id: activity.moduleId,
              quiz_version: activity.version,
              submission_id: randomUUID(),
              correct_count: correctCount,
              question_count: answers.length,
              percent,
              passed,
              submitted_at: at(tick()),
            });
            for (const a of answers) {
              await batch.add("quiz_answers", {
                attempt_id: attemptId,
                question_id: a.question.id,
                user_id: userId,
                activity_id: activity.id,
                option_ids: a.chosen,
                correct: a.right,
                topic: a.question.topic,
              });
            }
            if (passed) {
              await complete(activity);
              break;
            }
          }
        }
        if (activity.type === "evaluation" && random.next() < 0.8) {
          const responseId = randomUUID();
          await batch.add("evaluation_responses", {
            id: responseId,
            user_id: userId,
            activity_id: activity.id,
            module_id: activity.moduleId,
            status: "submitted",
            updated_at: at(tick()),
            submitted_at: at(clock),
          });
          for (const item of activity.evaluation.items) {
            if (item.kind === "likert") {
              const value = LIKERT_SCALE[Math.min(4, Math.floor(random.next() * random.next() * 5))]!.value;
              await batch.add("evaluation_answers", {
                response_id: responseId,
                item_id: item.id,
                likert_value: value,
                text_value: null,
              });
            } else if (random.next() < 0.3) {
              await batch.add("evaluation_answers", {
                response_id: responseId,
                item_id: item.id,
                likert_value: null,
                text_value: random.pick([
                  "Flere cases, tak.",
                  "Godt forløb.",
                  "Mere om begrundelse.",
                  "Gerne eksempler fra praksis.",
                ]),
              });
            }
          }
          // Most answer the follow-up three months after the cohort ended (its default day).
          const followUp = activity.evaluation.followUp;
          if (followUp && random.next() < 0.7) {
            const followUpId = randomUUID();
            const answeredAt = new Date(start + (40 + followUp.afterDays) * DAY + random.next() * 20 * DAY);
            await batch.add("follow_up_responses", {
              id: followUpId,
              user_id: userId,
              activity_id: activity.id,
              module_id: activity.moduleId,
              status: "submitted",
              updated_at: answeredAt,
              submitted_at: answeredAt,
            });
            for (const item of followUp.items) {
              if (item.kind !== "likert") continue;
              await batch.add("follow_up_answers", {
                response_id: followUpId,
                item_id: item.id,
                likert_value: LIKERT_SCALE[Math.min(4, Math.floor(random.next() * random.next() * 6))]!.value,
                text_value: null,
              });
            }
          }
          await complete(activity);
        }
      }
    }
    result.learners += 1;
    if ((learnerIndex + 1) % 1000 === 0) options.onProgress?.(learnerIndex + 1);
  }
  await batch.flush();
  return result;
}
