/**
 * `npm run bench:dashboard`: how long the cohort dashboard's loader takes for one 30-learner
 * cohort with 1,000 and with 50,000 learners in the database, and the ratio. Runs on a fresh
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
import { cohortDashboardPage } from "~/trainer/dashboard-page.server";
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
  const request = () =>
    new Request(`http://localhost/underviser/hold/${cohort.id}`, { headers: { Cookie: cookie.split(";")[0]! } });

  const measure = async () => {
    for (let i = 0; i < 20; i++) await cohortDashboardPage(request(), cohort.id);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await cohortDashboardPage(request(), cohort.id);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  };

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
  console.log(`Median med ${smallUsers} brugere: ${smallMedian.toFixed(1)} ms`);

  await fill(large - small, 2, "b");
  const largeMedian = await measure();
  const largeUsers = await total();
  console.log(`Median med ${largeUsers} brugere: ${largeMedian.toFixed(1)} ms`);

  const rows = await sql<{ n: number }>`select count(*)::int as n from case_decisions`.execute(db);
  console.log("");
  console.log(`| kursister i databasen | median, dashboard-loader (${runs} kald) |`);
  console.log("|---|---|");
  console.log(`| ${small.toLocaleString("da-DK")} | ${smallMedian.toFixed(1)} ms |`);
  console.log(`| ${large.toLocaleString("da-DK")} | ${largeMedian.toFixed(1)} ms |`);
  console.log(`| forhold | ${(largeMedian / smallMedian).toFixed(2)} |`);
  console.log(`(${rows.rows[0]!.n.toLocaleString("da-DK")} beslutninger i cases i alt)`);
} finally {
  await handle.close();
  // pg-pool resolves end() before its clients have closed; a forced drop would hit them.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (!values.keep) await admin.query(`drop database if exists ${database} with (force)`);
  else console.log(`Databasen er bevaret: ${url.toString()}`);
  await admin.end();
}
