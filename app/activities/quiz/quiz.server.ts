/**
 * A quiz on the server: the form or an attempt's result, the submit intent, its status on the
 * module page and its columns in the export. A quiz is completed when an attempt passes
 * (`passPercent`, scored in `scoring.ts`).
 */
import { redirect } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { ActivityServer, ActivityStatus } from "../activity-type";
import { inlineProse } from "~/content/prose.server";
import { formLevel } from "~/forms/form-level";
import { parseSubmission, refuse } from "~/forms/submission.server";
import { titleInSentence } from "~/progress/passing";
import { wayForward } from "../next-activity";
import { notFound } from "~/utils/http.server";
import { quizAttemptResult, quizSummaries, submitQuiz, type QuizSummary } from "./attempts.server";
import type { QuizActivity } from "./content";
import { QUIZ_FORM, type QuizPage } from "./page";
import { answerField, attemptOptionOrder, readAnswers } from "./scoring";
import { quizFormView } from "./view";

const attemptParam = z.string().uuid();
const RELOAD_ID = "Formularen mangler sit id. Genindlæs siden.";
const RELOAD_NUMBER = "Formularen mangler sit forsøgsnummer. Genindlæs siden.";
/**
 * The form's hidden fields: its id (a second submit stores nothing new) and the attempt number
 * it was shown for (its options were shuffled by it). The answers, `q-<question>`, are read by
 * `readAnswers`, which knows the quiz.
 */
const quizFormSchema = formLevel(
  z.object({
    submissionId: z.string({ error: RELOAD_ID }).uuid(RELOAD_ID),
    attemptNumber: z.coerce
      .number({ error: RELOAD_NUMBER })
      .int(RELOAD_NUMBER)
      .min(1, RELOAD_NUMBER)
      .max(1_000_000, RELOAD_NUMBER),
  }),
);

function quizStatus(done: boolean, summary: QuizSummary | undefined): ActivityStatus {
  if (!summary?.best) return { label: "Ikke taget", tone: "todo", details: [] };
  const best = summary.best;
  const details = [
    `Bedste: ${best.correctCount} af ${best.questionCount} rigtige (${best.percent} %), ${summary.attempts} forsøg`,
  ];
  return done ? { label: "Bestået", tone: "done", details } : { label: "Ikke bestået endnu", tone: "partial", details };
}

export const quizServer: ActivityServer<QuizActivity, QuizPage> = {
  async load({ db, user, module, activity, url, here, prose = inlineProse }) {
    const requested = url.searchParams.get("forsoeg");
    if (requested !== null) {
      const attemptId = attemptParam.safeParse(requested);
      const result = attemptId.success ? await quizAttemptResult(db, user.id, activity, attemptId.data, prose) : null;
      if (!result) notFound("Forsøget findes ikke.");
      return {
        kind: "result",
        intro: prose("intro", activity.introHtml),
        result,
        retakeUrl: here,
        way: wayForward(module, activity.id),
      };
    }
    const summary = (await quizSummaries(db, user.id, module.id)).get(activity.id);
    const attemptNumber = (summary?.attempts ?? 0) + 1;
    return {
      kind: "form",
      intro: prose("intro", activity.introHtml),
      submissionId: randomUUID(),
      attemptNumber,
      form: quizFormView(activity.quiz, attemptOptionOrder(user.id, activity.id, attemptNumber), prose),
      best: summary?.best ?? null,
      attempts: summary?.attempts ?? 0,
    };
  },
  intents: {
    async submit({ db, user, activity, here }, form) {
      const submission = parseSubmission(form, quizFormSchema);
      if (submission.status !== "success") return refuse(QUIZ_FORM, submission);
      const { submissionId, attemptNumber } = submission.value;
      const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
      // The order the form was shown in, even if another tab has submitted an attempt since.
      const reading = readAnswers(activity.quiz, entries, attemptOptionOrder(user.id, activity.id, attemptNumber));
      if (!reading.ok && reading.kind === "invalid") return refuse(QUIZ_FORM, submission, { form: reading.message });
      if (!reading.ok) {
        const numbers = new Map(activity.quiz.questions.map((q, index) => [q.id, index + 1]));
        return refuse(QUIZ_FORM, submission, {
          form: "Besvar alle spørgsmål, før du indsender.",
          fields: Object.fromEntries(
            reading.unanswered.map((id) => [answerField(id), `Besvar spørgsmål ${numbers.get(id)}.`]),
          ),
        });
      }
      const { attemptId } = await submitQuiz(db, {
        userId: user.id,
        activity,
        submissionId,
        answers: reading.answers,
      });
      return redirect(`${here}?forsoeg=${attemptId}`);
    },
  },
  async statuses(db, userId, moduleId) {
    const summaries = await quizSummaries(db, userId, moduleId);
    return (activity, done) => quizStatus(done, summaries.get(activity.id));
  },
  missing: (activity, standing) =>
    standing.played
      ? `Quizzen ${titleInSentence(activity.title)} er taget, men ikke bestået (du skal have mindst ${activity.quiz.passPercent} % rigtige): prøv igen.`
      : `Quizzen ${titleInSentence(activity.title)} er ikke taget endnu.`,
  learnerRecords: { table: "quiz_attempts", at: "submitted_at" },
  exportOrder: 1,
  async exportColumns(db, members, quizzes) {
    const rows = await sql<{ userId: string; activityId: string; percent: number; attempts: number }>`
      select user_id as "userId", activity_id as "activityId", max(percent)::int as percent, count(*)::int as attempts
      from quiz_attempts
      where user_id in ${members} and activity_id = any(${sql`${quizzes.map((q) => q.id)}::text[]`})
      group by user_id, activity_id`.execute(db);
    const resultOf = (userId: string, activityId: string) =>
      rows.rows.find((r) => r.userId === userId && r.activityId === activityId);
    return quizzes.flatMap((quiz) => [
      {
        header: `${quiz.title}: bedste resultat (%)`,
        type: "percent" as const,
        cell: (userId: string) => resultOf(userId, quiz.id)?.percent ?? null,
      },
      {
        header: `${quiz.title}: forsøg`,
        type: "number" as const,
        cell: (userId: string) => resultOf(userId, quiz.id)?.attempts ?? 0,
      },
    ]);
  },
};
