/**
 * The activity page (`/moduler/<module>/<activity>`) for every activity type: what its loader
 * returns and what its actions do. The route module only requires the user and delegates here.
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { acknowledgeFeedback, chooseInAttempt, loadCasePage, startAttempt } from "~/cases/attempts.server";
import { randomUUID } from "node:crypto";
import type { CasePageData } from "~/components/case-player";
import type { EvaluationActionData, EvaluationPageData } from "~/components/evaluation-view";
import type { LessonViewData } from "~/components/lesson-view";
import type { QuizActionData, QuizPageData } from "~/components/quiz-view";
import { FREE_TEXT_MAX, loadEvaluation, readEvaluationForm, saveEvaluation } from "~/evaluation/evaluation.server";
import { quizAttemptResult, quizSummaries, submitQuiz } from "~/quiz/quiz.server";
import { readAnswers } from "~/quiz/scoring";
import { quizFormView } from "~/quiz/view";
import { nextActivity } from "~/content/content.server";
import type { Activity, CourseModule } from "~/content/types";
import { ACTIVITY_TYPES } from "~/content/vocabulary";
import type { SessionUser } from "~/auth/session.server";
import type { DB } from "~/db/database.server";
import { completions, recordCompletion } from "~/models/progress.server";
import { badRequest } from "~/utils/forms.server";

export type ActivityView =
  | { kind: "lesson"; lesson: LessonViewData }
  | { kind: "case"; case: CasePageData }
  | { kind: "quiz"; quiz: QuizPageData }
  | { kind: "evaluation"; evaluation: EvaluationPageData };

const attemptParam = z.string().uuid();

export async function loadActivityPage(db: DB, user: SessionUser, module: CourseModule, activity: Activity, url: URL) {
  const header = {
    module: { id: module.id, title: module.title },
    activity: { id: activity.id, title: activity.title, type: activity.type, typeLabel: ACTIVITY_TYPES[activity.type] },
  };
  const view: ActivityView = await (async (): Promise<ActivityView> => {
    switch (activity.type) {
      case "lesson": {
        const done = await completions(db, user.id);
        return {
          kind: "lesson",
          lesson: {
            html: activity.html,
            completed: done.has(activity.id),
            nextLabel: nextActivity(module, activity.id) ? "Næste" : "Afslut modulet",
          },
        };
      }
      case "case": {
        const page = await loadCasePage(db, user.id, activity);
        const introHtml = activity.introHtml;
        if (page.kind === "intro")
          return { kind: "case", case: { kind: "intro", introHtml, stepCount: activity.case.steps.length } };
        if (page.kind === "outdated") return { kind: "case", case: { kind: "outdated", introHtml } };
        return { kind: "case", case: { kind: "attempt", introHtml, view: page.view, olderVersion: page.olderVersion } };
      }
      case "quiz": {
        const here = `/moduler/${module.id}/${activity.id}`;
        const requested = url.searchParams.get("forsoeg");
        if (requested !== null) {
          const attemptId = attemptParam.safeParse(requested);
          const result = attemptId.success ? await quizAttemptResult(db, user.id, activity, attemptId.data) : null;
          if (!result) throw new Response("Forsøget findes ikke.", { status: 404 });
          return { kind: "quiz", quiz: { kind: "result", introHtml: activity.introHtml, result, retakeUrl: here } };
        }
        const summary = (await quizSummaries(db, user.id, module.id)).get(activity.id);
        return {
          kind: "quiz",
          quiz: {
            kind: "form",
            introHtml: activity.introHtml,
            submissionId: randomUUID(),
            form: quizFormView(activity.quiz),
            best: summary?.best ?? null,
            attempts: summary?.attempts ?? 0,
          },
        };
      }
      case "evaluation": {
        const state = await loadEvaluation(db, user.id, activity);
        return {
          kind: "evaluation",
          evaluation: {
            introHtml: activity.introHtml,
            status: state.status,
            items: activity.evaluation.items,
            answers: state.answers,
            maxLength: FREE_TEXT_MAX,
          },
        };
      }
    }
  })();
  return { ...header, view };
}

const intents = [
  "lesson.complete",
  "case.start",
  "case.restart",
  "case.choose",
  "case.continue",
  "quiz.submit",
  "evaluation.save",
  "evaluation.submit",
] as const;
const intentSchema = z.enum(intents, { error: "Ukendt handling." });
const seqSchema = z.coerce.number({ error: "Ugyldig formular." }).int().min(0);
const chooseSchema = z.object({
  seq: seqSchema,
  choice: z.string({ error: "Vælg en af mulighederne." }).regex(/^\d{1,3}$/, "Vælg en af mulighederne."),
});

export type ActivityActionResult = { error: string } & Partial<QuizActionData> & Partial<EvaluationActionData>;
const submissionSchema = z
  .string({ error: "Formularen mangler sit id. Genindlæs siden." })
  .uuid("Formularen mangler sit id. Genindlæs siden.");

/** Handles a POST to the activity page. Returns a redirect, or data with a Danish error. */
export async function handleActivityAction(
  db: DB,
  user: SessionUser,
  module: CourseModule,
  activity: Activity,
  form: FormData,
) {
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) badRequest("Ukendt handling.");
  const here = `/moduler/${module.id}/${activity.id}`;
  const [kind] = intent.data.split(".");
  if (kind !== activity.type)
    badRequest(`Handlingen passer ikke til en ${ACTIVITY_TYPES[activity.type].toLowerCase()}.`);

  switch (intent.data) {
    case "lesson.complete": {
      await recordCompletion(db, user.id, activity);
      const next = nextActivity(module, activity.id);
      return redirect(next ? `/moduler/${module.id}/${next.id}` : `/moduler/${module.id}`);
    }
    case "case.start":
    case "case.restart":
      if (activity.type !== "case") break;
      await startAttempt(db, user.id, activity, { fresh: intent.data === "case.restart" });
      return redirect(here);
    case "case.choose": {
      if (activity.type !== "case") break;
      const parsed = chooseSchema.safeParse({ seq: form.get("seq"), choice: form.get("choice") });
      if (!parsed.success) return data<ActivityActionResult>({ error: "Vælg en af mulighederne." }, { status: 400 });
      const result = await chooseInAttempt(db, { userId: user.id, activity, ...parsed.data });
      if (!result.ok) return data<ActivityActionResult>({ error: result.message }, { status: result.status });
      return redirect(here);
    }
    case "case.continue": {
      if (activity.type !== "case") break;
      const seq = seqSchema.safeParse(form.get("seq"));
      if (!seq.success) return data<ActivityActionResult>({ error: "Ugyldig formular." }, { status: 400 });
      await acknowledgeFeedback(db, user.id, activity, seq.data);
      return redirect(here);
    }
    case "quiz.submit": {
      if (activity.type !== "quiz") break;
      const submissionId = submissionSchema.safeParse(form.get("submissionId"));
      if (!submissionId.success)
        return data<ActivityActionResult>({ error: submissionId.error.issues[0]!.message }, { status: 400 });
      const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
      const reading = readAnswers(activity.quiz, entries);
      if (!reading.ok && reading.kind === "invalid")
        return data<ActivityActionResult>({ error: reading.message }, { status: 400 });
      if (!reading.ok) {
        const numbers = new Map(activity.quiz.questions.map((q, index) => [q.id, index + 1]));
        const values: Record<string, string[]> = {};
        for (const [field, value] of entries) if (field.startsWith("q-")) (values[field.slice(2)] ??= []).push(value);
        return data<ActivityActionResult>(
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
    }
    case "evaluation.save":
    case "evaluation.submit": {
      if (activity.type !== "evaluation") break;
      const submit = intent.data === "evaluation.submit";
      const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
      const reading = readEvaluationForm(activity.evaluation, entries, { submitting: submit });
      if (!reading.ok)
        return data<ActivityActionResult>({ error: reading.message, fieldErrors: reading.errors }, { status: 400 });
      const saved = await saveEvaluation(db, { userId: user.id, activity, answers: reading.answers, submit });
      if (!saved.ok) return data<ActivityActionResult>({ error: saved.message }, { status: saved.status });
      return redirect(here);
    }
  }
  badRequest("Ukendt handling.");
}
