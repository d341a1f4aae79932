/**
 * `npm run bench:case`: how long the content check takes on the generated large case of issue 15
 * (50 steps, 5 hubs of 4 investigations in any order, 8 flags): the whole check of its file
 * (MDX compile, rules, analysis) and the analysis of its situations alone, each the median of a
 * few runs after a warm-up. The test in app/content/large-case.test.ts proves the result is right.
 */
import { analyseCase } from "~/activities/case/analysis";
import { compileFiles, MODULE_MDX } from "../tests/content-helpers";
import { LARGE_CASE_MAX_SCORE, largeCaseMdx } from "../tests/large-case";

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

const files = { "stor/module.mdx": MODULE_MDX, "stor/01-case.mdx": largeCaseMdx() };
// The compiler caches each file by its content hash: clear it, so every run checks the file anew.
const cache = (globalThis as { __sagslabCompileCache?: Map<string, unknown> }).__sagslabCompileCache;

const checks: number[] = [];
let definition;
for (let run = 0; run <= RUNS; run++) {
  cache?.clear();
  const { ms, result: course } = await timed(() => compileFiles(files));
  if (course.problems.length > 0) throw new Error(`The large case has problems: ${JSON.stringify(course.problems)}`);
  const activity = course.modules[0]!.activities[0]!;
  if (activity.type !== "case" || activity.analysis.maxScore !== LARGE_CASE_MAX_SCORE) {
    throw new Error("The large case was not checked correctly");
  }
  definition = activity.case;
  if (run > 0) checks.push(ms); // run 0 warms up esbuild and the MDX compiler
}

const analyses: number[] = [];
let situations = 0;
for (let run = 0; run <= RUNS; run++) {
  const { ms, result } = await timed(() => analyseCase(definition!));
  situations = result.situationCount;
  if (run > 0) analyses.push(ms);
}

console.log(
  `Large generated case: 50 steps, 5 hubs of 4 investigations in any order, 8 flags; ${situations} situations`,
);
console.log(
  `  content check of the file (MDX compile, rules, analysis): ${median(checks).toFixed(0)} ms (median of ${RUNS})`,
);
console.log(
  `  analysis of its situations alone:                        ${median(analyses).toFixed(0)} ms (median of ${RUNS})`,
);
