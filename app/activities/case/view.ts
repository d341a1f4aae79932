/**
 * What a learner may see of a case, built from its definition and the attempt. This is the
 * only way case content reaches a page: the current situation, the labels of the choices
 * offered now, the feedback of choices already made and the documents reached. Points,
 * `requires`, targets, other steps and unearned feedback stay on the server until the end,
 * when the review shows the whole path. Pure.
 */
import { PHASES, RESULTS, type CaseResult } from "~/content/vocabulary";
import type { CaseDefinition, CaseStep } from "./content";
import { choiceValue } from "./decide";
import { offeredChoices, restoreSnapshot, type CaseMachine } from "./machine";

export interface AttemptState {
  id: string;
  status: "active" | "finished" | "abandoned";
  snapshot: unknown;
  decisionCount: number;
  acknowledgedCount: number;
  score: number;
  maxScore: number;
  outcomeId: string | null;
}

export interface DecisionRecord {
  seq: number;
  stepId: string;
  choiceId: string;
  targetId: string;
  points: number;
  wasBest: boolean;
  bestChoiceId: string;
}

export interface DocumentView {
  key: string;
  title: string;
  html: string;
  /** Reached at the current step (shown open). */
  isNew: boolean;
}

export interface ReviewItem {
  number: number;
  phaseLabel: string;
  situationHtml: string;
  chosenLabel: string;
  points: number;
  feedbackHtml: string;
  /** The label of a choice with more points that was offered at that moment, if there was one. */
  betterChoiceLabel: string | null;
}

export type CaseView =
  | {
      state: "step";
      seq: number;
      stepNumber: number;
      phaseLabel: string;
      situationHtml: string;
      documents: DocumentView[];
      choices: { value: string; label: string }[];
    }
  | {
      state: "feedback";
      seq: number;
      chosenLabel: string;
      feedbackHtml: string;
      documents: DocumentView[];
      leadsToOutcome: boolean;
    }
  | {
      state: "outcome";
      result: CaseResult;
      resultLabel: string;
      outcomeHtml: string;
      score: number;
      maxScore: number;
      percent: number;
      review: ReviewItem[];
      documents: DocumentView[];
    };

const phaseLabel = (step: CaseStep) => PHASES[step.phase];

function stepById(definition: CaseDefinition) {
  return new Map(definition.steps.map((step) => [step.id, step]));
}

/** The documents of every step reached so far, newest first, each once. */
export function documentsReached(
  definition: CaseDefinition,
  decisions: DecisionRecord[],
  currentPlace: string,
): DocumentView[] {
  const steps = stepById(definition);
  const places = [definition.start, ...decisions.map((d) => d.targetId)];
  const seen = new Set<string>();
  const reached: DocumentView[] = [];
  places.forEach((place, index) => {
    for (const document of steps.get(place)?.documents ?? []) {
      if (seen.has(document.id)) continue;
      seen.add(document.id);
      reached.push({
        key: `d${reached.length}`,
        title: document.title,
        html: document.html,
        isNew: index === places.length - 1 && place === currentPlace,
      });
    }
  });
  return reached.reverse();
}

export function buildCaseView(
  machine: CaseMachine,
  definition: CaseDefinition,
  attempt: AttemptState,
  decisions: DecisionRecord[],
): CaseView {
  const steps = stepById(definition);
  const snapshot = restoreSnapshot(machine, attempt.snapshot);
  const place = String(snapshot.value);
  const documents = documentsReached(definition, decisions, place);
  const last = decisions[decisions.length - 1];

  if (last && attempt.acknowledgedCount < attempt.decisionCount) {
    const choice = steps.get(last.stepId)?.choices.find((c) => c.id === last.choiceId);
    return {
      state: "feedback",
      seq: attempt.decisionCount,
      chosenLabel: choice?.label ?? "",
      feedbackHtml: choice?.feedbackHtml ?? "",
      documents,
      leadsToOutcome: snapshot.status === "done",
    };
  }

  if (snapshot.status === "done") {
    const outcome = definition.outcomes.find((o) => o.id === place)!;
    return {
      state: "outcome",
      result: outcome.result,
      resultLabel: RESULTS[outcome.result],
      outcomeHtml: outcome.html,
      score: attempt.score,
      maxScore: attempt.maxScore,
      percent: attempt.maxScore > 0 ? Math.round((100 * attempt.score) / attempt.maxScore) : 100,
      review: decisions.map((decision, index) => {
        const step = steps.get(decision.stepId)!;
        const choice = step.choices.find((c) => c.id === decision.choiceId);
        const better = decision.wasBest ? null : step.choices.find((c) => c.id === decision.bestChoiceId);
        return {
          number: index + 1,
          phaseLabel: phaseLabel(step),
          situationHtml: step.situationHtml,
          chosenLabel: choice?.label ?? decision.choiceId,
          points: decision.points,
          feedbackHtml: choice?.feedbackHtml ?? "",
          betterChoiceLabel: better?.label ?? null,
        };
      }),
      documents,
    };
  }

  const step = steps.get(place)!;
  return {
    state: "step",
    seq: attempt.decisionCount,
    stepNumber: attempt.decisionCount + 1,
    phaseLabel: phaseLabel(step),
    situationHtml: step.situationHtml,
    documents,
    choices: offeredChoices(machine, definition, snapshot).map((choice) => ({
      value: choiceValue(step, choice.id),
      label: choice.label,
    })),
  };
}
