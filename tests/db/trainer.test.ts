import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { saveEvaluation } from "../../app/activities/evaluation/responses.server";
import { submitQuiz } from "../../app/activities/quiz/attempts.server";
import {
  createCohort,
  joinCohort,
  lookUpJoinCode,
  UNKNOWN_CODE_MESSAGE,
  visibleCohorts,
  visibleCohortsPage,
} from "../../app/trainer/cohorts.server";
import { cohortDashboard, cohortExportTable, cohortOverviews } from "../../app/trainer/dashboard.server";
import { tableToCsv } from "../../app/trainer/export-table";
import { cohortPlaces } from "../../app/trainer/weak-places.server";
import { rankPlaces } from "../../app/trainer/weak-places";
import { createTestUser } from "../factories";
import { testEvaluation, testQuiz, trainerCourse } from "../activity-fixtures";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { BACK, DECIDE_BADLY, DECIDE_NOW, DECIDE_WELL, INVESTIGATE, playCase } from "./play-case";

async function organisation(db: TestDatabase["db"], name = "Egeby Kommune") {
  return db.insertInto("organisations").values({ name }).returning("id").executeTakeFirstOrThrow();
}

async function cohortFor(
  db: TestDatabase["db"],
  trainerId: string,
  dates = { startsOn: "2026-01-01", endsOn: "2099-12-31" },
) {
  const org = await organisation(db, `Kommune ${randomUUID()}`);
  return createCohort(db, { name: "Hold A", organisationId: org.id, ...dates, modules: ["test"], trainerId });
}

const quizAnswer = (db: TestDatabase["db"], userId: string, answers: Record<string, string[]>) =>
  submitQuiz(db, { userId, activity: testQuiz, submissionId: randomUUID(), answers });

describe.each(engines)("trainer dashboard on %s", (engine) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  test("a cohort gets a join code; a learner joins once, in several cohorts; a wrong or expired code is refused in Danish", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const learner = await createTestUser(db);
    const first = await cohortFor(db, trainer.id);
    const second = await cohortFor(db, trainer.id);
    expect(first.joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(second.joinCode).not.toBe(first.joinCode);

    expect(await joinCohort(db, learner.id, first.joinCode.toLowerCase())).toMatchObject({
      ok: true,
      alreadyMember: false,
    });
    expect(await joinCohort(db, learner.id, first.joinCode)).toMatchObject({ ok: true, alreadyMember: true });
    expect(await joinCohort(db, learner.id, ` ${second.joinCode} `)).toMatchObject({ ok: true });
    const memberships = await db
      .selectFrom("cohort_members")
      .select("cohort_id")
      .where("user_id", "=", learner.id)
      .execute();
    expect(memberships).toHaveLength(2);

    expect(await joinCohort(db, learner.id, "XXXX-XXXX")).toEqual({ ok: false, message: UNKNOWN_CODE_MESSAGE });
    const old = await cohortFor(db, trainer.id, { startsOn: "2020-01-01", endsOn: "2020-06-30" });
    expect(await lookUpJoinCode(db, old.joinCode)).toEqual({
      ok: false,
      message:
        "Holdet med den kode sluttede 30. juni 2020, så der kan ikke længere tilmeldes. Spørg din underviser om en ny kode.",
    });
    expect(await joinCohort(db, learner.id, old.joinCode)).toMatchObject({ ok: false });

    const other = await createTestUser(db, { role: "trainer" });
    const admin = await createTestUser(db, { role: "admin" });
    expect(await visibleCohorts(db, { id: other.id, role: "trainer" })).toEqual([]);
    expect(await visibleCohorts(db, trainer)).toHaveLength(3);
    expect(await visibleCohorts(db, admin)).toHaveLength(3);

    // A cohort takes members until and including its last day, in Danish time.
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
    const endsToday = await cohortFor(db, trainer.id, { startsOn: "2020-01-01", endsOn: today });
    expect(await lookUpJoinCode(db, endsToday.joinCode)).toMatchObject({ ok: true });
  });

  test("the cohort list comes in pages of 25, newest first", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const org = await organisation(db);
    for (let day = 1; day <= 26; day++) {
      const startsOn = `2026-01-${String(day).padStart(2, "0")}`;
      await createCohort(db, {
        name: `Hold ${day}`,
        organisationId: org.id,
        startsOn,
        endsOn: "2026-12-31",
        modules: ["test"],
        trainerId: trainer.id,
      });
    }
    const first = await visibleCohortsPage(db, trainer, 1);
    expect(first.cohorts).toHaveLength(25);
    expect(first.cohorts[0]!.name).toBe("Hold 26");
    expect(first.more).toBe(true);
    const second = await visibleCohortsPage(db, trainer, 2);
    expect(second).toMatchObject({ more: false, cohorts: [{ name: "Hold 1" }] });
  });

  test("each figure of the dashboard on a hand-built cohort", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const [a, b, c, outsider] = [
      await createTestUser(db, { name: "Anne" }),
      await createTestUser(db, { name: "Bo" }),
      await createTestUser(db, { name: "Cecilie" }),
      await createTestUser(db, { name: "Udenfor" }),
    ];
    const cohort = await cohortFor(db, trainer.id);
    for (const learner of [a, b, c]) await joinCohort(db, learner.id, cohort.joinCode);

    // Case. A: the best way. B: a wrong end, then a second attempt with a loop and a weak end.
    // C: stops after the first step. The outsider's choices must not count.
    await playCase(db, a.id, [INVESTIGATE, DECIDE_WELL]);
    await playCase(db, b.id, [DECIDE_NOW]);
    await playCase(db, b.id, [INVESTIGATE, BACK, INVESTIGATE, DECIDE_BADLY], { fresh: true });
    await playCase(db, c.id, [INVESTIGATE]);
    await playCase(db, outsider.id, [DECIDE_NOW]);

    // Quiz. A: wrong, then right. B: half right. The outsider: wrong.
    await quizAnswer(db, a.id, { ansvar: ["borger"], indhold: ["regler", "fakta"] });
    await quizAnswer(db, a.id, { ansvar: ["kommune"], indhold: ["regler", "fakta"] });
    await quizAnswer(db, b.id, { ansvar: ["kommune"], indhold: ["regler", "navn"] });
    await quizAnswer(db, outsider.id, { ansvar: ["borger"], indhold: ["navn"] });

    const dashboard = await cohortDashboard(db, trainerCourse, { id: cohort.id, moduleIds: ["test", "kladde"] });

    // Progress: three required activities; drafts are never part of a cohort's view.
    expect(dashboard.matrix.modules).toEqual([{ id: "test", title: "Testmodul", required: 3 }]);
    expect(
      dashboard.matrix.rows.map((r) => [r.name, r.cells[0]!.done, r.cells[0]!.percent, r.cells[0]!.status]),
    ).toEqual([
      ["Anne", 2, 67, "started"],
      // Bo played the case twice without a korrekt ending: played, not passed (issue 11).
      ["Bo", 0, 0, "started"],
      // Cecilie has a case under way: begun, though nothing required is completed.
      ["Cecilie", 0, 0, "started"],
    ]);
    expect(dashboard.matrix.rows.every((r) => r.lastActivity instanceof Date)).toBe(true);
    expect(dashboard.matrix.perModule).toEqual([
      { moduleId: "test", title: "Testmodul", completed: 0, started: 3, participants: 3, completedShare: 0 },
    ]);

    // Quiz per question: first attempts and all attempts, and the most chosen wrong option.
    const [ansvar, indhold] = dashboard.quizzes[0]!.questions;
    expect(ansvar).toMatchObject({
      answers: 3,
      firstAnswers: 2,
      firstRightShare: 50,
      overallRightShare: 67,
      mostChosenWrong: { label: "Borgeren", chosen: 1 },
    });
    expect(indhold).toMatchObject({
      answers: 3,
      firstAnswers: 2,
      firstRightShare: 50,
      overallRightShare: 67,
      mostChosenWrong: { label: "Navn", chosen: 1 },
    });

    // Case per step.
    const stats = dashboard.cases[0]!;
    const [start, investigated] = stats.steps;
    expect(start).toMatchObject({ decisions: 5, firstDecisions: 3, bestShare: 80, firstBestShare: 67 });
    expect(start!.choices.map((ch) => [ch.id, ch.all, ch.first, ch.onBestPath])).toEqual([
      ["investigate", 4, 2, true],
      ["decide-now", 1, 1, false],
    ]);
    expect(investigated).toMatchObject({ decisions: 3, firstDecisions: 1, bestShare: 33, firstBestShare: 100 });
    expect(investigated!.choices.map((ch) => [ch.id, ch.all, ch.first])).toEqual([
      ["decide-well", 1, 1],
      ["decide-badly", 1, 0],
      ["back", 1, 0],
    ]);
    // Endings by result and text, steps by number and situation: never an id.
    expect(stats.outcomes.map((o) => [o.result, o.text, o.all, o.first])).toEqual([
      ["Korrekt", "Afslutning good", 1, 1],
      ["Delvist korrekt", "Afslutning partial", 1, 0],
      ["Forkert", "Afslutning remitted", 1, 1],
    ]);
    expect(stats.dropOff).toEqual([
      { placeId: "investigated", label: "Trin 2: Situation investigated", all: 1, first: 1 },
    ]);
    // B's second attempt went start → investigated → start → investigated: both steps twice.
    expect(stats.loops).toEqual([
      { stepId: "start", label: "Trin 1: Situation start", learners: 1, repeats: 1 },
      { stepId: "investigated", label: "Trin 2: Situation investigated", learners: 1, repeats: 1 },
    ]);

    // Where the cohort goes wrong: first attempts only, each step counted once per attempt.
    const weak = rankPlaces(await cohortPlaces(db, cohort.id, trainerCourse.modules));
    // First decisions: start 3 (B decided now), investigated 1 (A); first quiz answers: A wrong on
    // ansvar, B wrong on indhold. Begrundelse has 3 answers: too few to rank, so it comes last.
    expect(weak.byTopic.map((g) => [g.key, g.total, g.wrong, g.tooFew])).toEqual([
      ["sagsoplysning", 5, 2, false],
      ["begrundelse", 3, 1, true],
    ]);
    expect(weak.byPhase.map((g) => [g.key, g.total, g.wrong, g.tooFew])).toEqual([
      ["opstart", 3, 1, true],
      ["oplysning", 1, 0, true],
    ]);
    expect(weak.weakest).toEqual([]);

    // The overview on /underviser.
    const [overview] = await cohortOverviews(db, trainerCourse, [cohort.id]);
    expect(overview).toMatchObject({ participants: 3, modules: [{ moduleId: "test", completed: 0, share: 0 }] });
    expect(overview!.lastActivity).toBeInstanceOf(Date);
  });

  test("evaluation figures appear only from five respondents, without names, drafts not counted", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const cohort = await cohortFor(db, trainer.id);
    const values = ["hoej", "hoej", "nogen", "mindre", "ved-ikke"];
    const learners = [];
    for (const value of values) {
      const learner = await createTestUser(db);
      learners.push(learner);
      await joinCohort(db, learner.id, cohort.joinCode);
      await saveEvaluation(db, {
        userId: learner.id,
        activity: testEvaluation,
        answers: { kendskab: value, forbedringer: `Svar ${value}` },
        submit: false,
      });
    }
    const view = () =>
      cohortDashboard(db, trainerCourse, { id: cohort.id, moduleIds: ["test"] }).then((d) => d.evaluations[0]!);

    for (const [index, learner] of learners.slice(0, 4).entries()) {
      await saveEvaluation(db, {
        userId: learner.id,
        activity: testEvaluation,
        answers: { kendskab: values[index]!, forbedringer: `Svar ${index}` },
        submit: true,
      });
    }
    expect(await view()).toEqual({ activityId: "test-evaluering", title: "Evaluering", respondents: 4, shown: false });

    await saveEvaluation(db, {
      userId: learners[4]!.id,
      activity: testEvaluation,
      answers: { kendskab: "ved-ikke" },
      submit: true,
    });
    const shown = await view();
    if (!shown.shown) throw new Error("expected the figures");
    expect(shown.respondents).toBe(5);
    expect(shown.statements[0]).toMatchObject({ answers: 5, positiveShare: 60 });
    expect(shown.statements[0]!.spread.map((s) => s.count)).toEqual([2, 1, 1, 0, 1]);
    expect(shown.freeTexts).toEqual([
      { id: "forbedringer", label: "Hvad kan gøres bedre?", answers: ["Svar 0", "Svar 1", "Svar 2", "Svar 3"] },
    ]);
    expect(JSON.stringify(shown)).not.toContain(learners[0]!.name);

    expect(await joinCohort(db, trainer.id, cohort.joinCode)).toEqual({
      ok: false,
      message: "Du er underviser på holdet og kan ikke tilmelde dig det som deltager.",
    });

    // A sixth submission changes nothing a trainer could compare: the figures move in blocks of five.
    const sixth = await createTestUser(db);
    await joinCohort(db, sixth.id, cohort.joinCode);
    await saveEvaluation(db, {
      userId: sixth.id,
      activity: testEvaluation,
      answers: { kendskab: "slet-ikke", forbedringer: "Sjette svar" },
      submit: true,
    });
    const afterSixth = await view();
    if (!afterSixth.shown) throw new Error("expected the figures");
    expect(afterSixth).toMatchObject({ respondents: 6, counted: 5 });
    expect(afterSixth.statements).toEqual(shown.statements);
    expect(afterSixth.freeTexts).toEqual(shown.freeTexts);
  });

  test("a deactivated caseworker leaves the cohort's figures: matrix, participants and choices", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const [stays, leaves] = [
      await createTestUser(db, { name: "Bliver" }),
      await createTestUser(db, { name: "Fratrådt" }),
    ];
    const cohort = await cohortFor(db, trainer.id);
    for (const learner of [stays, leaves]) await joinCohort(db, learner.id, cohort.joinCode);
    await playCase(db, stays.id, [INVESTIGATE, DECIDE_WELL]);
    await playCase(db, leaves.id, [DECIDE_NOW]);
    await db.updateTable("users").set({ active: false }).where("id", "=", leaves.id).execute();

    const dashboard = await cohortDashboard(db, trainerCourse, { id: cohort.id, moduleIds: ["test"] });
    expect(dashboard.matrix.rows.map((r) => r.name)).toEqual(["Bliver"]);
    const weak = rankPlaces(await cohortPlaces(db, cohort.id, trainerCourse.modules));
    expect(weak.byTopic.every((g) => g.wrong === 0)).toBe(true);
    const [overview] = await cohortOverviews(db, trainerCourse, [cohort.id]);
    expect(overview!.participants).toBe(1);
  });

  test("the export: BOM, semicolons, one row per participant, formula cells escaped", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const cohort = await cohortFor(db, trainer.id);
    const learner = await createTestUser(db, { name: '=HYPERLINK("http://x")' });
    await joinCohort(db, learner.id, cohort.joinCode);
    await playCase(db, learner.id, [INVESTIGATE, DECIDE_WELL]);
    await quizAnswer(db, learner.id, { ansvar: ["kommune"], indhold: ["regler", "fakta"] });

    const table = await cohortExportTable(db, trainerCourse, { id: cohort.id, name: "Hold A", moduleIds: ["test"] });
    const csv = tableToCsv(table);
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split("\r\n");
    const requiredTitles = trainerCourse.modules[0]!.activities.filter((a) => a.required).map((a) => a.title);
    expect(lines[0]!.split(";")).toEqual([
      "Navn",
      "E-mail",
      "Seneste aktivitet",
      "Testmodul: status",
      "Testmodul: gennemført (%)",
      "Testmodul: gennemført den",
      ...requiredTitles.map((title) => `${title}: gennemført den`),
      "Quiz: bedste resultat (%)",
      "Quiz: forsøg",
      "Testcase: bedste point",
      "Testcase: mulige point",
      "Testcase: afslutning",
    ]);
    const cells = lines[1]!.split(";");
    expect(cells[0]).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(cells[1]).toBe(learner.email);
    expect(cells[2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(cells.slice(3, 6)).toEqual(["I gang", "67", ""]);
    // The case and the quiz were completed today; the module is not complete yet.
    expect(cells.slice(6, 6 + requiredTitles.length).filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c))).toHaveLength(2);
    expect(cells.slice(-5)).toEqual(["100", "1", "5", "5", "Korrekt"]);
    // Typed for Excel: numbers are numbers, the ending a word.
    const typeOf = (header: string) => table.columns.find((c) => c.header === header)?.type;
    expect([
      typeOf("Quiz: bedste resultat (%)"),
      typeOf("Testcase: bedste point"),
      typeOf("Testcase: afslutning"),
    ]).toEqual(["percent", "number", "text"]);
    expect(table.rows[0]![table.columns.findIndex((c) => c.header === "Testcase: bedste point")]).toBe(5);
    expect(lines).toHaveLength(3); // header, one participant, the final line break
  });

  test("the indexes the dashboard's queries rely on exist", async () => {
    const indexes = await sql<{
      indexname: string;
    }>`select indexname from pg_indexes where tablename in ('case_decisions', 'quiz_answers', 'cohorts')`.execute(
      handle.db,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(["case_decisions_user_activity", "quiz_answers_user_activity", "cohorts_organisation"]),
    );
  });
});
