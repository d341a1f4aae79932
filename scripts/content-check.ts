/**
 * `npm run content:check [-- --dir <folder>]`: applies every rule of the content format to the
 * course and prints each problem as `file:line:column message`. Exits 1 when there is any.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { compileContent } from "~/content/compile.server";
import { formatProblem } from "~/content/problems";

const { values } = parseArgs({ options: { dir: { type: "string", default: "content" } } });
const started = performance.now();
const course = await compileContent(path.resolve(values.dir!), process.cwd());
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (course.problems.length > 0) {
  for (const problem of course.problems) console.error(formatProblem(problem));
  const files = new Set(course.problems.map((p) => p.file)).size;
  console.error(
    `\n${course.problems.length} fejl i ${files} ${files === 1 ? "fil" : "filer"}. Ret dem, og kør kontrollen igen.`,
  );
  process.exit(1);
}

const activities = course.modules.flatMap((m) => m.activities);
const count = (type: string) => activities.filter((a) => a.type === type).length;
console.log(
  `Indholdet er i orden: ${course.modules.length} moduler, ${count("lesson")} lektioner, ${count("case")} cases, ` +
    `${count("quiz")} quizzer, ${count("evaluation")} evalueringer (${seconds} s).`,
);
