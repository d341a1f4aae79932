/**
 * A quiz on the server: the form or an attempt's result, the submit intent, its status on the
 * module page and its columns in the export. A quiz is completed when an attempt passes
 * (`passPercent`, scored in `scoring.ts`).
 */
import { data, redirect } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { ActivityActionData, ActivityServer, ActivityStatus } from "../activity-type";
import { titleInSentence } from "~/progress/passing";
import { wayForward } from "../next-activity";
import { notFound } from "~/utils/http.server";
import { quizAttemptResult, quizSummaries, submitQuiz, type QuizSummary } from "./attempts.server";
import type { QuizActivity } from "./content";
import type { QuizPage } from "./page";
import { attemptOptionOrder, readAnswers } from "./scoring";
import { quizFormView } from "./view";

const attemptParam = z.string().uuid();
const submissionSchema = z
  .string({ error: "Formularen mangler sit id. Genindlæs siden." })
  .uuid("Formularen mangler sit id. Genindlæs siden.");
/** The attempt number the form was shown for: its options were shuffled by it. */
const attemptNumberSchema = z.coerce
  .number({ error: "Formularen mangler sit forsøgsnummer. Genindlæs siden." })
  .int("Formularen mangler sit forsøgsnummer. Genindlæs siden.")
  .min(1, "Formularen mangler sit forsøgsnummer. Genindlæs siden.")
  .max(1_000_000, "Formularen mangler sit forsøgsnummer. Genindlæs siden.");

function quizStatus(done: boolean, summary: QuizSummary | undefined): ActivityStatus {
  if (!summary?.best) return { label: "Ikke taget", tone: "todo", details: [] };
  const best = summary.best;
  const details = [
    `Bedste: ${best.correctCount} af ${best.questionCount} rigtige (${best.percent} %), ${summary.attempts} forsøg`,
  ];
  return done ? { label: "Bestået", tone: "done", details } : { label: "Ikke bestået endnu", tone: "partial", details };
}

export const quizServer: ActivityServer<QuizActivity, QuizPage> = {
  async load({ db, user, module, activity, url, here }) {
    const requested = url.searchParams.get("forsoeg");
    if (requested !== null) {
      const attemptId = attemptParam.safeParse(requested);
      const result = attemptId.success ? await quizAttemptResult(db, user.id, activity, attemptId.data) : null;
      if (!result) notFound("Forsøget findes ikke.");
      return {
        kind: "result",
        introHtml: activity.introHtml,
        result,
        retakeUrl: here,
        way: wayForward(module, activity.id),
      };
    }
    const summary = (await quizSummaries(db, user.id, module.id)).get(activity.id);
    const attemptNumber = (summary?.attempts ?? 0) + 1;
    return {
      kind: "form",
      introHtml: activity.introHtml,
      submissionId: randomUUID(),
      attemptNumber,
      form: quizFormView(activity.quiz, attemptOptionOrder(user.id, activity.id, attemptNumber)),
      best: summary?.best ?? null,
      attempts: summary?.attempts ?? 0,
    };
  },
  intents: {
    async submit({ db, user, activity, here }, form) {
      const submissionId = submissionSchema.safeParse(form.get("submissionId"));
      if (!submissionId.success)
        return data<ActivityActionData>({ error: submissionId.error.issues[0]!.message }, { status: 400 });
      // The order the form was shown in, even if another tab has submitted an attempt since.
      const attemptNumber = attemptNumberSchema.safeParse(form.get("attemptNumber") ?? undefined);
      if (!attemptNumber.success)
        return data<ActivityActionData>({ error: attemptNumber.error.issues[0]!.message }, { status: 400 });
      const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
      const reading = readAnswers(activity.quiz, entries, attemptOptionOrder(user.id, activity.id, attemptNumber.data));
      if (!reading.ok && reading.kind === "invalid")
        return data<ActivityActionData>({ error: reading.message }, { status: 400 });
      if (!reading.ok) {
        const numbers = new Map(activity.quiz.questions.map((q, index) => [q.id, index + 1]));
        const values: Record<string, string[]> = {};
        for (const [field, value] of entries) if (field.startsWith("q-")) (values[field.slice(2)] ??= []).push(value);
        return data<ActivityActionData>(
          {
            error: "Besvar alle spørgsmål, før du indsender.",
            fieldErrors: Object.fromEntries(
              reading.unanswered.map((id) => [`q-${id}`, `Besvar spørgsmål ${numbers.get(id)}.`]),
            ),
            values,
          },
          { status: 400 },
        );
      }
      const { attemptId } = await submitQuiz(db, {
        userId: user.id,
        activity,
        submissionId: submissionId.data,
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
