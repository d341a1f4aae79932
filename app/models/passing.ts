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
 * so a change of the rule or of a case's pass level applies to them too.
 */
import type { Activity, CourseModule } from "~/content/types";
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

/** A title as it reads inside a sentence: "Case: Kan Jonas …" becomes "Kan Jonas …". */
const bareTitle = (title: string) => title.replace(/^(case|quiz|evaluering|lektion)\s*:\s*/i, "");

/** What is still missing for one activity, in a sentence a learner understands. */
export function missingSentence(activity: Activity, standing: Standing): string {
  const title = `„${bareTitle(activity.title)}“`;
  switch (activity.type) {
    case "lesson":
      return `Lektionen ${title} er ikke læst endnu.`;
    case "case": {
      if (standing.inProgress) return `Casen ${title} er i gang: spil den færdig.`;
      if (!standing.played) return `Casen ${title} er ikke spillet endnu.`;
      return casePassLevel(activity) === "delvist"
        ? `Casen ${title} er spillet, men ikke bestået (den skal mindst ende delvist korrekt): prøv igen.`
        : `Casen ${title} er spillet, men ikke bestået (den skal ende korrekt): prøv igen.`;
    }
    case "quiz":
      return standing.played
        ? `Quizzen ${title} er taget, men ikke bestået (du skal have mindst ${activity.quiz.passPercent} % rigtige): prøv igen.`
        : `Quizzen ${title} er ikke taget endnu.`;
    case "evaluation":
      return standing.played
        ? `Evalueringen ${title} er gemt som kladde, men ikke indsendt.`
        : `Evalueringen ${title} er ikke indsendt endnu.`;
  }
}

/** The required activities of a module that are not passed, each with what is missing. */
export function missingActivities(module: CourseModule, standings: ReadonlyMap<string, Standing>) {
  return module.activities
    .filter((activity) => activity.required && !standings.get(activity.id)?.passedAt)
    .map((activity) => ({
      id: activity.id,
      title: activity.title,
      type: activity.type,
      sentence: missingSentence(activity, standings.get(activity.id) ?? NOT_STARTED),
    }));
}

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
