/**
 * What a learner may see of a case, built from its definition and the attempt. This is the
 * only way case content reaches a page: the current situation, the labels of the choices
 * offered now, the feedback of choices already made and the documents reached. Points,
 * `requires`, targets, other steps and unearned feedback stay on the server until the end,
 * when the review shows the whole path. Pure.
 */
import type { ProseHtml } from "~/components/prose";
import { inlineProse } from "~/content/prose.server";
import type { ChecklistDefinition } from "~/content/types";
import { PHASES, RESULTS, type CaseResult } from "~/content/vocabulary";
import { isPassingResult } from "~/progress/passing";
import type { CaseDefinition, CaseStep } from "./content";
import { debriefByTopic, type DebriefLesson } from "./debrief";
import { shownChoices } from "./decide";
import { decisionCounter, resumeSentence, reviewLine, verdictHeading, type VerdictTone } from "./learner-words";
import { offeredChoices, restoreSnapshot, type CaseMachine } from "./machine";
import { idealWay, reviewDecisions } from "./review";

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
  situation: ProseHtml;
  chosenLabel: string;
  points: number;
  feedback: ProseHtml;
  /** "Bedste valg", "Delvis rigtigt" or "Ikke det bedste valg – det bedste var: …" (`reviewLine`). */
  heading: string;
  tone: VerdictTone;
  /** Why the best was not offered, what this choice corrected, a repeated choice. */
  notes: string[];
}

/** The verdict right after a choice: "Godt valg", its points, and why the best was not offered. */
export interface VerdictView {
  text: string;
  points: string;
  tone: VerdictTone;
  notes: string[];
}

/** One topic of the debrief: "Sagsoplysning: 2 af 6 point", and for a weak one where to read up. */
export interface DebriefItem {
  label: string;
  earned: number;
  possible: number;
  lesson: { title: string; to: string } | null;
  checklist: { title: string; to: string } | null;
}

/** What the outcome needs from the module: the best path's points per topic, and what to read. */
export interface DebriefSources {
  moduleId: string;
  bestPath: readonly { stepId: string; choiceId: string }[];
  lessons: readonly DebriefLesson[];
  checklists: readonly ChecklistDefinition[];
}

export type CaseView =
  | {
      state: "step";
      seq: number;
      stepNumber: number;
      /** "Beslutning 3 · ca. 8 i alt". */
      counter: string;
      /** "Du fortsætter, hvor du slap (beslutning 3)." when the learner comes back, else null. */
      resume: string | null;
      phaseLabel: string;
      situation: ProseHtml;
      documents: DocumentView[];
      choices: { value: string; label: string }[];
    }
  | {
      state: "feedback";
      seq: number;
      resume: string | null;
      chosenLabel: string;
      verdict: VerdictView;
      feedback: ProseHtml;
      documents: DocumentView[];
      leadsToOutcome: boolean;
    }
  | {
      state: "outcome";
      result: CaseResult;
      resultLabel: string;
      /** The attempt reached the case's pass level (`<Case pass>`). */
      passed: boolean;
      outcome: ProseHtml;
      score: number;
      maxScore: number;
      percent: number;
      review: ReviewItem[];
      debrief: DebriefItem[];
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

/** How the page was reached: `returning` when the learner comes back to the attempt (not right after acting on it). */
export interface ViewContext {
  returning?: boolean;
  debrief?: DebriefSources;
  /**
   * How the view's prose (situation, feedback, outcome, review) is sent: once, by the activity
   * page's `prose` (app/components/prose.tsx); inline where none is given (a test).
   */
  prose?: (key: string, html: string) => ProseHtml;
}

function debriefItems(definition: CaseDefinition, decisions: DecisionRecord[], sources: DebriefSources): DebriefItem[] {
  const module = `/moduler/${sources.moduleId}`;
  return debriefByTopic({ definition, decisions, ...sources }).map((topic) => ({
    label: topic.label,
    earned: topic.earned,
    possible: topic.possible,
    lesson: topic.lesson && { title: topic.lesson.title, to: `${module}/${topic.lesson.id}` },
    checklist: topic.checklist && {
      title: topic.checklist.title,
      to: `${module}/tjeklister#tjekliste-${topic.checklist.id}`,
    },
  }));
}

export function buildCaseView(
  machine: CaseMachine,
  definition: CaseDefinition,
  attempt: AttemptState,
  decisions: DecisionRecord[],
  context: ViewContext = {},
): CaseView {
  const steps = stepById(definition);
  const prose = context.prose ?? inlineProse;
  const snapshot = restoreSnapshot(machine, attempt.snapshot);
  const place = String(snapshot.value);
  const documents = documentsReached(definition, decisions, place);
  const last = decisions[decisions.length - 1];
  // One rule for the verdict after a choice and the review at the end (review.ts), replayed from the case.
  const reviewed = reviewDecisions(definition, decisions);
  const resumeAt = (number: number) => (context.returning && attempt.decisionCount > 0 ? resumeSentence(number) : null);

  if (last && attempt.acknowledgedCount < attempt.decisionCount) {
    const choice = steps.get(last.stepId)?.choices.find((c) => c.id === last.choiceId);
    const judged = reviewed[reviewed.length - 1]!;
    const heading = verdictHeading(judged.verdict, last.points);
    return {
      state: "feedback",
      seq: attempt.decisionCount,
      resume: resumeAt(attempt.decisionCount),
      chosenLabel: choice?.label ?? "",
      verdict: { ...heading, notes: reviewLine(judged).notes },
      feedback: prose("feedback", choice?.feedbackHtml ?? ""),
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
      passed: isPassingResult(outcome.result, definition.pass),
      outcome: prose("outcome", outcome.html),
      score: attempt.score,
      maxScore: attempt.maxScore,
      percent: attempt.maxScore > 0 ? Math.round((100 * attempt.score) / attempt.maxScore) : 100,
      review: reviewed.map((judged) => {
        const step = steps.get(judged.stepId)!;
        const choice = step.choices.find((c) => c.id === judged.choiceId);
        const line = reviewLine(judged);
        return {
          number: judged.number,
          phaseLabel: phaseLabel(step),
          situation: prose(`review-${judged.number}-situation`, step.situationHtml),
          chosenLabel: choice?.label ?? judged.choiceId,
          points: judged.points,
          feedback: prose(`review-${judged.number}-feedback`, choice?.feedbackHtml ?? ""),
          heading: line.heading,
          tone: line.tone,
          notes: line.notes,
        };
      }),
      debrief: context.debrief ? debriefItems(definition, decisions, context.debrief) : [],
      documents,
    };
  }

  const step = steps.get(place)!;
  const number = attempt.decisionCount + 1;
  const ideal = idealWay(definition);
  return {
    state: "step",
    seq: attempt.decisionCount,
    stepNumber: number,
    // Without an ideal way (its best choice is never offered first), no estimate rather than a wrong one.
    counter: ideal ? decisionCounter(number, ideal.choices.length) : `Beslutning ${number}`,
    resume: resumeAt(number),
    phaseLabel: phaseLabel(step),
    situation: prose("situation", step.situationHtml),
    documents,
    choices: shownChoices(attempt.id, step, offeredChoices(machine, definition, snapshot)).map((choice, position) => ({
      value: String(position),
      label: choice.label,
    })),
  };
}
