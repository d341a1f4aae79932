import type { ContentProblem } from "./types";

/** `file:line:column message`, the form editors and terminals turn into links. */
export const formatProblem = (problem: ContentProblem) =>
  `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
