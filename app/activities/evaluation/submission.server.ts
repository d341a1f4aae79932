/**
 * An evaluation's form as posted (the activity's and its follow-up's): the submission to answer
 * with (its values come back on a refusal) and the answers read from it by the evaluation's own
 * items (`readEvaluationForm`), which no fixed schema knows.
 */
import { z } from "zod";
import { parseSubmission } from "~/forms/submission.server";
import { readEvaluationForm, type EvaluationReading } from "./answers";
import type { EvaluationDefinition } from "./content";

/** No fixed field: every field is one of the evaluation's items, read below from the form as posted. */
const evaluationFormSchema = z.object({});

export function readEvaluationSubmission(
  evaluation: EvaluationDefinition,
  form: FormData,
  options: { submitting: boolean },
) {
  const submission = parseSubmission(form, evaluationFormSchema);
  const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  const reading: EvaluationReading = readEvaluationForm(evaluation, entries, options);
  return { submission, reading };
}
