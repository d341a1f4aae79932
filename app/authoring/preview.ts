/**
 * The author's preview of one step (or outcome) of a case. Everything is shown: the situation,
 * the documents, every choice with its points, target, flags and feedback, and whether the
 * learner would be offered it with the flags set now. The preview's state (the flags and the
 * choices taken so far) lives only in the address, e.g. `?flag=laege&vej=modtagelse/oplysning`,
 * so nothing is stored; choices are stepped by the case's own machine. Pure.
 */
import { z } from "zod";
import {
  choiceKey,
  createCaseMachine,
  nextSnapshot,
  offeredChoices,
  type CaseSnapshot,
} from "~/activities/case/machine";
import { ID_PATTERN } from "~/content/format";
import type { CaseChoice, CaseDefinition, CaseDocument, CaseStep } from "~/activities/case/content";
import { PHASES, RESULTS, type CaseResult } from "~/content/vocabulary";

export interface PreviewState {
  flags: string[];
  /** The choices taken so far, as `step/choice`, in order. */
  path: string[];
}

const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const FLAG = z.string().regex(ID_PATTERN, "Et flag i adressen har ugyldige tegn.");
const PATH_ENTRY = z
  .string()
  .regex(/^[A-Za-z0-9][\w-]*\/[A-Za-z0-9][\w-]*$/, "Vejen i adressen skal have formen trin/valg.");

/** The preview's state from the query string: repeated `flag` and `vej` parameters. */
export const previewQuerySchema = z.object({
  flag: z.preprocess(asList, z.array(FLAG).max(100, "For mange flag i adressen.")),
  vej: z.preprocess(asList, z.array(PATH_ENTRY).max(500, "Vejen i adressen er for lang.")),
});

/** Checks a parsed state against the case: flags that no choice sets and unknown choices are errors. */
export function validatePreviewState(
  definition: CaseDefinition,
  state: { flag: string[]; vej: string[] },
): PreviewState | { error: string } {
  const flags = knownFlags(definition);
  const unknownFlag = state.flag.find((flag) => !flags.includes(flag));
  if (unknownFlag) return { error: `Flaget "${unknownFlag}" bruges ikke i casen.` };
  const choices = choicesByKey(definition);
  const unknownChoice = state.vej.find((entry) => !choices.has(entry));
  if (unknownChoice) return { error: `Valget "${unknownChoice}" findes ikke i casen.` };
  return { flags: [...new Set(state.flag)].sort(), path: state.vej };
}

/** Every choice of the case by its `step/choice` key (the key the case engine counts points by). */
function choicesByKey(definition: CaseDefinition): Map<string, { step: CaseStep; choice: CaseChoice }> {
  return new Map(
    definition.steps.flatMap((step) =>
      step.choices.map((choice) => [choiceKey(step.id, choice.id), { step, choice }] as const),
    ),
  );
}

/** Every flag a choice of the case sets or requires, sorted. */
export function knownFlags(definition: CaseDefinition): string[] {
  return [
    ...new Set(
      definition.steps.flatMap((step) => step.choices.flatMap((choice) => [...choice.sets, ...choice.requires])),
    ),
  ].sort();
}

/** The query string of a preview state. */
export function previewQuery(state: PreviewState): string {
  const params = new URLSearchParams();
  for (const flag of state.flags) params.append("flag", flag);
  for (const entry of state.path) params.append("vej", entry);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export interface PreviewChoice {
  id: string;
  label: string;
  points: number;
  to: string;
  toLabel: string;
  sets: string[];
  requires: string[];
  feedbackHtml: string;
  /** Would the learner be offered it with the flags set now? */
  offered: boolean;
  /** Where taking it leads (offered), or the same step with the missing flags set (not offered). */
  href: string;
}

export type StepPreview =
  | {
      kind: "step";
      id: string;
      phaseLabel: string;
      situationHtml: string;
      documents: (CaseDocument & { fromStep: string })[];
      choices: PreviewChoice[];
      flags: string[];
      allFlags: string[];
      score: number;
      path: { stepId: string; choiceLabel: string; points: number }[];
      lastChoice: { label: string; feedbackHtml: string; points: number } | null;
    }
  | {
      kind: "outcome";
      id: string;
      result: CaseResult;
      resultLabel: string;
      html: string;
      flags: string[];
      allFlags: string[];
      score: number;
      path: { stepId: string; choiceLabel: string; points: number }[];
      lastChoice: { label: string; feedbackHtml: string; points: number } | null;
    };

function placeLabel(definition: CaseDefinition, id: string) {
  const outcome = definition.outcomes.find((o) => o.id === id);
  if (outcome) return `afslutningen ${id} (${RESULTS[outcome.result]})`;
  return `trinnet ${id}`;
}

/** The score of a path: a choice's points count the first time it is taken, as in the case engine. */
function scoreOf(choices: ReturnType<typeof choicesByKey>, path: string[]): number {
  return [...new Set(path)].reduce((sum, key) => sum + (choices.get(key)?.choice.points ?? 0), 0);
}

/**
 * The preview of `placeId` with the given state, or null if the case has no such step or
 * outcome. `href(placeId, state)` makes the address of another preview.
 */
export function buildStepPreview(
  definition: CaseDefinition,
  placeId: string,
  state: PreviewState,
  href: (placeId: string, state: PreviewState) => string,
): StepPreview | null {
  const choiceByKey = choicesByKey(definition);
  const pathView = state.path.map((key) => {
    const { step, choice } = choiceByKey.get(key)!;
    return { stepId: step.id, choiceLabel: choice.label, points: choice.points };
  });
  const last = state.path.length > 0 ? choiceByKey.get(state.path[state.path.length - 1]!)! : null;
  const common = {
    flags: state.flags,
    allFlags: knownFlags(definition),
    score: scoreOf(choiceByKey, state.path),
    path: pathView,
    lastChoice:
      last && last.choice.to === placeId
        ? { label: last.choice.label, feedbackHtml: last.choice.feedbackHtml, points: last.choice.points }
        : null,
  };

  const outcome = definition.outcomes.find((o) => o.id === placeId);
  if (outcome) {
    return {
      kind: "outcome",
      id: outcome.id,
      result: outcome.result,
      resultLabel: RESULTS[outcome.result],
      html: outcome.html,
      ...common,
    };
  }
  const step = definition.steps.find((s) => s.id === placeId);
  if (!step) return null;

  const machine = createCaseMachine(definition);
  const snapshot = machine.resolveState({
    value: step.id,
    context: { flags: state.flags, score: common.score, made: [...new Set(state.path)] },
  }) as CaseSnapshot;
  const offered = new Set(offeredChoices(machine, definition, snapshot).map((choice) => choice.id));

  const visited = [...state.path.map((key) => choiceByKey.get(key)!.step), step];
  const seenDocuments = new Set<string>();
  const documents = visited.flatMap((visitedStep) =>
    visitedStep.documents.flatMap((document) => {
      if (seenDocuments.has(document.id)) return [];
      seenDocuments.add(document.id);
      return [{ ...document, fromStep: visitedStep.id }];
    }),
  );

  return {
    kind: "step",
    id: step.id,
    phaseLabel: PHASES[step.phase],
    situationHtml: step.situationHtml,
    documents: documents.reverse(),
    choices: step.choices.map((choice) => {
      const isOffered = offered.has(choice.id);
      let target: string;
      if (isOffered) {
        const next = nextSnapshot(machine, snapshot, choice.id);
        target = href(choice.to, { flags: next.context.flags, path: [...state.path, choiceKey(step.id, choice.id)] });
      } else {
        target = href(step.id, { flags: [...new Set([...state.flags, ...choice.requires])].sort(), path: state.path });
      }
      return {
        id: choice.id,
        label: choice.label,
        points: choice.points,
        to: choice.to,
        toLabel: placeLabel(definition, choice.to),
        sets: choice.sets,
        requires: choice.requires,
        feedbackHtml: choice.feedbackHtml,
        offered: isOffered,
        href: target,
      };
    }),
    ...common,
  };
}
