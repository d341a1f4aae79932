/**
 * `npm run bench:dashboard`: how long the cohort dashboard's loader (with "Her går holdet galt",
 * the quiz figures and the follow-ups), the classroom brief's and one participant's page take
 * for one 30-learner cohort with 1,000 and with 50,000 learners in the database, and the ratios. Runs on a fresh
 * database on a PostgreSQL server (BENCH_DATABASE_URL, default the machine's), fills it with
 * scripts/load-data.ts, and calls what the route's loader calls, with a signed-in trainer's request. Prints the median of each; a benchmark, not a test: nothing fails on a number.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { sql } from "kysely";
import { createSession } from "~/auth/session.server";
import { getCourse, useCourseForTests } from "~/content/content.server";
import type { CompiledCourse } from "~/content/types";
import { migrateToLatest, openPostgres, useDatabase } from "~/db/database.server";
import { cohortBriefPage } from "~/trainer/brief.server";
import { cohortDashboardPage } from "~/trainer/dashboard-page.server";
import { participantPage } from "~/trainer/learner.server";
import { loadActivity } from "./load-data";

const { values } = parseArgs({
  options: {
    small: { type: "string", default: "1000" },
    large: { type: "string", default: "50000" },
    runs: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
  },
});
const small = Number(values.small);
const large = Number(values.large);
const runs = Number(values.runs);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const database = `sagslab_bench_dashboard_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${database}`);
const url = new URL(serverUrl);
url.pathname = `/${database}`;
const handle = await openPostgres(url.toString());
useDatabase(handle);
const { db } = handle;

try {
  await migrateToLatest(db);
  // The compiled course if it is built, else the content folder compiled now.
  const courseFile = "build/content/course.json";
  const course: CompiledCourse = existsSync(courseFile)
    ? JSON.parse(readFileSync(courseFile, "utf8"))
    : await getCourse();
  useCourseForTests(course);
  const organisation = await db
    .insertInto("organisations")
    .values({ name: "Benchmark Kommune" })
    .returning("id")
    .executeTakeFirstOrThrow();

  const fill = async (learners: number, seed: number, label: string) => {
    const started = Date.now();
    const result = await loadActivity(db, course, {
      learners,
      organisationId: organisation.id,
      seed,
      label,
      onProgress: (done) => done % 10_000 === 0 && console.log(`  ${done} kursister …`),
    });
    await sql`analyze`.execute(db);
    console.log(`${learners} kursister indlæst på ${Math.round((Date.now() - started) / 1000)} s.`);
    return result;
  };

  const first = await fill(small, 1, "a");
  const cohort = first.cohorts[0]!;
  const cookie = await createSession(db, cohort.trainerId);
  const participant = await db
    .selectFrom("cohort_members")
    .select("user_id")
    .where("cohort_id", "=", cohort.id)
    .executeTakeFirstOrThrow();
  const request = (path = "") =>
    new Request(`http://localhost/underviser/hold/${cohort.id}${path}`, { headers: { Cookie: cookie.split(";")[0]! } });
  const pages = {
    dashboard: () => cohortDashboardPage(request(), cohort.id),
    brief: () => cohortBriefPage(request("/brief"), cohort.id),
    participant: () => participantPage(request(`/deltager/${participant.user_id}`), cohort.id, participant.user_id),
  };

  const median = async (call: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await call();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  };
  const measure = async () => ({
    dashboard: await median(pages.dashboard),
    brief: await median(pages.brief),
    participant: await median(pages.participant),
  });

  const total = async () =>
    Number(
      (
        await db
          .selectFrom("users")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const smallMedian = await measure();
  const smallUsers = await total();
  console.log(`Median med ${smallUsers} brugere: ${JSON.stringify(smallMedian)}`);

  await fill(large - small, 2, "b");
  const largeMedian = await measure();
  const largeUsers = await total();
  console.log(`Median med ${largeUsers} brugere: ${JSON.stringify(largeMedian)}`);

  const rows = await sql<{ n: number }>`select count(*)::int as n from case_decisions`.execute(db);
  const ms = (value: number) => `${value.toFixed(1).replace(".", ",")} ms`;
  console.log("");
  console.log(`| kursister i databasen | holdets side | oplægget | én deltagers side |`);
  console.log("|---|---|---|---|");
  for (const [learners, m] of [
    [small, smallMedian],
    [large, largeMedian],
  ] as const) {
    console.log(`| ${learners.toLocaleString("da-DK")} | ${ms(m.dashboard)} | ${ms(m.brief)} | ${ms(m.participant)} |`);
  }
  const ratio = (key: keyof typeof smallMedian) => (largeMedian[key] / smallMedian[key]).toFixed(2).replace(".", ",");
  console.log(`| forhold | ${ratio("dashboard")} | ${ratio("brief")} | ${ratio("participant")} |`);
  console.log(`(median af ${runs} kald; ${rows.rows[0]!.n.toLocaleString("da-DK")} beslutninger i cases i alt)`);
} finally {
  await handle.close();
  // pg-pool resolves end() before its clients have closed; a forced drop would hit them.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (!values.keep) await admin.query(`drop database if exists ${database} with (force)`);
  else console.log(`Databasen er bevaret: ${url.toString()}`);
  await admin.end();
}
