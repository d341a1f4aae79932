/**
 * `npm run seed:load -- --learners N [--trainer e-mail]`: fills the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR) with realistic activity for N learners in
 * cohorts of about 30, following the real course's cases, quizzes and evaluations. With
 * `--trainer` the cohorts belong to that existing trainer (for example the demo trainer, so
 * the dashboard can be tried with a full cohort); without it each cohort gets its own trainer.
 * See scripts/load-data.ts.
 */
import { parseArgs } from "node:util";
import { mayEnter } from "~/auth/roles";
import { getCourse, publishedModules } from "~/content/content.server";
import { closeDatabase, getDb } from "~/db/database.server";
import { seedDemoData } from "~/db/seed.server";
import { getEnv } from "~/utils/env.server";
import { loadActivity } from "./load-data";

const { values } = parseArgs({
  options: {
    learners: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    trainer: { type: "string" },
  },
});
const learners = Number(values.learners);
if (!Number.isInteger(learners) || learners < 1) {
  console.error("Angiv antallet af kursister som et helt tal, fx: npm run seed:load -- --learners 1000");
  process.exit(1);
}

const db = await getDb();
const course = await getCourse();
try {
  // The demo accounts exist before the app has first started, so --trainer can name one of them.
  if (getEnv().demoMode)
    await seedDemoData(
      db,
      publishedModules(course).map((m) => m.id),
    );
  let trainerId: string | undefined;
  if (values.trainer) {
    const email = values.trainer.trim().toLowerCase();
    const trainer = await db
      .selectFrom("users")
      .select(["id", "role", "active"])
      .where("email", "=", email)
      .executeTakeFirst();
    if (!trainer || !trainer.active || !mayEnter(trainer.role, "trainer")) {
      console.error(`Der er ingen aktiv underviser med e-mailadressen ${email}.`);
      process.exitCode = 1;
    }
    trainerId = trainer?.id;
  }
  if (process.exitCode !== 1) {
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
      trainerId,
      onProgress: (done) => console.log(`  ${done} kursister …`),
    });
    console.log(
      `${result.learners} kursister i ${result.cohorts.length} hold oprettet på ${Math.round((Date.now() - started) / 1000)} s.`,
    );
    console.log(`Første hold: /underviser/hold/${result.cohorts[0]!.id}`);
  }
} finally {
  await closeDatabase();
}
