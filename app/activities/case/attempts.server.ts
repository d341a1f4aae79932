/**
 * Case attempts in the database. The server is the authority: a choice is decided purely from
 * the attempt's persisted XState snapshot (`decide.ts`), and the new snapshot plus one decision
 * row are stored in one transaction. A choice that is not offered, or posted from a stale tab,
 * changes nothing.
 */
import type { Selectable } from "kysely";
import type { DB } from "~/db/database.server";
import type { CaseAttemptsTable } from "~/db/schema";
import { casePassLevel, isPassingResult } from "~/progress/passing";
import { recordCompletion } from "~/progress/progress.server";
import type { CourseModule } from "~/content/types";
import { findBestPath } from "./analysis";
import type { CaseActivity, CaseDefinition } from "./content";
import { decide } from "./decide";
import { createCaseMachine, startPersisted, type CaseMachine } from "./machine";
import type { CaseAttemptView } from "./page";
import { buildCaseView, type AttemptState, type DebriefSources, type DecisionRecord, type ViewContext } from "./view";

type AttemptRow = Selectable<CaseAttemptsTable>;

// Machines are pure functions of a case version; building one per request would be waste.
const machines = new Map<string, CaseMachine>();
function machineFor(activityId: string, version: string, definition: CaseDefinition): CaseMachine {
  const key = `${activityId}@${version}`;
  let machine = machines.get(key);
  if (!machine) {
    machine = createCaseMachine(definition);
    machines.set(key, machine);
  }
  return machine;
}

/** The definition an attempt was started on: the current one, or the stored older version. */
async function definitionFor(db: DB, activity: CaseActivity, version: string): Promise<CaseDefinition | null> {
  if (version === activity.version) return activity.case;
  const stored = await db
    .selectFrom("case_versions")
    .select("definition")
    .where("activity_id", "=", activity.id)
    .where("version", "=", version)
    .executeTakeFirst();
  return stored ? (stored.definition as CaseDefinition) : null;
}

const toState = (row: AttemptRow): AttemptState => ({
  id: row.id,
  status: row.status,
  snapshot: row.snapshot,
  decisionCount: row.decision_count,
  acknowledgedCount: row.acknowledged_count,
  score: row.score,
  maxScore: row.max_score,
  outcomeId: row.outcome_id,
});

async function decisionsOf(db: DB, attemptId: string): Promise<DecisionRecord[]> {
  const rows = await db
    .selectFrom("case_decisions")
    .select(["seq", "step_id", "choice_id", "target_id", "points"])
    .where("attempt_id", "=", attemptId)
    .orderBy("seq")
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    stepId: row.step_id,
    choiceId: row.choice_id,
    targetId: row.target_id,
    points: row.points,
  }));
}

function latestAttempt(db: DB, userId: string, activityId: string) {
  return db
    .selectFrom("case_attempts")
    .selectAll()
    .where("user_id", "=", userId)
    .where("activity_id", "=", activityId)
    .where("status", "!=", "abandoned")
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export interface LoadOptions {
  /** The learner comes back to the attempt (not right after acting on it): the page says where they are. */
  returning?: boolean;
  /** The module's lessons and checklists, for the debrief at the outcome. */
  module?: Pick<CourseModule, "id" | "activities" | "checklists">;
  /** How the view's prose is sent (`ViewContext.prose`): once by the activity page; inline if absent. */
  prose?: ViewContext["prose"];
}

/** The learner's latest attempt as the page shows it: none yet, on a lost version, or under way or done. */
export async function loadAttempt(
  db: DB,
  userId: string,
  activity: CaseActivity,
  options: LoadOptions = {},
): Promise<CaseAttemptView> {
  const attempt = await latestAttempt(db, userId, activity.id);
  if (!attempt) return { kind: "intro" };
  const definition = await definitionFor(db, activity, attempt.case_version);
  if (!definition) return attempt.status === "active" ? { kind: "outdated" } : { kind: "intro" };
  const machine = machineFor(activity.id, attempt.case_version, definition);
  const { module } = options;
  const debrief: DebriefSources | undefined = module && {
    moduleId: module.id,
    // What each topic can earn: the current version's best path, or an older version's own.
    bestPath:
      attempt.case_version === activity.version
        ? activity.analysis.bestPath
        : (findBestPath(definition)?.choices ?? activity.analysis.bestPath),
    lessons: module.activities.flatMap((a) =>
      a.type === "lesson" ? [{ id: a.id, title: a.title, html: a.html, legalBasis: a.legalBasis }] : [],
    ),
    checklists: module.checklists,
  };
  const view = buildCaseView(machine, definition, toState(attempt), await decisionsOf(db, attempt.id), {
    returning: options.returning,
    debrief,
    prose: options.prose,
  });
  return { kind: "attempt", view, olderVersion: attempt.case_version !== activity.version };
}

/**
 * Starts an attempt on the current version, unless one is already under way (a double
 * "Start" or a second tab): then that one is kept. `fresh` abandons the unfinished one first.
 */
export async function startAttempt(db: DB, userId: string, activity: CaseActivity, options: { fresh?: boolean } = {}) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("case_versions")
      .values({ activity_id: activity.id, version: activity.version, definition: JSON.stringify(activity.case) })
      .onConflict((oc) => oc.columns(["activity_id", "version"]).doNothing())
      .execute();
    if (options.fresh) {
      await trx
        .updateTable("case_attempts")
        .set({ status: "abandoned", updated_at: new Date() })
        .where("user_id", "=", userId)
        .where("activity_id", "=", activity.id)
        .where("status", "=", "active")
        .execute();
    }
    const machine = machineFor(activity.id, activity.version, activity.case);
    await trx
      .insertInto("case_attempts")
      .values({
        user_id: userId,
        activity_id: activity.id,
        module_id: activity.moduleId,
        case_version: activity.version,
        snapshot: JSON.stringify(startPersisted(machine)),
        status: "active",
        current_place: activity.case.start,
        max_score: activity.analysis.maxScore,
      })
      .onConflict((oc) => oc.columns(["user_id", "activity_id"]).where("status", "=", "active").doNothing())
      .execute();
  });
}

export type ChoiceOutcome = { ok: true; finished: boolean } | { ok: false; status: 400 | 409; message: string };

export const STALE_MESSAGE =
  "Casen er gået videre, siden siden blev vist (måske i en anden fane). Her er det aktuelle trin; dit valg er ikke registreret.";

/**
 * Applies a learner's choice. `seq` is the number of decisions the page was showing; a
 * different number means a stale tab or a double submit, and nothing is stored.
 */
export async function chooseInAttempt(
  db: DB,
  input: { userId: string; activity: CaseActivity; seq: number; choice: string },
): Promise<ChoiceOutcome> {
  const { userId, activity } = input;
  return db.transaction().execute(async (trx): Promise<ChoiceOutcome> => {
    const attempt = await trx
      .selectFrom("case_attempts")
      .selectAll()
      .where("user_id", "=", userId)
      .where("activity_id", "=", activity.id)
      .where("status", "=", "active")
      .forUpdate()
      .executeTakeFirst();
    if (!attempt || attempt.decision_count !== input.seq || attempt.acknowledged_count < attempt.decision_count) {
      return { ok: false, status: 409, message: STALE_MESSAGE };
    }
    const definition = await definitionFor(trx, activity, attempt.case_version);
    if (!definition) {
      return { ok: false, status: 409, message: "Casen er blevet opdateret. Start forfra for at fortsætte." };
    }
    const machine = machineFor(activity.id, attempt.case_version, definition);
    const decided = decide(machine, definition, attempt, input.choice);
    if (!decided.ok) {
      const message =
        decided.reason === "unknown-choice"
          ? "Det valg findes ikke på dette trin. Vælg en af mulighederne."
          : "Det valg er ikke muligt lige nu. Vælg en af de viste muligheder.";
      return { ok: false, status: 400, message };
    }
    const { decision, finished, place } = decided;
    const seq = attempt.decision_count + 1;

    await trx
      .insertInto("case_decisions")
      .values({
        attempt_id: attempt.id,
        seq,
        user_id: userId,
        activity_id: activity.id,
        step_id: decision.stepId,
        choice_id: decision.choiceId,
        target_id: decision.targetId,
        points: decision.points,
        choice_points: decision.choicePoints,
        verdict: decision.verdict,
        was_best: decision.wasBest,
        best_choice_id: decision.bestChoiceId,
        topic: decision.topic,
        phase: decision.phase,
      })
      .execute();
    await trx
      .updateTable("case_attempts")
      .set({
        snapshot: JSON.stringify(decided.persisted),
        current_place: place,
        decision_count: seq,
        score: decided.score,
        updated_at: new Date(),
        ...(finished
          ? {
              status: "finished" as const,
              finished_at: new Date(),
              outcome_id: place,
              outcome_result: decided.outcome?.result ?? null,
            }
          : {}),
      })
      .where("id", "=", attempt.id)
      .execute();
    // Completed means passed (passing.ts): the trainer's figures count completions, so a lost case records none.
    if (finished && isPassingResult(decided.outcome?.result ?? null, casePassLevel(activity)))
      await recordCompletion(trx, userId, activity);
    return { ok: true, finished };
  });
}

/** The learner has read the feedback of decision `seq` ("Fortsæt"). Idempotent. */
export async function acknowledgeFeedback(db: DB, userId: string, activity: CaseActivity, seq: number) {
  await db
    .updateTable("case_attempts")
    .set({ acknowledged_count: seq, updated_at: new Date() })
    .where("user_id", "=", userId)
    .where("activity_id", "=", activity.id)
    .where("status", "!=", "abandoned")
    .where("decision_count", ">=", seq)
    .where("acknowledged_count", "<", seq)
    .execute();
}

export interface CaseSummary {
  best: { score: number; maxScore: number; result: string } | null;
  latest: { status: "active" | "finished"; score: number; maxScore: number; result: string | null } | null;
  attempts: number;
}

/** Best and latest result of each case of a module, for the module page. */
export async function caseSummaries(db: DB, userId: string, moduleId: string): Promise<Map<string, CaseSummary>> {
  const rows = await db
    .selectFrom("case_attempts")
    .select(["activity_id", "status", "score", "max_score", "outcome_result", "started_at"])
    .where("user_id", "=", userId)
    .where("module_id", "=", moduleId)
    .where("status", "!=", "abandoned")
    .orderBy("started_at", "desc")
    .execute();
  const summaries = new Map<string, CaseSummary>();
  for (const row of rows) {
    const summary = summaries.get(row.activity_id) ?? { best: null, latest: null, attempts: 0 };
    summary.attempts += 1;
    summary.latest ??= {
      status: row.status === "finished" ? "finished" : "active",
      score: row.score,
      maxScore: row.max_score,
      result: row.outcome_result,
    };
    if (row.status === "finished" && (!summary.best || row.score > summary.best.score)) {
      summary.best = { score: row.score, maxScore: row.max_score, result: row.outcome_result ?? "" };
    }
    summaries.set(row.activity_id, summary);
  }
  return summaries;
}
