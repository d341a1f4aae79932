/**
 * A quiz as numbers: how many took it and how often, how many passed on the first attempt and
 * at their best, and how the first-attempt scores spread (average, standard deviation, and a
 * distribution in bands of 20 percentage points). Pure; the counts come from
 * `quiz-figures.server.ts`.
 */
import { share } from "./dashboard";

/** The bands of the distribution, lowest first: 0–19 %, 20–39 %, …, 80–100 %. */
export const SCORE_BANDS = ["0-19 %", "20-39 %", "40-59 %", "60-79 %", "80-100 %"] as const;

export const scoreBand = (percent: number) => Math.min(SCORE_BANDS.length - 1, Math.floor(percent / 20));

export interface QuizTotals {
  activityId: string;
  attempts: number;
  learners: number;
  passedFirst: number;
  passedAtBest: number;
  /** Mean and population standard deviation of first-attempt percentages; null with no attempts. */
  firstAverage: number | null;
  firstSpread: number | null;
}

export interface QuizBandCount {
  activityId: string;
  band: number;
  learners: number;
}

export interface QuizFigures {
  activityId: string;
  title: string;
  passPercent: number;
  attempts: number;
  learners: number;
  passedFirst: number;
  passedFirstShare: number | null;
  passedAtBest: number;
  passedAtBestShare: number | null;
  /** Rounded to one decimal. */
  average: number | null;
  spread: number | null;
  distribution: { label: string; learners: number; share: number | null }[];
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function buildQuizFigures(
  quizzes: { id: string; title: string; quiz: { passPercent: number } }[],
  totals: QuizTotals[],
  bands: QuizBandCount[],
): QuizFigures[] {
  return quizzes.map((quiz) => {
    const t = totals.find((row) => row.activityId === quiz.id);
    const learners = t?.learners ?? 0;
    return {
      activityId: quiz.id,
      title: quiz.title,
      passPercent: quiz.quiz.passPercent,
      attempts: t?.attempts ?? 0,
      learners,
      passedFirst: t?.passedFirst ?? 0,
      passedFirstShare: share(t?.passedFirst ?? 0, learners),
      passedAtBest: t?.passedAtBest ?? 0,
      passedAtBestShare: share(t?.passedAtBest ?? 0, learners),
      average: oneDecimal(t?.firstAverage ?? null),
      spread: oneDecimal(t?.firstSpread ?? null),
      distribution: SCORE_BANDS.map((label, band) => {
        const count = bands.find((b) => b.activityId === quiz.id && b.band === band)?.learners ?? 0;
        return { label, learners: count, share: share(count, learners) };
      }),
    };
  });
}
