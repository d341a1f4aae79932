/**
 * An evaluation on the server: the form with the learner's draft, the save and submit intents,
 * and its status on the module page. It is completed when submitted. Trainers see the answers
 * only in aggregate (the cohort dashboard), and never in the export.
 */
import { redirect } from "@remix-run/node";
import type { ActivityRequest, ActivityServer } from "../activity-type";
import { refuse } from "~/forms/submission.server";
import { titleInSentence } from "~/progress/passing";
import { wayForward } from "../next-activity";
import { FREE_TEXT_MAX } from "./answers";
import type { EvaluationActivity } from "./content";
import { EVALUATION_FORM, type EvaluationPage } from "./page";
import { readEvaluationSubmission } from "./submission.server";
import { evaluationStatuses, loadEvaluation, saveEvaluation } from "./responses.server";

async function save(
  { db, user, activity, here }: ActivityRequest<EvaluationActivity>,
  form: FormData,
  submit: boolean,
) {
  const { submission, reading } = readEvaluationSubmission(activity.evaluation, form, { submitting: submit });
  if (!reading.ok) return refuse(EVALUATION_FORM, submission, { form: reading.message, fields: reading.errors });
  const saved = await saveEvaluation(db, { userId: user.id, activity, answers: reading.answers, submit });
  if (!saved.ok) return refuse(EVALUATION_FORM, submission, { form: saved.message }, saved.status);
  return redirect(here);
}

export const evaluationServer: ActivityServer<EvaluationActivity, EvaluationPage> = {
  async load({ db, user, module, activity }) {
    const state = await loadEvaluation(db, user.id, activity);
    return {
      introHtml: activity.introHtml,
      status: state.status,
      items: activity.evaluation.items,
      answers: state.answers,
      maxLength: FREE_TEXT_MAX,
      way: wayForward(module, activity.id),
    };
  },
  intents: {
    save: (request, form) => save(request, form, false),
    submit: (request, form) => save(request, form, true),
  },
  async statuses(db, userId, moduleId) {
    const responses = await evaluationStatuses(db, userId, moduleId);
    return (activity, done) => {
      if (done) return { label: "Indsendt", tone: "done", details: [] };
      if (responses.get(activity.id) === "draft") return { label: "Kladde gemt", tone: "partial", details: [] };
      return { label: "Ikke besvaret", tone: "todo", details: [] };
    };
  },
  missing: (activity, standing) =>
    standing.played
      ? `Evalueringen ${titleInSentence(activity.title)} er gemt som kladde, men ikke indsendt.`
      : `Evalueringen ${titleInSentence(activity.title)} er ikke indsendt endnu.`,
  learnerRecords: { table: "evaluation_responses", at: "updated_at" },
};
