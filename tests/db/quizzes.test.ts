import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { loadEvaluation, saveEvaluation } from "../../app/activities/evaluation/responses.server";
import { completions } from "../../app/progress/progress.server";
import { quizAttemptResult, quizSummaries, submitQuiz } from "../../app/activities/quiz/attempts.server";
import { testEvaluation, testQuiz } from "../activity-fixtures";
import { createTestUser } from "../factories";
import { engines, freshDatabase, type TestDatabase } from "./engines";

const quiz = testQuiz;

const evaluation = testEvaluation;

describe.each(engines)("quizzes and evaluations on %s", (engine) => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  test("every attempt is stored with its answers; the module page gets the best; passing completes the quiz", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    const failed = await submitQuiz(db, {
      userId: user.id,
      activity: quiz,
      submissionId: randomUUID(),
      answers: { ansvar: ["borger"], indhold: ["regler"] },
    });
    expect((await completions(db, user.id)).has(quiz.id)).toBe(false);
    const result = await quizAttemptResult(db, user.id, quiz, failed.attemptId);
    expect(result).toMatchObject({ correctCount: 0, questionCount: 2, percent: 0, passed: false, attemptNumber: 1 });
    expect(result!.questions[0]).toEqual({
      number: 1,
      prompt: { key: "ansvar-prompt", html: "<p>Hvem?</p>" },
      correct: false,
      chosenLabels: ["Borgeren"],
      correctLabels: ["Kommunen"],
      explanation: { key: "ansvar-explanation", html: "<p>Kommunen.</p>" },
    });

    const passed = await submitQuiz(db, {
      userId: user.id,
      activity: quiz,
      submissionId: randomUUID(),
      answers: { ansvar: ["kommune"], indhold: ["fakta", "regler"] },
    });
    expect(await quizAttemptResult(db, user.id, quiz, passed.attemptId)).toMatchObject({
      percent: 100,
      passed: true,
      attemptNumber: 2,
    });
    expect((await completions(db, user.id)).has(quiz.id)).toBe(true);
    await submitQuiz(db, {
      userId: user.id,
      activity: quiz,
      submissionId: randomUUID(),
      answers: { ansvar: ["kommune"], indhold: ["regler"] },
    });

    expect((await quizSummaries(db, user.id, "test")).get(quiz.id)).toEqual({
      attempts: 3,
      best: { correctCount: 2, questionCount: 2, percent: 100, passed: true },
    });
    const answers = await db
      .selectFrom("quiz_answers")
      .selectAll()
      .where("attempt_id", "=", passed.attemptId)
      .orderBy("question_id")
      .execute();
    expect(answers.map((a) => [a.question_id, a.option_ids, a.correct, a.topic])).toEqual([
      ["ansvar", ["kommune"], true, "sagsoplysning"],
      ["indhold", ["fakta", "regler"], true, "begrundelse"],
    ]);
  });

  test("the same form submitted twice (even at once) stores one attempt", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    const submissionId = randomUUID();
    const input = {
      userId: user.id,
      activity: quiz,
      submissionId,
      answers: { ansvar: ["kommune"], indhold: ["regler", "fakta"] },
    };
    const [first, second] = await Promise.all([submitQuiz(db, input), submitQuiz(db, input)]);
    expect(first.attemptId).toBe(second.attemptId);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(await db.selectFrom("quiz_attempts").select("id").execute()).toHaveLength(1);
    expect(await db.selectFrom("quiz_answers").select("question_id").execute()).toHaveLength(2);
  });

  test("a learner cannot open another learner's quiz result", async () => {
    const { db } = handle;
    const owner = await createTestUser(db);
    const other = await createTestUser(db);
    const { attemptId } = await submitQuiz(db, {
      userId: owner.id,
      activity: quiz,
      submissionId: randomUUID(),
      answers: { ansvar: ["kommune"], indhold: ["regler"] },
    });
    expect(await quizAttemptResult(db, other.id, quiz, attemptId)).toBeNull();
  });

  test("an evaluation is one response per learner: editable as a draft, final once submitted", async () => {
    const { db } = handle;
    const user = await createTestUser(db);
    expect(await loadEvaluation(db, user.id, evaluation)).toEqual({ status: "new", answers: {} });
    await saveEvaluation(db, { userId: user.id, activity: evaluation, answers: { kendskab: "mindre" }, submit: false });
    await saveEvaluation(db, {
      userId: user.id,
      activity: evaluation,
      answers: { kendskab: "nogen", forbedringer: "Flere cases" },
      submit: false,
    });
    expect(await loadEvaluation(db, user.id, evaluation)).toEqual({
      status: "draft",
      answers: { kendskab: "nogen", forbedringer: "Flere cases" },
    });
    expect((await completions(db, user.id)).has(evaluation.id)).toBe(false);

    expect(
      await saveEvaluation(db, { userId: user.id, activity: evaluation, answers: { kendskab: "hoej" }, submit: true }),
    ).toEqual({ ok: true, submitted: true });
    expect((await completions(db, user.id)).has(evaluation.id)).toBe(true);
    const late = await saveEvaluation(db, {
      userId: user.id,
      activity: evaluation,
      answers: { kendskab: "slet-ikke" },
      submit: false,
    });
    expect(late).toMatchObject({ ok: false, status: 409 });
    expect(await loadEvaluation(db, user.id, evaluation)).toEqual({
      status: "submitted",
      answers: { kendskab: "hoej" },
    });
    expect(await db.selectFrom("evaluation_responses").select("id").execute()).toHaveLength(1);
  });
});
