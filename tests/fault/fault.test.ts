/**
 * The app under a bounded load of learners (lesson completions and case choices) while its
 * PostgreSQL server is restarted, killed and stopped: the process lives on, pages answer 503 with
 * Retry-After and a Danish page during the outage, /healthz goes 503 → 200 when the server is back,
 * and every write the app acknowledged is in the database exactly once.
 *
 * Runs on a private cluster (./postgres-cluster.ts); skipped with a message where the machine has
 * no PostgreSQL binaries, required in CI.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CompiledCourse } from "../../app/content/types";
import { migrateToLatest, openPostgres, type DatabaseHandle } from "../../app/db/database.server";
import { startAppServer, type AppServer } from "../browser/app-server";
import { HttpClient } from "../browser/http-client";
import { createTestUser, TEST_PASSWORD } from "../factories";
import { clusterUnavailableReason, createCluster, type PostgresCluster } from "./postgres-cluster";

const skipReason = clusterUnavailableReason();
if (skipReason && process.env.CI) throw new Error(`Fejltestene skal køre i CI, men: ${skipReason}`);
if (skipReason) console.warn(`\n⚠ Fejltestene (PostgreSQL genstartes under last) springes over: ${skipReason}\n`);

const COURSE_FILE = path.resolve("build/content/course.json");
const LEARNERS = 8;

interface Acknowledged {
  lessons: { userId: string; activityId: string }[];
  /** A choice acknowledged at `seq` is the attempt's decision number seq + 1. */
  decisions: { userId: string; activityId: string; seq: number }[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One learner working through the course: a lesson, then a step of a case, and so on. */
async function learn(
  client: HttpClient,
  userId: string,
  course: CompiledCourse,
  acknowledged: Acknowledged,
  seen: { outages: number; retryAfter: number; errors: string[] },
  running: () => boolean,
) {
  const modules = course.modules.filter((m) => !m.draft);
  const lessons = modules.flatMap((m) => m.activities.filter((a) => a.type === "lesson").map((a) => ({ m, a })));
  const cases = modules.flatMap((m) => m.activities.filter((a) => a.type === "case").map((a) => ({ m, a })));
  let lessonIndex = 0;
  let caseIndex = 0;
  const answer = (status: number, retryAfter: string | null, where: string) => {
    if (status === 503) {
      seen.outages++;
      if (retryAfter) seen.retryAfter++;
      return false;
    }
    if (status >= 500) seen.errors.push(`${status} ${where}`);
    return status === 302;
  };
  while (running() && (lessonIndex < lessons.length || caseIndex < cases.length)) {
    if (lessonIndex < lessons.length) {
      const { m, a } = lessons[lessonIndex]!;
      const response = await client.post(`/moduler/${m.id}/${a.id}`, { intent: "lesson.complete" });
      if (answer(response.status, response.headers.get("Retry-After"), a.id)) {
        acknowledged.lessons.push({ userId, activityId: a.id });
        lessonIndex++;
      } else await pause(50);
    }
    if (caseIndex < cases.length) {
      const { m, a } = cases[caseIndex]!;
      const here = `/moduler/${m.id}/${a.id}`;
      const page = await client.get(here);
      if (page.status !== 200) {
        answer(page.status, page.headers.get("Retry-After"), here);
        await pause(50);
        continue;
      }
      const seq = /name="seq" value="(\d+)"/.exec(page.text)?.[1];
      let response;
      if (page.text.includes('value="case.choose"')) {
        const choice = /name="choice" value="([^"]+)"/.exec(page.text)![1]!;
        response = await client.post(here, { intent: "case.choose", seq: seq!, choice });
        if (answer(response.status, response.headers.get("Retry-After"), here)) {
          acknowledged.decisions.push({ userId, activityId: a.id, seq: Number(seq) });
        }
      } else if (page.text.includes('value="case.continue"')) {
        response = await client.post(here, { intent: "case.continue", seq: seq! });
        answer(response.status, response.headers.get("Retry-After"), here);
      } else if (page.text.includes('value="case.start"')) {
        response = await client.post(here, { intent: "case.start" });
        answer(response.status, response.headers.get("Retry-After"), here);
      } else {
        caseIndex++; // the outcome: on to the next case
      }
    }
  }
}

describe.skipIf(Boolean(skipReason))("PostgreSQL restarting, killed and stopped under load", () => {
  let cluster: PostgresCluster;
  let app: AppServer;
  let course: CompiledCourse;
  const learners: { userId: string; client: HttpClient }[] = [];

  beforeAll(async () => {
    course = JSON.parse(readFileSync(COURSE_FILE, "utf8")) as CompiledCourse;
    cluster = await createCluster();
    const setup: DatabaseHandle = await openPostgres(cluster.url);
    try {
      await migrateToLatest(setup.db);
      for (let i = 0; i < LEARNERS; i++) {
        const user = await createTestUser(setup.db, { email: `kursist-${i}@fejltest.sagslab.dk` });
        learners.push({ userId: user.id, client: new HttpClient("") });
      }
    } finally {
      await setup.close();
    }
    app = await startAppServer({ courseFile: COURSE_FILE, databaseUrl: cluster.url });
    for (const [i, learner] of learners.entries()) {
      learner.client = new HttpClient(app.url);
      await learner.client.logIn(`kursist-${i}@fejltest.sagslab.dk`, TEST_PASSWORD);
    }
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    cluster?.destroy();
  });

  test("the app lives through it, answers 503 meanwhile, and loses or doubles no acknowledged write", async () => {
    const acknowledged: Acknowledged = { lessons: [], decisions: [] };
    const seen = { outages: 0, retryAfter: 0, errors: [] as string[] };
    let running = true;
    const load = Promise.all(learners.map((l) => learn(l.client, l.userId, course, acknowledged, seen, () => running)));
    const probe = new HttpClient(app.url);
    const health = async () => (await probe.get("/healthz")).status;
    const writesSoFar = () => acknowledged.lessons.length + acknowledged.decisions.length;

    await pause(2000);
    const beforeRestart = writesSoFar();
    await cluster.restart();
    expect(app.alive(), "the app survives a restart of PostgreSQL").toBe(true);
    await pause(2000);
    expect(writesSoFar(), "writes go on after the restart").toBeGreaterThan(beforeRestart);

    await cluster.kill();
    await pause(300);
    expect(app.alive(), "the app survives PostgreSQL being killed").toBe(true);
    expect(await health()).toBe(503);
    const page = await learners[0]!.client.get("/");
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(page.text).toContain("Sagslab kan ikke nå sin database lige nu");
    const post = await learners[0]!.client.post(`/moduler/${course.modules[0]!.id}/x`, { intent: "lesson.complete" });
    expect(post.status).toBe(503);
    await pause(1000);

    await cluster.start();
    // Back within a second of PostgreSQL accepting connections, without a restart of the app.
    const back = Date.now();
    let status = await health();
    while (status !== 200 && Date.now() - back < 1000) {
      await pause(25);
      status = await health();
    }
    expect(status, "/healthz answers 200 within a second of the database being back").toBe(200);
    console.log(`Fejltest: /healthz svarede 200 ${Date.now() - back} ms efter at PostgreSQL var oppe igen.`);
    const afterKill = writesSoFar();
    await pause(2000);
    expect(writesSoFar(), "writes go on after the outage").toBeGreaterThan(afterKill);

    await cluster.stop();
    expect(app.alive(), "the app survives PostgreSQL being stopped").toBe(true);
    await pause(500);
    await cluster.start();
    await pause(1500);

    running = false;
    await load;
    expect(app.alive()).toBe(true);
    expect(seen.errors, "no request failed with anything but 503").toEqual([]);
    expect(seen.outages, "the outages were noticed").toBeGreaterThan(0);
    expect(seen.retryAfter, "every 503 carried Retry-After").toBe(seen.outages);

    const check = await openPostgres(cluster.url);
    try {
      for (const lesson of acknowledged.lessons) {
        const { count } = await check.db
          .selectFrom("activity_completions")
          .select((eb) => eb.fn.countAll<number>().as("count"))
          .where("user_id", "=", lesson.userId)
          .where("activity_id", "=", lesson.activityId)
          .executeTakeFirstOrThrow();
        expect(Number(count), `completion of ${lesson.activityId}`).toBe(1);
      }
      for (const decision of acknowledged.decisions) {
        const { count } = await check.db
          .selectFrom("case_decisions")
          .select((eb) => eb.fn.countAll<number>().as("count"))
          .where("user_id", "=", decision.userId)
          .where("activity_id", "=", decision.activityId)
          .where("seq", "=", decision.seq + 1)
          .executeTakeFirstOrThrow();
        expect(Number(count), `decision ${decision.seq + 1} in ${decision.activityId}`).toBe(1);
      }
      const { attempts } = await sql<{ attempts: number }>`
        select count(*)::int as attempts from (
          select user_id, activity_id from case_attempts group by user_id, activity_id having count(*) > 1
        ) doubled`
        .execute(check.db)
        .then((r) => r.rows[0]!);
      expect(attempts, "no case was started twice").toBe(0);
    } finally {
      await check.close();
    }
    console.log(
      `Fejltest: ${acknowledged.lessons.length} lektioner og ${acknowledged.decisions.length} valg kvitteret, ` +
        `${seen.outages} svar 503 under nedbruddene.`,
    );
    expect(acknowledged.decisions.length).toBeGreaterThan(20);
  }, 120_000);
});
