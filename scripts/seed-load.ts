/**
 * `npm run seed:load -- --learners N`: fills the configured database (DATABASE_URL, or the
 * embedded one in DATA_DIR) with realistic activity for N learners in cohorts of about 30,
 * following the real course's cases, quizzes and evaluations. For trying the trainer's
 * dashboard at scale; see scripts/load-data.ts.
 */
import { parseArgs } from "node:util";
import { getCourse } from "~/content/content.server";
import { closeDatabase, getDb } from "~/db/database.server";
import { loadActivity } from "./load-data";

const { values } = parseArgs({
  options: { learners: { type: "string", default: "1000" }, seed: { type: "string", default: "1" } },
});
const learners = Number(values.learners);
if (!Number.isInteger(learners) || learners < 1) {
  console.error("Angiv antallet af kursister som et helt tal, fx: npm run seed:load -- --learners 1000");
  process.exit(1);
}

const db = await getDb();
const course = await getCourse();
const organisation = await db
  .insertInto("organisations")
  .values({ name: "Belastningskommune" })
  .onConflict((oc) => oc.column("name").doUpdateSet({ name: "Belastningskommune" }))
  .returning("id")
  .executeTakeFirstOrThrow();
const started = Date.now();
const result = await loadActivity(db, course, {
  learners,
  organisationId: organisation.id,
  seed: Number(values.seed),
  label: `${Date.now().toString(36)}`,
  onProgress: (done) => console.log(`  ${done} kursister …`),
});
console.log(
  `${result.learners} kursister i ${result.cohorts.length} hold oprettet på ${Math.round((Date.now() - started) / 1000)} s.`,
);
console.log(`Første hold: /underviser/hold/${result.cohorts[0]!.id}`);
await closeDatabase();
