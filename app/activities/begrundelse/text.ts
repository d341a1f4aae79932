/**
 * Reading what a learner or a trainer posts about a begrundelse: the text with its length rules,
 * and a rating per criterion. Pure; the server and the page count characters the same way.
 */
import { CRITERION_RATINGS, type CriterionRatingValue } from "~/content/vocabulary";

/** Line breaks as the browser posts them (\r\n) count as one character, as in the textarea. */
export const normaliseText = (text: string) => text.replace(/\r\n?/g, "\n");

/** The characters of a text as the learner sees them counted: letters, spaces, line breaks; not the blanks around it. */
export const countCharacters = (text: string) => [...normaliseText(text).trim()].length;

export const danishNumber = (value: number) => value.toLocaleString("da-DK");

export interface TextLimits {
  minLength: number;
  maxLength: number;
}

export type TextReading = { ok: true; text: string; length: number } | { ok: false; message: string; length: number };

/**
 * A text as posted. A draft may be short but never over the maximum; a text to submit must
 * also reach `minLength`. The message says how long the text is and what is needed.
 */
export function readText(raw: unknown, limits: TextLimits, options: { submitting: boolean }): TextReading {
  if (typeof raw !== "string") return { ok: false, message: "Formularen mangler teksten. Genindlæs siden.", length: 0 };
  const text = normaliseText(raw);
  const length = countCharacters(text);
  if (length > limits.maxLength) {
    return {
      ok: false,
      length,
      message: `Teksten er for lang: højst ${danishNumber(limits.maxLength)} tegn, og den er ${danishNumber(length)}. Gør den ${danishNumber(length - limits.maxLength)} tegn kortere.`,
    };
  }
  if (options.submitting && length < limits.minLength) {
    return {
      ok: false,
      length,
      message: `Teksten er for kort til at blive indsendt: mindst ${danishNumber(limits.minLength)} tegn, og den er ${danishNumber(length)}. Skriv ${danishNumber(limits.minLength - length)} tegn mere.`,
    };
  }
  return { ok: true, text, length };
}

/** The words under the textarea: how far the text is from what is asked. */
export function lengthHint(length: number, limits: TextLimits): string {
  if (length > limits.maxLength) return `${danishNumber(length)} tegn – højst ${danishNumber(limits.maxLength)}`;
  if (length < limits.minLength) return `${danishNumber(length)} tegn – mindst ${danishNumber(limits.minLength)}`;
  return `${danishNumber(length)} tegn`;
}

export const ratingField = (criterionId: string) => `rating-${criterionId}`;

const ratingValues = new Set<string>(CRITERION_RATINGS.map((rating) => rating.value));
export const ratingLabel = (value: CriterionRatingValue) =>
  CRITERION_RATINGS.find((rating) => rating.value === value)!.label;

export type RatingsReading =
  | { ok: true; ratings: Record<string, CriterionRatingValue> }
  | { ok: false; message: string; errors: Record<string, string> };

/**
 * A rating of every criterion, all required: a value off the scale or a criterion the
 * begrundelse does not have is refused, a missing one is named.
 */
export function readRatings(
  criteria: readonly { id: string; label: string }[],
  entries: Iterable<[string, unknown]>,
): RatingsReading {
  const known = new Map(criteria.map((criterion) => [ratingField(criterion.id), criterion.id]));
  const ratings: Record<string, CriterionRatingValue> = {};
  for (const [name, value] of entries) {
    if (!name.startsWith("rating-")) continue;
    const criterionId = known.get(name);
    if (!criterionId)
      return { ok: false, message: "Vurderingen nævner et kriterium, som ikke findes i opgaven.", errors: {} };
    if (typeof value !== "string" || !ratingValues.has(value))
      return { ok: false, message: "Vurderingen skal være Opfyldt, Delvist eller Ikke opfyldt.", errors: {} };
    ratings[criterionId] = value as CriterionRatingValue;
  }
  const errors: Record<string, string> = {};
  for (const criterion of criteria) {
    if (!ratings[criterion.id]) errors[ratingField(criterion.id)] = `Vurdér kriteriet: „${criterion.label}“`;
  }
  if (Object.keys(errors).length > 0) {
    const count = Object.keys(errors).length;
    return {
      ok: false,
      message: `Vurdér alle kriterier, før du gemmer: ${count === 1 ? "et kriterium mangler" : `${count} kriterier mangler`}.`,
      errors,
    };
  }
  return { ok: true, ratings };
}
