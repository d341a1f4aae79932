/**
 * The figures of issue 14 on both engines: the weakest places (first attempts, in words), the
 * quizzes as numbers, and one learner's page with its access rule.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { submitQuiz } from "../../app/activities/quiz/attempts.server";
import { createCohort, joinCohort, requireCohortAccess } from "../../app/trainer/cohorts.server";
import { learnerPage, requireParticipant } from "../../app/trainer/learner.server";
import { cohortQuizFigures } from "../../app/trainer/quiz-figures.server";
import { rankPlaces } from "../../app/trainer/weak-places";
import { cohortPlaces } from "../../app/trainer/weak-places.server";
import { saveEvaluation } from "../../app/activities/evaluation/responses.server";
import { testEvaluation, testQuiz, trainerCourse } from "../activity-fixtures";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { BACK, DECIDE_BADLY, DECIDE_NOW, DECIDE_WELL, INVESTIGATE, playCase } from "./play-case";

const RIGHT = { ansvar: ["kommune"], indhold: ["regler", "fakta"] };
const WRONG = { ansvar: ["borger"], indhold: ["navn"] };
const testModule = trainerCourse.modules[0]!;

async function cohortWith(db: TestDatabase["db"], trainerId: string, learners: number) {
  const org = await db
    .insertInto("organisations")
    .values({ name: `Kommune ${randomUUID()}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const cohort = await createCohort(db, {
    name: "Hold A",
    organisationId: org.id,
    startsOn: "2026-01-01",
    endsOn: "2099-12-31",
    modules: ["test"],
    trainerId,
  });
  const members = [];
  for (let i = 0; i < learners; i++) {
    const learner = await createTestUser(db, { name: `Kursist ${i + 1}` });
    await joinCohort(db, learner.id, cohort.joinCode);
    members.push(learner);
  }
  return { cohort, members };
}

const quiz = (db: TestDatabase["db"], userId: string, answers: Record<string, string[]>) =>
  submitQuiz(db, { userId, activity: testQuiz, submissionId: randomUUID(), answers });

describe.each(engines)("cohort figures on %s", (engine) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  test("the weakest places count first attempts once per step; later attempts and outsiders do not count", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const { cohort, members } = await cohortWith(db, trainer.id, 6);
    // Four decide at once on their first attempt (wrong at step 1), two investigate first.
    for (const learner of members.slice(0, 4)) await playCase(db, learner.id, [DECIDE_NOW]);
    // A loop back to step 1 and a second decision there in the same attempt count once.
    await playCase(db, members[4]!.id, [INVESTIGATE, BACK, DECIDE_NOW]);
    await playCase(db, members[5]!.id, [INVESTIGATE, DECIDE_BADLY]);
    // A second attempt, right this time, does not change the first-attempt figures.
    await playCase(db, members[0]!.id, [INVESTIGATE, DECIDE_WELL], { fresh: true });
    const outsider = await createTestUser(db);
    await playCase(db, outsider.id, [DECIDE_NOW]);
    // Quiz: five wrong on question 1 in their first attempt, one right; retakes do not count.
    for (const learner of members.slice(0, 5)) await quiz(db, learner.id, WRONG);
    await quiz(db, members[5]!.id, RIGHT);
    await quiz(db, members[0]!.id, RIGHT);

    const places = await cohortPlaces(db, cohort.id, [testModule]);
    expect(places.map((p) => [p.position, p.wrong, p.total])).toEqual([
      ["Trin 1", 4, 6],
      ["Trin 2", 2, 2],
      ["Spørgsmål 1", 5, 6],
      ["Spørgsmål 2", 5, 6],
    ]);
    const ranked = rankPlaces(places);
    // Trin 2 (2 of 2) has too few answers to be ranked at all.
    expect(ranked.weakest.map((p) => [p.activityTitle, p.position, p.mostChosenWrong])).toEqual([
      ["Quiz", "Spørgsmål 1", { label: "Borgeren", chosen: 5 }],
      ["Quiz", "Spørgsmål 2", { label: "Navn", chosen: 5 }],
      ["Testcase", "Trin 1", { label: "Afgør nu", chosen: 4 }],
    ]);
    expect(ranked.byPhase.map((g) => [g.label, g.wrong, g.total, g.tooFew])).toEqual([
      ["Opstart", 4, 6, false],
      ["Oplysning", 2, 2, true],
    ]);
  });

  test("quizzes as numbers: attempts, passed first and at best, average and spread, distribution", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const { cohort, members } = await cohortWith(db, trainer.id, 4);
    const [a, b, c] = members;
    await quiz(db, a!.id, RIGHT); // 100 %, passed at once
    await quiz(db, b!.id, WRONG); // 0 %
    await quiz(db, b!.id, RIGHT); // passed on the second attempt
    await quiz(db, c!.id, { ansvar: ["kommune"], indhold: ["navn"] }); // 50 %
    // The fourth has not taken it.
    const [figures] = await cohortQuizFigures(db, cohort.id, [testQuiz]);
    expect(figures).toMatchObject({
      title: "Quiz",
      passPercent: 100,
      attempts: 4,
      learners: 3,
      passedFirst: 1,
      passedFirstShare: 33,
      passedAtBest: 2,
      passedAtBestShare: 67,
      average: 50,
      spread: 40.8,
    });
    expect(figures!.distribution.map((d) => d.learners)).toEqual([1, 0, 1, 0, 1]);
  });

  test("a learner's page: every attempt's path and answers in words, no evaluation answers; only for the cohort's trainers", async () => {
    const { db } = handle;
    const trainer = await createTestUser(db, { role: "trainer" });
    const { cohort, members } = await cohortWith(db, trainer.id, 2);
    const [learner, other] = members;
    await playCase(db, learner!.id, [DECIDE_NOW]);
    await playCase(db, learner!.id, [INVESTIGATE, DECIDE_WELL], { fresh: true });
    await quiz(db, learner!.id, WRONG);
    await saveEvaluation(db, {
      userId: learner!.id,
      activity: testEvaluation,
      answers: { kendskab: "hoej", forbedringer: "Et hemmeligt svar" },
      submit: true,
    });

    const header = await requireCohortAccess(db, { ...trainer, organisationId: null, sessionId: "test" }, cohort.id);
    expect(await requireParticipant(db, cohort.id, learner!.id)).toMatchObject({ name: "Kursist 1" });
    const page = await learnerPage(db, trainerCourse, header, learner!.id);
    const [caseActivity, quizActivity, evaluation] = page[0]!.activities;
    expect(caseActivity).toMatchObject({
      title: "Testcase",
      completedOn: expect.stringMatching(/^\d{1,2}\. \w+ \d{4}$/),
    });
    // A case only lost is not completed on the participant's page either.
    await playCase(db, other!.id, [DECIDE_NOW]);
    const otherPage = await learnerPage(db, trainerCourse, header, other!.id);
    expect(otherPage[0]!.activities[0]).toMatchObject({ title: "Testcase", completedOn: null });
    const attempts = "caseAttempts" in caseActivity! ? caseActivity.caseAttempts : [];
    expect(attempts.map((a) => [a.number, a.status, a.score, a.maxScore, a.outcome?.result])).toEqual([
      [1, "Afsluttet", 0, 5, "Forkert"],
      [2, "Afsluttet", 5, 5, "Korrekt"],
    ]);
    expect(attempts[1]!.path).toEqual([
      {
        seq: 1,
        step: "Trin 1: Situation start",
        phase: "Opstart",
        choice: "Undersøg",
        verdict: "Bedste valg",
        points: 2,
      },
      {
        seq: 2,
        step: "Trin 2: Situation investigated",
        phase: "Oplysning",
        choice: "Afgør med begrundelse",
        verdict: "Bedste valg",
        points: 3,
      },
    ]);
    expect(attempts[0]!.path[0]).toMatchObject({ choice: "Afgør nu", verdict: "Ikke det bedste valg", points: 0 });
    const quizAttempts = "quizAttempts" in quizActivity! ? quizActivity.quizAttempts : [];
    expect(quizAttempts[0]).toMatchObject({
      number: 1,
      percent: 0,
      passed: false,
      answers: [
        { question: "1. Hvem?", chosen: "Borgeren", correct: false },
        { question: "2. Hvad?", chosen: "Navn", correct: false },
      ],
    });
    expect(evaluation!.status.label).toBe("Indsendt");
    expect(JSON.stringify(page)).not.toContain("Et hemmeligt svar");
    expect(JSON.stringify(page)).not.toContain("hoej");

    // Someone who is not on the cohort, or no valid id: 403, whoever asks.
    const outsider = await createTestUser(db);
    for (const id of [outsider.id, trainer.id, "ikke-et-id", undefined]) {
      await expect(requireParticipant(db, cohort.id, id)).rejects.toMatchObject({ status: 403 });
    }
    // A participant of another cohort is not reachable through this one.
    const second = await cohortWith(db, trainer.id, 1);
    await expect(requireParticipant(db, cohort.id, second.members[0]!.id)).rejects.toMatchObject({ status: 403 });
    expect(await requireParticipant(db, second.cohort.id, second.members[0]!.id)).toBeDefined();
    expect(other).toBeDefined();
  });
});
