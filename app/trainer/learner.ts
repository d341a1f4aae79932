/**
 * One participant as their trainer sees them: each case attempt's path (step, choice, verdict,
 * points) and outcome, each quiz attempt's answers, with dates. Texts, never ids: a step by its
 * number and situation, a choice by its label, an outcome by its result and text. Pure; the
 * rows come from `learner.server.ts`. Evaluation answers are never part of it.
 */
import type { CaseDefinition } from "~/activities/case/content";
import { reviewWord } from "~/activities/case/learner-words";
import type { Verdict } from "~/activities/case/review";
import type { QuizDefinition } from "~/activities/quiz/content";
import { PHASES, RESULTS, isKeyOf } from "~/content/vocabulary";
import { formatDateTime } from "~/utils/danish";
import { plainText } from "./dashboard";

export interface AttemptRow {
  id: string;
  activityId: string;
  version: string;
  status: "active" | "finished" | "abandoned";
  score: number;
  maxScore: number;
  outcomeId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface DecisionRow {
  attemptId: string;
  seq: number;
  stepId: string;
  choiceId: string;
  points: number;
  wasBest: boolean;
  /** The review's verdict; null for a decision stored before migration 0011 and not judged again. */
  verdict: Verdict | null;
  decidedAt: Date;
}

export const ATTEMPT_STATUS_LABELS = { active: "I gang", finished: "Afsluttet", abandoned: "Afbrudt" } as const;

/** How a decision is judged, in the review's words (the learner read the same). */
export const verdictLabel = (decision: Pick<DecisionRow, "wasBest" | "verdict">) =>
  reviewWord(decision.verdict ?? (decision.wasBest ? "best" : "not-best"));

export interface CaseAttemptView {
  id: string;
  number: number;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  score: number;
  maxScore: number;
  outcome: { result: string; text: string } | null;
  /** The attempt was made on an earlier version of the case. */
  olderVersion: boolean;
  path: { seq: number; step: string; phase: string; choice: string; verdict: string; points: number }[];
}

/**
 * A case's attempts, first first. `definitionOf` gives the case as the attempt saw it (null when
 * that version is gone: the ids are shown as they are, which is all there is).
 */
export function caseAttemptViews(
  attempts: AttemptRow[],
  decisions: DecisionRow[],
  currentVersion: string,
  definitionOf: (version: string) => CaseDefinition | null,
): CaseAttemptView[] {
  return [...attempts]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    .map((attempt, index) => {
      const definition = definitionOf(attempt.version);
      const stepText = (stepId: string) => {
        const position = definition?.steps.findIndex((s) => s.id === stepId) ?? -1;
        const step = definition?.steps[position];
        return step ? `Trin ${position + 1}: ${plainText(step.situationHtml, 90)}` : stepId;
      };
      const outcome = definition?.outcomes.find((o) => o.id === attempt.outcomeId);
      return {
        id: attempt.id,
        number: index + 1,
        status: ATTEMPT_STATUS_LABELS[attempt.status],
        startedAt: formatDateTime(attempt.startedAt),
        finishedAt: attempt.finishedAt ? formatDateTime(attempt.finishedAt) : null,
        score: attempt.score,
        maxScore: attempt.maxScore,
        outcome:
          attempt.outcomeId === null
            ? null
            : outcome
              ? { result: RESULTS[outcome.result], text: plainText(outcome.html, 160) }
              : { result: "Afslutning", text: attempt.outcomeId },
        olderVersion: attempt.version !== currentVersion,
        path: decisions
          .filter((d) => d.attemptId === attempt.id)
          .sort((a, b) => a.seq - b.seq)
          .map((d) => {
            const step = definition?.steps.find((s) => s.id === d.stepId);
            const choice = step?.choices.find((c) => c.id === d.choiceId);
            return {
              seq: d.seq,
              step: stepText(d.stepId),
              phase: step && isKeyOf(PHASES, step.phase) ? PHASES[step.phase] : "",
              choice: choice?.label ?? d.choiceId,
              verdict: verdictLabel(d),
              points: d.points,
            };
          }),
      };
    });
}

export interface QuizAttemptRow {
  id: string;
  activityId: string;
  percent: number;
  correctCount: number;
  questionCount: number;
  passed: boolean;
  submittedAt: Date;
}

export interface QuizAnswerRow {
  attemptId: string;
  questionId: string;
  optionIds: string[];
  correct: boolean;
}

export interface QuizAttemptView {
  id: string;
  number: number;
  submittedAt: string;
  percent: number;
  correctCount: number;
  questionCount: number;
  passed: boolean;
  answers: { question: string; chosen: string; correct: boolean }[];
}

/** A quiz's attempts, first first, each answer with the question and the options chosen by their text. */
export function quizAttemptViews(
  quiz: QuizDefinition,
  attempts: QuizAttemptRow[],
  answers: QuizAnswerRow[],
): QuizAttemptView[] {
  return [...attempts]
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .map((attempt, index) => ({
      id: attempt.id,
      number: index + 1,
      submittedAt: formatDateTime(attempt.submittedAt),
      percent: attempt.percent,
      correctCount: attempt.correctCount,
      questionCount: attempt.questionCount,
      passed: attempt.passed,
      answers: quiz.questions.flatMap((question, position) => {
        const answer = answers.find((a) => a.attemptId === attempt.id && a.questionId === question.id);
        if (!answer) return [];
        const chosen = question.options.filter((o) => answer.optionIds.includes(o.id)).map((o) => o.label);
        return [
          {
            question: `${position + 1}. ${plainText(question.promptHtml, 120)}`,
            chosen: chosen.length > 0 ? chosen.join("; ") : "Intet svar",
            correct: answer.correct,
          },
        ];
      }),
    }));
}
