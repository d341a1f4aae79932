import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { findBestPath } from "../../app/activities/case/analysis";
import {
  acknowledgeFeedback,
  caseSummaries,
  chooseInAttempt,
  loadAttempt,
  startAttempt,
  STALE_MESSAGE,
} from "../../app/activities/case/attempts.server";
import type { CaseActivity, CaseDefinition } from "../../app/activities/case/content";
import { choice, outcome, sampleCase, step } from "../../app/activities/case/test-cases";
import { proseFragment } from "../../app/content/prose.server";
import type { DatabaseHandle } from "../../app/db/database.server";
import { completions } from "../../app/progress/progress.server";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { playCase, shownValue } from "./play-case";
import { rejudgeStoredDecisions, withdrawCompletionsOfUnpassedCases } from "../../app/activities/case/rejudge.server";

function caseActivity(definition: CaseDefinition, version = "v1"): CaseActivity {
  const best = findBestPath(definition)!;
  return {
    id: "test-case",
    moduleId: "test",
    title: "Testcase",
    type: "case",
    estimatedMinutes: 5,
    required: true,
    legalBasis: [],
    file: "content/test/01-case.mdx",
    version,
    introHtml: "<p>Intro</p>",
    case: definition,
    analysis: { maxScore: best.maxScore, bestPath: best.choices, bestOutcomeId: best.outcomeId },
  };
}

const activity = caseActivity(sampleCase);
/** What the button of a choice posts in the learner's attempt now (its position in the shuffled order). */
const pick = (db: DatabaseHandle["db"], userId: string, choiceId: string) => shownValue(db, userId, activity, choiceId);

async function view(db: DatabaseHandle["db"], userId: string, on: CaseActivity = activity) {
  const page = await loadAttempt(db, userId, on);
  if (page.kind !== "attempt") throw new Error(`expected an attempt, got ${page.kind}`);
  return page.view;
}

describe.each(engines)("cases on %s", (engine) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  test("a full attempt: each choice stored with its points, topic and phase; the outcome completes the case", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    expect(await loadAttempt(db, user.id, activity)).toEqual({ kind: "intro" });
    await startAttempt(db, user.id, activity);
    expect(await view(db, user.id)).toMatchObject({ state: "step", seq: 0, phaseLabel: "Opstart" });

    expect(
      await chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: await pick(db, user.id, "investigate") }),
    ).toEqual({
      ok: true,
      finished: false,
    });
    expect(await view(db, user.id)).toMatchObject({ state: "feedback", chosenLabel: "Undersøg" });
    await acknowledgeFeedback(db, user.id, activity, 1);
    expect(await view(db, user.id)).toMatchObject({ state: "step", seq: 1 });

    expect(
      await chooseInAttempt(db, { userId: user.id, activity, seq: 1, choice: await pick(db, user.id, "decide-well") }),
    ).toEqual({
      ok: true,
      finished: true,
    });
    await acknowledgeFeedback(db, user.id, activity, 2);
    expect(await view(db, user.id)).toMatchObject({
      state: "outcome",
      result: "korrekt",
      score: 5,
      maxScore: 5,
      percent: 100,
    });

    const decisions = await db.selectFrom("case_decisions").selectAll().orderBy("seq").execute();
    expect(
      decisions.map((d) => [d.seq, d.step_id, d.choice_id, d.points, d.topic, d.phase, d.verdict, d.was_best]),
    ).toEqual([
      [1, "start", "investigate", 2, "sagsoplysning", "opstart", "best", true],
      [2, "investigated", "decide-well", 3, "begrundelse", "oplysning", "best", true],
    ]);
    expect((await completions(db, user.id)).has(activity.id)).toBe(true);
    const attempt = await db.selectFrom("case_attempts").selectAll().executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({
      status: "finished",
      score: 5,
      max_score: 5,
      outcome_id: "good",
      outcome_result: "korrekt",
      case_version: "v1",
    });
    expect(attempt.finished_at).toBeInstanceOf(Date);
  });

  test("a double submit records one decision and shows the current state", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    await startAttempt(db, user.id, activity);
    await startAttempt(db, user.id, activity); // a double "Start casen" keeps one attempt
    expect(await db.selectFrom("case_attempts").select("id").execute()).toHaveLength(1);
    const investigate = await pick(db, user.id, "investigate");
    const first = await chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: investigate });
    const second = await chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: investigate });
    expect(first).toEqual({ ok: true, finished: false });
    expect(second).toEqual({ ok: false, status: 409, message: STALE_MESSAGE });
    expect(await db.selectFrom("case_decisions").select("seq").execute()).toHaveLength(1);
    expect(await view(db, user.id)).toMatchObject({ state: "feedback", chosenLabel: "Undersøg" });
  });

  test("a choice from a stale tab, for a step that is no longer current, records nothing", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    await startAttempt(db, user.id, activity);
    // Tab A shows step 1 (seq 0). Tab B chooses and continues.
    const decideNow = await pick(db, user.id, "decide-now");
    await chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: await pick(db, user.id, "investigate") });
    await acknowledgeFeedback(db, user.id, activity, 1);
    // Tab A now posts "decide now" for the old step: its position also exists on the current step.
    const stale = await chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: decideNow });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect(await db.selectFrom("case_decisions").select("seq").execute()).toHaveLength(1);
    expect(await view(db, user.id)).toMatchObject({ state: "step", seq: 1 });
  });

  test("two choices posted at the same moment on one attempt: exactly one wins", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    await startAttempt(db, user.id, activity);
    const [investigate, decideNow] = [await pick(db, user.id, "investigate"), await pick(db, user.id, "decide-now")];
    const results = await Promise.all([
      chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: investigate }),
      chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: decideNow }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(1);
    const decisions = await db.selectFrom("case_decisions").selectAll().execute();
    expect(decisions).toHaveLength(1);
    const attempt = await db.selectFrom("case_attempts").selectAll().executeTakeFirstOrThrow();
    expect(attempt.decision_count).toBe(1);
    expect(attempt.current_place).toBe(decisions[0]!.target_id);
  });

  test("a choice that is not offered now (unknown, or its requirement unmet) gets 400 and stores nothing", async () => {
    const { db } = handle;
    const gated = caseActivity({
      start: "s",
      steps: [
        step("s", [choice("end", { id: "flagged", requires: ["x"] }), choice("t", { id: "plain", sets: ["y"] })]),
        step("t", [choice("end", { id: "x-setter", sets: ["x"] })]),
      ],
      outcomes: [outcome("end", "korrekt")],
    });
    const user = await createTestUser(db);
    await startAttempt(db, user.id, gated);
    // Only "plain" is shown, at position 0: position 1 and 7 are no choice at all.
    for (const value of ["1", "7"]) {
      const result = await chooseInAttempt(db, { userId: user.id, activity: gated, seq: 0, choice: value });
      expect(result).toMatchObject({ ok: false, status: 400 });
    }
    expect(await db.selectFrom("case_decisions").select("seq").execute()).toHaveLength(0);
    const attempt = await db.selectFrom("case_attempts").selectAll().executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ decision_count: 0, current_place: "s", score: 0 });
  });

  test("an attempt started on an older version continues on that version; without it, a fresh start is offered", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    await startAttempt(db, user.id, activity);
    await chooseInAttempt(db, { userId: user.id, activity, seq: 0, choice: await pick(db, user.id, "investigate") });
    await acknowledgeFeedback(db, user.id, activity, 1);

    // The author rewrites the case: "investigated" is gone.
    const rewritten = caseActivity(
      {
        start: "start",
        steps: [step("start", [choice("done", { id: "new-choice", points: 1 })])],
        outcomes: [outcome("done", "korrekt")],
      },
      "v2",
    );
    // The older version's situation, sent once as the activity page sends it (proseFragment): a page
    // load's data does not carry it (it is registered for the markup); a client navigation's does.
    const fragments = new Map<string, string>();
    const pageLoad = await loadAttempt(db, user.id, rewritten, {
      prose: (key, html) => proseFragment({ proseFragments: fragments }, key, html),
    });
    expect(pageLoad).toMatchObject({
      kind: "attempt",
      olderVersion: true,
      view: { state: "step", seq: 1, situation: { key: "situation", html: null } },
    });
    expect(JSON.stringify(pageLoad)).not.toContain("Situation investigated");
    expect(fragments.get("situation")).toBe("<p>Situation investigated</p>");
    const navigation = await loadAttempt(db, user.id, rewritten, {
      prose: (key, html) => proseFragment({ proseFragments: undefined }, key, html),
    });
    expect(navigation).toMatchObject({
      kind: "attempt",
      olderVersion: true,
      view: { state: "step", seq: 1, situation: { key: "situation", html: "<p>Situation investigated</p>" } },
    });
    expect(
      await chooseInAttempt(db, {
        userId: user.id,
        activity: rewritten,
        seq: 1,
        choice: await pick(db, user.id, "decide-well"),
      }),
    ).toEqual({ ok: true, finished: true });

    // Another learner's attempt whose version the platform no longer has.
    const other = await createTestUser(db);
    await startAttempt(db, other.id, activity);
    await db.deleteFrom("case_versions").where("version", "=", "v1").execute();
    expect(await loadAttempt(db, other.id, rewritten)).toEqual({ kind: "outdated" });
    expect(await chooseInAttempt(db, { userId: other.id, activity: rewritten, seq: 0, choice: "0" })).toMatchObject({
      ok: false,
      status: 409,
    });
    await startAttempt(db, other.id, rewritten, { fresh: true });
    expect(await view(db, other.id, rewritten)).toMatchObject({
      state: "step",
      seq: 0,
      choices: [{ label: "Til done" }],
    });
    const statuses = await db
      .selectFrom("case_attempts")
      .select(["status", "case_version"])
      .where("user_id", "=", other.id)
      .orderBy("started_at")
      .execute();
    expect(statuses).toEqual([
      { status: "abandoned", case_version: "v1" },
      { status: "active", case_version: "v2" },
    ]);
  });

  test("each decision stores the review's verdict: a choice into forkert is never best, even when all score 0", async () => {
    const { db } = handle;
    const zero = caseActivity(
      {
        start: "s",
        steps: [
          step("s", [
            choice("lost", { id: "wrong", label: "Giv afslag" }),
            choice("t", { id: "right", label: "Oplys" }),
          ]),
          step("t", [
            choice("won", { id: "decide", label: "Afgør", points: 1 }),
            choice("s", { id: "back", label: "Tilbage" }),
          ]),
        ],
        outcomes: [outcome("won", "korrekt"), outcome("lost", "forkert")],
      },
      "v-zero",
    );
    const user = await createTestUser(db);
    await playCase(db, user.id, ["right", "back", "wrong"], { activity: zero });
    const stored = await db
      .selectFrom("case_decisions")
      .select(["choice_id", "verdict", "was_best", "best_choice_id"])
      .orderBy("seq")
      .execute();
    expect(stored).toEqual([
      { choice_id: "right", verdict: "best", was_best: true, best_choice_id: "right" },
      { choice_id: "back", verdict: "not-best", was_best: false, best_choice_id: "decide" },
      { choice_id: "wrong", verdict: "not-best", was_best: false, best_choice_id: "right" },
    ]);
    // The review says the same as what was stored.
    const outcome_ = await view(db, user.id, zero);
    expect(outcome_.state === "outcome" && outcome_.review.map((r) => r.heading)).toEqual([
      "Bedste valg",
      "Ikke det bedste valg – det bedste var: Afgør",
      "Ikke det bedste valg – det bedste var: Oplys",
    ]);
  });

  test("decisions stored before the review's rule are judged again by it, once; an unknown version is left alone", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    await playCase(db, user.id, ["investigate", "back", "decide-now"], { activity });
    // As an older rule stored them: no verdict, and every choice called best.
    await db.updateTable("case_decisions").set({ verdict: null, was_best: true, best_choice_id: "x" }).execute();
    const other = await createTestUser(db);
    await playCase(db, other.id, ["decide-now"], { activity });
    await db.updateTable("case_decisions").set({ verdict: null }).where("user_id", "=", other.id).execute();
    await db.updateTable("case_attempts").set({ case_version: "gone" }).where("user_id", "=", other.id).execute();

    expect(await rejudgeStoredDecisions(db, [activity])).toBe(3);
    const rows = await db
      .selectFrom("case_decisions")
      .select(["user_id", "choice_id", "verdict", "was_best", "best_choice_id"])
      .orderBy("user_id")
      .orderBy("seq")
      .execute();
    expect(rows.filter((r) => r.user_id === user.id).map(({ user_id: _, ...r }) => r)).toEqual([
      { choice_id: "investigate", verdict: "best", was_best: true, best_choice_id: "investigate" },
      { choice_id: "back", verdict: "not-best", was_best: false, best_choice_id: "decide-well" },
      { choice_id: "decide-now", verdict: "not-best", was_best: false, best_choice_id: "investigate" },
    ]);
    expect(rows.find((r) => r.user_id === other.id)).toMatchObject({ verdict: null });
    expect(await rejudgeStoredDecisions(db, [activity])).toBe(0);
  });

  test("a completion the earlier rule recorded for a lost case is withdrawn at start-up; a passed case keeps its own", async () => {
    const { db } = handle;
    const lost = await createTestUser(db);
    await playCase(db, lost.id, ["decide-now"], { activity });
    const solved = await createTestUser(db);
    await playCase(db, solved.id, ["investigate", "decide-well"], { activity });
    expect((await completions(db, solved.id)).has(activity.id)).toBe(true);
    // As the earlier rule left it: the lost case recorded as completed.
    await db
      .insertInto("activity_completions")
      .values({ user_id: lost.id, activity_id: activity.id, module_id: activity.moduleId, activity_type: "case" })
      .execute();

    expect(await withdrawCompletionsOfUnpassedCases(db, [activity])).toBe(1);
    expect((await completions(db, lost.id)).has(activity.id)).toBe(false);
    expect((await completions(db, solved.id)).has(activity.id)).toBe(true);
    // The attempt itself is kept, and a second start changes nothing.
    expect(await db.selectFrom("case_attempts").select("id").where("user_id", "=", lost.id).execute()).toHaveLength(1);
    expect(await withdrawCompletionsOfUnpassedCases(db, [activity])).toBe(0);
  });

  test("the module page gets each case's best and latest result", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    await playCase(db, user.id, ["investigate", "decide-well"], { activity, fresh: true });
    await playCase(db, user.id, ["decide-now"], { activity, fresh: true });
    const summary = (await caseSummaries(db, user.id, "test")).get(activity.id);
    expect(summary).toEqual({
      attempts: 2,
      best: { score: 5, maxScore: 5, result: "korrekt" },
      latest: { status: "finished", score: 0, maxScore: 5, result: "forkert" },
    });
  });
});

describe.each(engines)("resuming on %s", (engine) => {
  test("an attempt survives a restart of the app and resumes where it was", async () => {
    const handle = await freshDatabase(engine, { persistent: true });
    const user = await createTestUser(handle.db);
    await startAttempt(handle.db, user.id, activity);
    await chooseInAttempt(handle.db, {
      userId: user.id,
      activity,
      seq: 0,
      choice: await pick(handle.db, user.id, "investigate"),
    });
    const before = await view(handle.db, user.id);
    const reopened = await handle.reopen();
    try {
      expect(await view(reopened.db, user.id)).toEqual(before);
      await acknowledgeFeedback(reopened.db, user.id, activity, 1);
      expect(
        await chooseInAttempt(reopened.db, {
          userId: user.id,
          activity,
          seq: 1,
          choice: await pick(reopened.db, user.id, "decide-well"),
        }),
      ).toEqual({ ok: true, finished: true });
    } finally {
      await reopened.close();
      if (engine === "postgres") await handle.close();
    }
  });
});
