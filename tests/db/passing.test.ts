import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { CourseModule } from "../../app/content/types";
import type { CaseActivity } from "../../app/activities/case/content";
import type { QuizActivity } from "../../app/activities/quiz/content";
import type { DB } from "../../app/db/database.server";
import { startAttempt } from "../../app/activities/case/attempts.server";
import { saveEvaluation } from "../../app/activities/evaluation/responses.server";
import { activityStatuses } from "../../app/activities/module-statuses.server";
import { certificateFor, certificatesOf, verifyCertificate } from "../../app/progress/certificate.server";
import { passedIds } from "../../app/progress/passing";
import { learnerStandings } from "../../app/progress/passing.server";
import { moduleProgress } from "../../app/progress/progress";
import { recordCompletion } from "../../app/progress/progress.server";
import { createUser } from "../../app/users/users.server";
import { submitQuiz } from "../../app/activities/quiz/attempts.server";
import { testEvaluation, testQuiz, trainerCase, trainerCourse } from "../activity-fixtures";
import { engines, freshDatabase, type TestDatabase } from "./engines";
import { DECIDE_BADLY, DECIDE_NOW, DECIDE_WELL, INVESTIGATE, playCase as playCaseThrough } from "./play-case";

const module: CourseModule = trainerCourse.modules[0]!;
/** The sample case, by choice id (each posted as its button in the attempt's order posts it). */
const LOSE = [DECIDE_NOW]; // → remitted (forkert)
const WIN = [INVESTIGATE, DECIDE_WELL]; // → good (korrekt)
const PARTIAL = [INVESTIGATE, DECIDE_BADLY]; // → partial (delvist)

async function learner(db: DB) {
  const organisation = await db
    .insertInto("organisations")
    .values({ name: `Egeby Kommune ${randomUUID().slice(0, 6)}` })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  const user = await createUser(db, {
    email: `kursist-${randomUUID().slice(0, 8)}@egeby.dk`,
    name: "Anne Andersen",
    role: "learner",
    password: "en-god-adgangskode",
    organisationId: organisation.id,
  });
  return { ...user, organisation: organisation.name };
}

async function playCase(db: DB, userId: string, choices: string[], activity: CaseActivity = trainerCase) {
  await playCaseThrough(db, userId, choices, { fresh: true, activity });
}

async function passQuizAndEvaluation(db: DB, userId: string) {
  await submitQuiz(db, {
    userId,
    activity: testQuiz,
    submissionId: randomUUID(),
    answers: { ansvar: ["kommune"], indhold: ["fakta", "regler"] },
  });
  const saved = await saveEvaluation(db, {
    userId,
    activity: testEvaluation,
    answers: { kendskab: "hoej", forbedringer: "" },
    submit: true,
  });
  if (!saved.ok) throw new Error(saved.message);
}

describe.each(engines)("passing and certificates on %s", (engine) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  test("a case that ends forkert is played, not passed: the module is not completed and the certificate refuses", async () => {
    const { db } = handle;
    const user = await learner(db);
    await playCase(db, user.id, LOSE);
    await passQuizAndEvaluation(db, user.id);

    const standings = await learnerStandings(db, user.id, [module]);
    expect(standings.get(trainerCase.id)).toMatchObject({ passedAt: null, played: true });
    expect(moduleProgress(module, passedIds(standings))).toMatchObject({ completed: 2, required: 3, complete: false });
    const refused = await certificateFor(db, user.id, module);
    expect(refused).toEqual({
      issued: false,
      missing: [
        {
          id: trainerCase.id,
          title: "Testcase",
          type: "case",
          sentence: "Casen „Testcase“ er spillet, men ikke bestået (den skal ende korrekt): prøv igen.",
        },
      ],
    });
    expect(await db.selectFrom("certificates").selectAll().execute()).toEqual([]);

    // After an attempt that ends korrekt the module is completed and the certificate issued.
    await playCase(db, user.id, WIN);
    const certificate = await certificateFor(db, user.id, module);
    if (!certificate.issued) throw new Error("expected a certificate");
    expect(certificate.certificate).toMatchObject({
      learnerName: "Anne Andersen",
      organisationName: user.organisation,
      moduleId: "test",
      moduleTitle: "Testmodul",
    });
    expect(certificate.certificate.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(certificate.certificate.completedOn.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("old attempts are judged by the rule: a completion stored for a lost case does not pass it", async () => {
    const { db } = handle;
    const user = await learner(db);
    await playCase(db, user.id, LOSE);
    // What the old rule stored when any ending completed a case.
    await recordCompletion(db, user.id, trainerCase);
    await passQuizAndEvaluation(db, user.id);
    expect(passedIds(await learnerStandings(db, user.id, [module])).has(trainerCase.id)).toBe(false);
    expect((await certificateFor(db, user.id, module)).issued).toBe(false);
    // The module page's row says so too, not "Gennemført".
    const { statuses } = await activityStatuses(db, user.id, module);
    expect(statuses[trainerCase.id]).toMatchObject({ label: "Spillet, ikke bestået", tone: "wrong" });
    expect(statuses[testQuiz.id]).toMatchObject({ label: "Bestået", tone: "done" });
  });

  test("the module page's rows follow the pass rule: a case started, lost, then solved; a quiz judged at today's passPercent", async () => {
    const { db } = handle;
    const user = await learner(db);
    const label = async (id: string, activities = module) =>
      (await activityStatuses(db, user.id, activities)).statuses[id];
    await startAttempt(db, user.id, trainerCase, { fresh: true });
    expect(await label(trainerCase.id)).toMatchObject({ label: "I gang", tone: "partial" });
    await playCase(db, user.id, LOSE);
    expect(await label(trainerCase.id)).toMatchObject({ label: "Spillet, ikke bestået", tone: "wrong" });
    await playCase(db, user.id, WIN);
    expect(await label(trainerCase.id)).toMatchObject({ label: "Bestået", tone: "done" });

    // A quiz passed at an earlier, lower passPercent (its completion stored then) is judged at today's.
    const lenient: QuizActivity = { ...testQuiz, quiz: { ...testQuiz.quiz, passPercent: 50 } };
    await submitQuiz(db, {
      userId: user.id,
      activity: lenient,
      submissionId: randomUUID(),
      answers: { ansvar: ["kommune"], indhold: ["regler"] },
    });
    expect(await label(testQuiz.id, { ...module, activities: [trainerCase, lenient, testEvaluation] })).toMatchObject({
      label: "Bestået",
    });
    expect(await label(testQuiz.id)).toMatchObject({ label: "Ikke bestået endnu", tone: "partial" });
  });

  test("a case with pass=delvist is passed by a partly right ending; a korrekt-only case is not", async () => {
    const { db } = handle;
    const user = await learner(db);
    await playCase(db, user.id, PARTIAL);
    expect((await learnerStandings(db, user.id, [module])).get(trainerCase.id)?.passedAt).toBeNull();

    const lenient: CaseActivity = { ...trainerCase, case: { ...trainerCase.case, pass: "delvist" } };
    const lenientModule = { ...module, activities: [lenient, testQuiz, testEvaluation] };
    const standing = (await learnerStandings(db, user.id, [lenientModule])).get(trainerCase.id);
    expect(standing?.passedAt).toBeInstanceOf(Date);
  });

  test("a quiz is passed at its current passPercent, and a case still under way is in progress", async () => {
    const { db } = handle;
    const user = await learner(db);
    await submitQuiz(db, {
      userId: user.id,
      activity: testQuiz,
      submissionId: randomUUID(),
      answers: { ansvar: ["kommune"], indhold: ["regler"] },
    });
    await startAttempt(db, user.id, trainerCase);
    const strict = await learnerStandings(db, user.id, [module]);
    expect(strict.get(testQuiz.id)).toMatchObject({ passedAt: null, played: true });
    expect(strict.get(trainerCase.id)).toMatchObject({ inProgress: true, played: false });

    const halfQuiz: QuizActivity = { ...testQuiz, quiz: { ...testQuiz.quiz, passPercent: 50 } };
    const relaxed = await learnerStandings(db, user.id, [{ ...module, activities: [trainerCase, halfQuiz] }]);
    expect(relaxed.get(testQuiz.id)?.passedAt).toBeInstanceOf(Date);
  });

  test("a certificate is issued once, and its code confirms exactly what it says", async () => {
    const { db } = handle;
    const user = await learner(db);
    await playCase(db, user.id, WIN);
    await passQuizAndEvaluation(db, user.id);
    const first = await certificateFor(db, user.id, module);
    const again = await certificateFor(db, user.id, module);
    if (!first.issued || !again.issued) throw new Error("expected a certificate");
    expect(again.certificate).toEqual(first.certificate);
    expect(await db.selectFrom("certificates").selectAll().execute()).toHaveLength(1);

    const typed = first.certificate.code.toLowerCase().replaceAll("-", " ");
    expect(await verifyCertificate(db, typed)).toEqual(first.certificate);
    expect(await verifyCertificate(db, "AAAA-BBBB-CCCC")).toBeNull();
    expect(await verifyCertificate(db, "'; drop table certificates; --")).toBeNull();
    expect(await certificatesOf(db, user.id)).toEqual([first.certificate]);

    // What it says is kept as issued: a later change of name does not rewrite the certificate.
    await db.updateTable("users").set({ name: "Anne Bech" }).where("id", "=", user.id).execute();
    expect((await verifyCertificate(db, first.certificate.code))?.learnerName).toBe("Anne Andersen");
  });
});
