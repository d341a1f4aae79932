/**
 * What counts as done: the one definition behind the module page, the progress bars, the
 * certificate and (through the SQL conditions in `passing.server.ts`) any figure counted in the
 * database. Pure.
 *
 * - A lesson is done when read; an evaluation when submitted.
 * - A case is *passed* when an attempt ends in an outcome of at least the case's pass level
 *   (`<Case pass>`: `korrekt` by default, or `delvist`). An attempt that ends lower is *played*.
 * - A quiz is passed when an attempt reaches its `passPercent`.
 * Old attempts are judged by the same rule when read (nothing stored says "passed" for a case),
 * so a change of the rule or of a case's pass level applies to them too. What is missing, in a
 * learner's words, each type says itself (`missing` of its server module).
 */
import type { CourseModule } from "~/content/types";
import type { CaseResult } from "~/content/vocabulary";

export type CasePassLevel = Extract<CaseResult, "korrekt" | "delvist">;

/** The results that pass a case of this level. */
export const passingResults = (level: CasePassLevel = "korrekt"): CaseResult[] =>
  level === "delvist" ? ["korrekt", "delvist"] : ["korrekt"];

export const isPassingResult = (result: string | null, level: CasePassLevel = "korrekt") =>
  result !== null && (passingResults(level) as string[]).includes(result);

export const isPassingPercent = (percent: number, passPercent: number) => percent >= passPercent;

/** A case's pass level (`<Case pass>`), `korrekt` when the file says nothing. */
export const casePassLevel = (activity: { case: { pass?: CasePassLevel } }): CasePassLevel =>
  activity.case.pass ?? "korrekt";

/** Where a learner stands with one activity. */
export interface Standing {
  /** When the activity was first passed (read, submitted), or null. */
  passedAt: Date | null;
  /** A case or quiz attempt that ended without passing; an evaluation draft. */
  played: boolean;
  /** An unfinished case attempt. */
  inProgress: boolean;
}

export const NOT_STARTED: Standing = { passedAt: null, played: false, inProgress: false };

/** A title as it reads inside a sentence, quoted: "Case: Kan Jonas …" becomes „Kan Jonas …“. */
export const titleInSentence = (title: string) =>
  `„${title.replace(/^(case|quiz|evaluering|lektion|skriv begrundelsen)\s*:\s*/i, "")}“`;

/** The ids of the activities passed, for `moduleProgress`. */
export const passedIds = (standings: ReadonlyMap<string, Standing>) =>
  new Set([...standings].filter(([, standing]) => standing.passedAt).map(([id]) => id));

/** The day a module was completed: when its last required activity was first passed. */
export function completedAt(module: CourseModule, standings: ReadonlyMap<string, Standing>): Date | null {
  let latest: Date | null = null;
  for (const activity of module.activities.filter((a) => a.required)) {
    const passedAt = standings.get(activity.id)?.passedAt;
    if (!passedAt) return null;
    if (!latest || passedAt > latest) latest = passedAt;
  }
  return latest;
}
