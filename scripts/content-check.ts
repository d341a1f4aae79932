/**
 * `npm run content:check [-- --dir <folder>]`: applies every rule of the content format to the
 * course and prints each problem as `file:line:column message`. Exits 1 when there is an error;
 * warnings (an outdated sats, an old legal check) are printed and fail nothing.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { compileContent } from "~/content/compile.server";
import { errorsOf, formatProblem, warningsOf } from "~/content/problems";

const { values } = parseArgs({ options: { dir: { type: "string", default: "content" } } });
const started = performance.now();
const course = await compileContent(path.resolve(values.dir!), process.cwd());
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const errors = errorsOf(course.problems);
const warnings = warningsOf(course.problems);
const filesOf = (list: typeof course.problems) => {
  const files = new Set(list.map((p) => p.file)).size;
  return `${files} ${files === 1 ? "fil" : "filer"}`;
};
for (const problem of course.problems) console.error(formatProblem(problem));
const warningSummary =
  warnings.length === 0
    ? ""
    : `${warnings.length} ${warnings.length === 1 ? "advarsel" : "advarsler"} i ${filesOf(warnings)}`;

if (errors.length > 0) {
  console.error(
    `\n${errors.length} fejl i ${filesOf(errors)}${warningSummary ? ` og ${warningSummary}` : ""}. Ret fejlene, og kør kontrollen igen.`,
  );
  process.exit(1);
}

const activities = course.modules.flatMap((m) => m.activities);
const count = (type: string) => activities.filter((a) => a.type === type).length;
if (warningSummary)
  console.error(`\n${warningSummary[0]!.toUpperCase()}${warningSummary.slice(1)} (de standser ikke bygningen).`);
console.log(
  `Indholdet er i orden: ${course.modules.length} moduler, ${count("lesson")} lektioner, ${count("case")} cases, ` +
    `${count("quiz")} quizzer, ${count("evaluation")} evalueringer, ${count("begrundelse")} begrundelser (${seconds} s).`,
);
