/**
 * A case as an XState machine: steps and outcomes are states (outcomes final); a choice is a
 * CHOOSE event whose guard checks `requires` against the flags in context and whose action adds
 * the choice's points (first time only) and its `sets`. Pure: no database, no I/O.
 */
import { assign, createActor, setup, transition, type SnapshotFrom } from "xstate";
import type { CaseChoice, CaseDefinition, CaseStep } from "./content";

export interface CaseContext {
  /** Flags set so far, sorted. */
  flags: string[];
  score: number;
  /** `step/choice` keys of the choices made at least once; a choice earns its points only once. */
  made: string[];
}

export type CaseEvent = { type: "CHOOSE"; choiceId: string };

export const choiceKey = (stepId: string, choiceId: string) => `${stepId}/${choiceId}`;

export function createCaseMachine(definition: CaseDefinition) {
  return setup({
    types: {
      context: {} as CaseContext,
      events: {} as CaseEvent,
    },
    guards: {
      choiceOffered: ({ context, event }, params: { choiceId: string; requires: string[] }) =>
        event.choiceId === params.choiceId && params.requires.every((flag) => context.flags.includes(flag)),
    },
    actions: {
      applyChoice: assign(({ context }, params: { key: string; points: number; sets: string[] }) => {
        const firstTime = !context.made.includes(params.key);
        return {
          score: context.score + (firstTime ? params.points : 0),
          flags: [...new Set([...context.flags, ...params.sets])].sort(),
          made: firstTime ? [...context.made, params.key] : context.made,
        };
      }),
    },
  }).createMachine({
    id: "case",
    initial: definition.start,
    context: { flags: [], score: 0, made: [] },
    states: Object.fromEntries([
      ...definition.steps.map((step) => [
        step.id,
        {
          on: {
            CHOOSE: step.choices.map((choice) => ({
              guard: { type: "choiceOffered" as const, params: { choiceId: choice.id, requires: choice.requires } },
              target: choice.to,
              actions: {
                type: "applyChoice" as const,
                params: { key: choiceKey(step.id, choice.id), points: choice.points, sets: choice.sets },
              },
            })),
          },
        },
      ]),
      ...definition.outcomes.map((outcome) => [outcome.id, { type: "final" as const }]),
    ]),
  });
}

export type CaseMachine = ReturnType<typeof createCaseMachine>;
export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/** The id of the step or outcome a snapshot is in. */
export const currentPlace = (snapshot: CaseSnapshot): string => String(snapshot.value);

export function findStep(definition: CaseDefinition, id: string): CaseStep | undefined {
  return definition.steps.find((step) => step.id === id);
}

export const chooseEvent = (choiceId: string): CaseEvent => ({ type: "CHOOSE", choiceId });

/** The choices of the current step that the machine accepts now (their `requires` are met). */
export function offeredChoices(machine: CaseMachine, definition: CaseDefinition, snapshot: CaseSnapshot): CaseChoice[] {
  const step = findStep(definition, currentPlace(snapshot));
  if (!step || snapshot.status !== "active") return [];
  return step.choices.filter((choice) => snapshot.can(chooseEvent(choice.id)));
}

/** All CHOOSE events of the current step, offered or not: the events a graph traversal tries. */
export function stepEvents(definition: CaseDefinition, snapshot: CaseSnapshot): CaseEvent[] {
  const step = findStep(definition, currentPlace(snapshot));
  return step && snapshot.status === "active" ? step.choices.map((choice) => chooseEvent(choice.id)) : [];
}

/** The next snapshot after a choice, computed purely (no actor). */
export function nextSnapshot(machine: CaseMachine, snapshot: CaseSnapshot, choiceId: string): CaseSnapshot {
  return transition(machine, snapshot, chooseEvent(choiceId))[0];
}

export function initialSnapshot(machine: CaseMachine): CaseSnapshot {
  return createActor(machine).getSnapshot();
}

/** Persisted form of a snapshot, as stored with an attempt. */
export type PersistedCaseSnapshot = ReturnType<ReturnType<typeof createActor<CaseMachine>>["getPersistedSnapshot"]>;

export function startPersisted(machine: CaseMachine): PersistedCaseSnapshot {
  const actor = createActor(machine).start();
  const persisted = actor.getPersistedSnapshot();
  actor.stop();
  return persisted;
}

export type ChoiceResult =
  | {
      ok: true;
      snapshot: CaseSnapshot;
      persisted: PersistedCaseSnapshot;
      choice: CaseChoice;
      /** The choices the step offered before this one was made. */
      offered: CaseChoice[];
      earned: number;
      stepId: string;
    }
  | { ok: false; reason: "finished" | "not-offered" };

/**
 * Applies a learner's choice to a restored snapshot, purely: the next snapshot and its persisted
 * form. A choice the machine does not accept now changes nothing.
 */
export function applyChoice(
  machine: CaseMachine,
  definition: CaseDefinition,
  before: CaseSnapshot,
  choiceId: string,
): ChoiceResult {
  if (before.status !== "active") return { ok: false, reason: "finished" };
  const offered = offeredChoices(machine, definition, before);
  const choice = offered.find((c) => c.id === choiceId);
  if (!choice) return { ok: false, reason: "not-offered" };
  const after = nextSnapshot(machine, before, choiceId);
  return {
    ok: true,
    snapshot: after,
    persisted: machine.getPersistedSnapshot(after) as PersistedCaseSnapshot,
    choice,
    offered,
    earned: after.context.score - before.context.score,
    stepId: currentPlace(before),
  };
}

export function restoreSnapshot(machine: CaseMachine, persisted: unknown): CaseSnapshot {
  const actor = createActor(machine, { snapshot: persisted as PersistedCaseSnapshot });
  return actor.getSnapshot();
}
