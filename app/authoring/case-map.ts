/**
 * The author's map of a case: one node per step and outcome,
 * one edge per choice, the best path and the maximum score from the case engine's search
 * and the steps a learner can never reach or where a learner can get stuck, all from the same
 * analysis of the case's situations as the content check (`analyseCase`). Pure.
 */
import { analyseCase } from "~/activities/case/analysis";
import type { CaseDefinition } from "~/activities/case/content";
import { choiceKey } from "~/activities/case/machine";
import { PHASES, RESULTS, type CaseResult, type Phase } from "~/content/vocabulary";

export interface MapStep {
  kind: "step";
  id: string;
  phase: Phase;
  isStart: boolean;
  /** No way from start leads here. */
  unreachable: boolean;
  /** Reached in some situation (step plus flags) from which no outcome can be reached. */
  deadEnd: boolean;
  onBestPath: boolean;
}

export interface MapOutcome {
  kind: "outcome";
  id: string;
  result: CaseResult;
  unreachable: boolean;
  onBestPath: boolean;
}

export type MapNode = MapStep | MapOutcome;

export interface MapEdge {
  /** `step/choice`: unique within the case. */
  key: string;
  from: string;
  to: string;
  choiceId: string;
  label: string;
  points: number;
  sets: string[];
  requires: string[];
  onBestPath: boolean;
  /** Positions on the best path (1-based, ascending); several when the path takes the choice more than once, empty when off it. */
  bestPathNumbers: number[];
}

export interface CaseMap {
  start: string;
  nodes: MapNode[];
  edges: MapEdge[];
  /** Null when the case is too large to search, or no outcome can be reached at all. */
  maxScore: number | null;
  bestOutcomeId: string | null;
  /** The phases in their fixed order, each with its steps (phases without steps left out). */
  phases: { phase: Phase; label: string; stepIds: string[] }[];
}

export function buildCaseMap(definition: CaseDefinition): CaseMap {
  const { reachedPlaces, deadEndSteps: deadEnds, best } = analyseCase(definition);
  // A path may take the same choice twice (back to pick up a flag): every position counts.
  const bestNumbers = new Map<string, number[]>();
  for (const [index, choice] of (best?.choices ?? []).entries()) {
    const key = choiceKey(choice.stepId, choice.choiceId);
    bestNumbers.set(key, [...(bestNumbers.get(key) ?? []), index + 1]);
  }
  const bestPlaces = new Set([...(best?.choices ?? []).map((c) => c.stepId), ...(best ? [best.outcomeId] : [])]);

  const nodes: MapNode[] = [
    ...definition.steps.map((step): MapStep => ({
      kind: "step",
      id: step.id,
      phase: step.phase,
      isStart: step.id === definition.start,
      unreachable: !reachedPlaces.has(step.id),
      deadEnd: deadEnds.has(step.id) || step.choices.length === 0,
      onBestPath: bestPlaces.has(step.id),
    })),
    ...definition.outcomes.map((outcome): MapOutcome => ({
      kind: "outcome",
      id: outcome.id,
      result: outcome.result,
      unreachable: !reachedPlaces.has(outcome.id),
      onBestPath: bestPlaces.has(outcome.id),
    })),
  ];

  const edges: MapEdge[] = definition.steps.flatMap((step) =>
    step.choices.map((choice): MapEdge => {
      const key = choiceKey(step.id, choice.id);
      const bestPathNumbers = bestNumbers.get(key) ?? [];
      return {
        key,
        from: step.id,
        to: choice.to,
        choiceId: choice.id,
        label: choice.label,
        points: choice.points,
        sets: choice.sets,
        requires: choice.requires,
        onBestPath: bestPathNumbers.length > 0,
        bestPathNumbers,
      };
    }),
  );

  const phases = (Object.keys(PHASES) as Phase[])
    .map((phase) => ({
      phase,
      label: PHASES[phase],
      stepIds: definition.steps.filter((step) => step.phase === phase).map((step) => step.id),
    }))
    .filter((group) => group.stepIds.length > 0);

  return {
    start: definition.start,
    nodes,
    edges,
    maxScore: best?.maxScore ?? null,
    bestOutcomeId: best?.outcomeId ?? null,
    phases,
  };
}

/** How a node reads in the map, the table and the preview: "Trin · Oplysning" or "Afslutning · Korrekt". */
export function nodeKindLabel(node: MapNode): string {
  return node.kind === "step" ? `Trin · ${PHASES[node.phase]}` : `Afslutning · ${RESULTS[node.result]}`;
}

/** The marks a node carries besides its kind, in words (never by colour alone). */
export function nodeMarks(node: MapNode): string[] {
  const marks: string[] = [];
  if (node.kind === "step" && node.isStart) marks.push("Start");
  if (node.onBestPath) marks.push("Bedste vej");
  if (node.unreachable) marks.push("Kan ikke nås");
  if (node.kind === "step" && node.deadEnd) marks.push("Blindgyde");
  return marks;
}

/** "1., 3.": an edge's positions on the best path, as the map and the table print them. */
export const bestPathNumbersText = (numbers: number[]) => numbers.map((n) => `${n}.`).join(", ");

/** "4" or "1 og 3": the best path's choice numbers in running Danish text. */
export const bestPathNumbersList = (numbers: number[]) =>
  numbers.length > 1 ? `${numbers.slice(0, -1).join(", ")} og ${numbers[numbers.length - 1]}` : numbers.join("");

/** "2 point · sætter laege · kræver samtykke": what a choice does, in one line. */
export function choiceFacts(edge: Pick<MapEdge, "points" | "sets" | "requires">): string {
  return [
    `${edge.points} point`,
    ...(edge.sets.length > 0 ? [`sætter ${edge.sets.join(", ")}`] : []),
    ...(edge.requires.length > 0 ? [`kræver ${edge.requires.join(", ")}`] : []),
  ].join(" · ");
}
