/**
 * The length warning of the content check: when the best choice or the correct option is nearly
 * always the longest text, a learner can pass by picking the longest. Pure. The rule is exact,
 * because authors rewrite labels to it:
 * - In a case, each step with two or more choices is considered. It counts when a choice with the
 *   highest points of the step has a label strictly longer (in characters) than every other choice.
 *   A step whose choices all have the same points has no best choice, so it never counts.
 * - In a quiz, every question is considered. It counts when a correct option's label is strictly
 *   longer than every incorrect option's label.
 * - The warning is given when counted / considered is more than 60 %.
 */
import type { Position } from "./mdx-tree";
import type { CaseDefinition } from "~/activities/case/content";
import type { QuizDefinition } from "~/activities/quiz/content";

export const LENGTH_BIAS_LIMIT = 0.6;

/** Characters as a reader counts them (code points, not UTF-16 units). */
const length = (text: string) => [...text].length;

const strictlyLongest = (label: string, others: string[]) => others.every((other) => length(label) > length(other));

export interface LengthShare {
  counted: number;
  considered: number;
}

export function caseLengthShare(definition: CaseDefinition): LengthShare {
  const steps = definition.steps.filter((step) => step.choices.length >= 2);
  const counted = steps.filter((step) => {
    const top = Math.max(...step.choices.map((choice) => choice.points));
    if (step.choices.every((choice) => choice.points === top)) return false;
    return step.choices.some(
      (choice) =>
        choice.points === top &&
        strictlyLongest(
          choice.label,
          step.choices.filter((other) => other !== choice).map((other) => other.label),
        ),
    );
  }).length;
  return { counted, considered: steps.length };
}

export function quizLengthShare(quiz: QuizDefinition): LengthShare {
  const counted = quiz.questions.filter((question) => {
    const wrong = question.options.filter((option) => !option.correct).map((option) => option.label);
    return question.options.some((option) => option.correct && strictlyLongest(option.label, wrong));
  }).length;
  return { counted, considered: quiz.questions.length };
}

const isBiased = ({ counted, considered }: LengthShare) => considered > 0 && counted / considered > LENGTH_BIAS_LIMIT;
const percent = ({ counted, considered }: LengthShare) => Math.round((100 * counted) / considered);

export interface LengthWarning extends Position {
  severity: "warning";
  message: string;
}

/** The warning for a case, at `position` (its `<Case>`), or null. `name` is how the author knows it. */
export function caseLengthWarning(definition: CaseDefinition, name: string, position: Position): LengthWarning | null {
  const share = caseLengthShare(definition);
  if (!isBiased(share)) return null;
  return {
    ...position,
    severity: "warning",
    message:
      `I casen „${name}“ har det bedste valg den længste tekst i ${share.counted} af ${share.considered} trin med ` +
      `flere valg (${percent(share)} %). Over 60 % lærer kursisten at vælge det længste svar: skriv valgene, så ` +
      `det bedste ikke kan kendes på længden.`,
  };
}

/** The warning for a quiz, at `position` (its `<Quiz>`), or null. */
export function quizLengthWarning(quiz: QuizDefinition, name: string, position: Position): LengthWarning | null {
  const share = quizLengthShare(quiz);
  if (!isBiased(share)) return null;
  return {
    ...position,
    severity: "warning",
    message:
      `I quizzen „${name}“ er det rigtige svar det længste i ${share.counted} af ${share.considered} spørgsmål ` +
      `(${percent(share)} %). Over 60 % lærer kursisten at vælge det længste svar: skriv svarmulighederne, så ` +
      `det rigtige ikke kan kendes på længden.`,
  };
}
