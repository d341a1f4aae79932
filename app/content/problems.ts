import type { ContentProblem } from "./types";

/** `file:line:column message`, the form editors and terminals turn into links; a warning says so. */
export const formatProblem = (problem: ContentProblem) =>
  `${problem.file}:${problem.line}:${problem.column} ${problem.severity === "warning" ? "Advarsel: " : ""}${problem.message}`;

export const isWarning = (problem: Pick<ContentProblem, "severity">) => problem.severity === "warning";

/** The problems that stop the build and fail the check. */
export const errorsOf = <T extends Pick<ContentProblem, "severity">>(problems: T[]) =>
  problems.filter((problem) => !isWarning(problem));

export const warningsOf = <T extends Pick<ContentProblem, "severity">>(problems: T[]) => problems.filter(isWarning);
