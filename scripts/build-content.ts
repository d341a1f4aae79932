/**
 * Part of `npm run build`: compiles every MDX file once and stores the course (HTML fragments
 * and extracted data) in the build, so a production request never compiles MDX.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { compileContent } from "~/content/compile.server";
import { COURSE_FILE } from "~/content/content.server";
import { errorsOf, formatProblem } from "~/content/problems";

const course = await compileContent(path.resolve(process.env.CONTENT_DIR ?? "content"), process.cwd());
// Warnings (an outdated sats, an old legal check) are printed and built; the author pages list them.
for (const problem of course.problems) console.error(formatProblem(problem));
const errors = errorsOf(course.problems);
if (errors.length > 0) {
  console.error(`\nIndholdet har ${errors.length} fejl; bygningen er stoppet. Se "npm run content:check".`);
  process.exit(1);
}
await mkdir(path.dirname(COURSE_FILE), { recursive: true });
await writeFile(COURSE_FILE, JSON.stringify(course));
const activities = course.modules.reduce((sum, m) => sum + m.activities.length, 0);
console.log(`Indhold kompileret: ${course.modules.length} moduler, ${activities} aktiviteter → ${COURSE_FILE}`);
