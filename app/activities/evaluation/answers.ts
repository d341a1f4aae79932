/** Reading an evaluation form: which answers it gives and what is wrong with it. Pure. */
import { LIKERT_SCALE } from "~/content/vocabulary";
import type { EvaluationDefinition } from "./content";

export const FREE_TEXT_MAX = 2000;
export const likertField = (itemId: string) => `likert-${itemId}`;
export const textField = (itemId: string) => `text-${itemId}`;

export type EvaluationAnswers = Record<string, string>;

export type EvaluationReading =
  { ok: true; answers: EvaluationAnswers } | { ok: false; message: string; errors: Record<string, string> };

const likertValues = new Set<string>(LIKERT_SCALE.map((s) => s.value));

/**
 * Reads the form: a Likert answer must be a value of the scale, a free text at most
 * FREE_TEXT_MAX characters, and no field may name an item the evaluation does not have.
 * On submit every statement must be answered ("Ved ikke" is an answer).
 */
export function readEvaluationForm(
  evaluation: EvaluationDefinition,
  entries: [string, string][],
  options: { submitting: boolean },
): EvaluationReading {
  const fields = new Map<string, { itemId: string; kind: "likert" | "text" }>();
  for (const item of evaluation.items) {
    if (item.kind === "likert") fields.set(likertField(item.id), { itemId: item.id, kind: "likert" });
    else fields.set(textField(item.id), { itemId: item.id, kind: "text" });
  }
  const answers: EvaluationAnswers = {};
  const errors: Record<string, string> = {};
  for (const [name, raw] of entries) {
    if (!name.startsWith("likert-") && !name.startsWith("text-")) continue;
    const field = fields.get(name);
    if (!field)
      return { ok: false, message: "Svaret nævner et spørgsmål, som ikke findes i evalueringen.", errors: {} };
    if (field.kind === "likert") {
      if (!likertValues.has(raw)) return { ok: false, message: "Svaret er ikke et af svarene på skalaen.", errors: {} };
      answers[field.itemId] = raw;
    } else {
      const text = raw.trim();
      if (text.length > FREE_TEXT_MAX)
        errors[name] = `Svaret må højst være ${FREE_TEXT_MAX} tegn (det er ${text.length}).`;
      else if (text) answers[field.itemId] = text;
    }
  }
  if (options.submitting) {
    for (const item of evaluation.items) {
      if (item.kind === "likert" && !answers[item.id])
        errors[likertField(item.id)] = `Vælg et svar til: „${item.statement}“`;
    }
  }
  if (Object.keys(errors).length > 0) {
    return {
      ok: false,
      message: options.submitting ? "Evalueringen er ikke indsendt." : "Kladden er ikke gemt.",
      errors,
    };
  }
  return { ok: true, answers };
}
