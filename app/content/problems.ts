import type { Severity } from "./mdx-tree";
import type { ContentProblem } from "./types";

/** `file:line:column message`, the form editors and terminals turn into links; a warning says so. */
export const formatProblem = (problem: ContentProblem) =>
  `${problem.file}:${problem.line}:${problem.column} ${problem.severity === "warning" ? "Advarsel: " : ""}${problem.message}`;

/** A problem without a severity (one a rule has just pushed) is an error. */
type Judged = { severity?: Severity };

export const isWarning = (problem: Judged) => problem.severity === "warning";

/** The problems that stop the build and fail the check. */
export const errorsOf = <T extends Judged>(problems: T[]) => problems.filter((problem) => !isWarning(problem));

export const warningsOf = <T extends Judged>(problems: T[]) => problems.filter(isWarning);
