/**
 * A rolling restart of two app replicas behind nginx (the production config, deploy/nginx.conf)
 * loses no request: learners send a steady stream of page views and lesson completions through
 * nginx while one replica gets SIGTERM, is started again, and then the other; every request is
 * answered 200 or 302, both replicas served requests, and every acknowledged completion is in the
 * database exactly once. And, behind that proxy, that TRUST_PROXY=1 believes the address nginx
 * reports, not one the client wrote into X-Forwarded-For (which would escape the login throttle).
 *
 * Both replicas share a private PostgreSQL cluster (./postgres-cluster.ts), as in
 * docker-compose.yml. Skipped with a message where the machine has no PostgreSQL binaries or no
 * nginx; required in CI (.ci/run installs Debian's nginx-light).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CompiledCourse } from "../../app/content/types";
import { migrateToLatest, openPostgres } from "../../app/db/database.server";
import { startAppServer, type AppServer } from "../browser/app-server";
import { HttpClient } from "../browser/http-client";
import { createTestUser, TEST_PASSWORD } from "../factories";
import { nginxUnavailableReason, startLoadBalancer, type LoadBalancer } from "./load-balancer";
import { clusterUnavailableReason, createCluster, type PostgresCluster } from "./postgres-cluster";

const skipReason = clusterUnavailableReason() || nginxUnavailableReason();
if (skipReason && process.env.CI) throw new Error(`Testen af en rullende genstart skal køre i CI, men: ${skipReason}`);
if (skipReason) console.warn(`\n⚠ Testen af en rullende genstart bag nginx springes over: ${skipReason}\n`);

const COURSE_FILE = path.resolve("build/content/course.json");
const LEARNERS = 6;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  requests: number;
  failures: string[];
  completions: { userId: string; activityId: string }[];
}

/** One learner: the home page, then a lesson completed, round the course's lessons, until told to stop. */
async function browse(
  client: HttpClient,
  userId: string,
  lessons: { moduleId: string; activityId: string }[],
  tally: Tally,
  running: () => boolean,
  offset: number,
) {
  for (let i = offset; running(); i++) {
    const lesson = lessons[i % lessons.length]!;
    const home = await client.get("/").catch((error: Error) => ({ status: 0, text: error.message }));
    tally.requests++;
    if (home.status !== 200) tally.failures.push(`GET / → ${home.status}`);
    const done = await client
      .post(`/moduler/${lesson.moduleId}/${lesson.activityId}`, { intent: "lesson.complete" })
      .catch((error: Error) => ({ status: 0, text: error.message }));
    tally.requests++;
    if (done.status === 302) tally.completions.push({ userId, activityId: lesson.activityId });
    else tally.failures.push(`POST ${lesson.activityId} → ${done.status}`);
  }
}

describe.skipIf(Boolean(skipReason))("a rolling restart of one of two replicas behind nginx", () => {
  let cluster: PostgresCluster;
  let replicas: AppServer[] = [];
  let nginx: LoadBalancer;
  let lessons: { moduleId: string; activityId: string }[] = [];
  const learners: { userId: string; email: string }[] = [];

  beforeAll(async () => {
    const course = JSON.parse(readFileSync(COURSE_FILE, "utf8")) as CompiledCourse;
    lessons = course.modules
      .filter((m) => !m.draft)
      .flatMap((m) =>
        m.activities.filter((a) => a.type === "lesson").map((a) => ({ moduleId: m.id, activityId: a.id })),
      );
    cluster = await createCluster();
    const setup = await openPostgres(cluster.url);
    try {
      await migrateToLatest(setup.db);
      for (let i = 0; i < LEARNERS; i++) {
        const email = `kursist-${i}@rullende.sagslab.dk`;
        learners.push({ userId: (await createTestUser(setup.db, { email })).id, email });
      }
    } finally {
      await setup.close();
    }
    // As in docker-compose.yml: one proxy in front, whose client address the app believes.
    const env = { TRUST_PROXY: "1" };
    for (let i = 0; i < 2; i++) {
      replicas.push(await startAppServer({ courseFile: COURSE_FILE, databaseUrl: cluster.url, env }));
    }
    nginx = await startLoadBalancer(replicas.map((replica) => new URL(replica.url).host));
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const replica of replicas) await replica.stop();
    replicas = [];
    cluster?.destroy();
  });

  test("SIGTERM to one replica, start it again, then the other: not one request fails or is applied twice", async () => {
    const clients: HttpClient[] = [];
    for (const learner of learners) {
      const client = new HttpClient(nginx.url);
      await client.logIn(learner.email, TEST_PASSWORD);
      clients.push(client);
    }
    const tally: Tally = { requests: 0, failures: [], completions: [] };
    let running = true;
    const load = Promise.all(
      learners.map((learner, i) => browse(clients[i]!, learner.userId, lessons, tally, () => running, i * 3)),
    );

    await pause(1500);
    for (const replica of replicas) {
      const before = tally.requests;
      // SIGTERM, wait for the process to exit, start it again on its port: a rolling restart.
      await replica.restart();
      expect(tally.requests, "requests went on while the replica was down").toBeGreaterThan(before);
      // nginx sends to a replica it found down again after fail_timeout (5 s): then the next one.
      await pause(6000);
    }
    running = false;
    await load;

    console.log(
      `Rullende genstart: ${tally.requests} forespørgsler gennem nginx, ${tally.completions.length} lektioner kvitteret, ` +
        `${tally.failures.length} fejlede.`,
    );
    expect(tally.failures, `nginx' fejllog:\n${nginx.errorLog()}`).toEqual([]);
    expect(tally.requests).toBeGreaterThan(100);
    for (const replica of replicas) expect(replica.alive()).toBe(true);

    // Both replicas answered, before and after their restart.
    const answeredBy = new Map<string, number>();
    for (const entry of nginx.accessLog()) {
      const last = entry.upstream.split(", ").at(-1)!;
      answeredBy.set(last, (answeredBy.get(last) ?? 0) + 1);
    }
    for (const replica of replicas) {
      expect(answeredBy.get(new URL(replica.url).host), replica.url).toBeGreaterThan(20);
    }

    const check = await openPostgres(cluster.url);
    try {
      const rows = await check.db
        .selectFrom("activity_completions")
        .select(["user_id", "activity_id"])
        .where(
          "user_id",
          "in",
          learners.map((l) => l.userId),
        )
        .execute();
      const stored = new Map<string, number>();
      for (const row of rows) {
        const key = `${row.user_id} ${row.activity_id}`;
        stored.set(key, (stored.get(key) ?? 0) + 1);
      }
      for (const completion of tally.completions) {
        expect(stored.get(`${completion.userId} ${completion.activityId}`), completion.activityId).toBe(1);
      }
    } finally {
      await check.close();
    }
  }, 120_000);

  test("behind nginx with TRUST_PROXY=1 an address a client writes into X-Forwarded-For is not believed", async () => {
    const email = learners[0]!.email;
    const guesser = new HttpClient(nginx.url);
    // Five wrong passwords, each claiming another first hop: nginx appends the real address, the app takes that.
    for (let i = 0; i < 5; i++) {
      const wrong = await guesser.post(
        "/login",
        { email, password: "forkert-gæt" },
        { headers: { "X-Forwarded-For": `203.0.113.${i}` } },
      );
      expect(wrong.status).toBe(401);
    }
    const right = await guesser.post(
      "/login",
      { email, password: TEST_PASSWORD },
      { headers: { "X-Forwarded-For": "203.0.113.77" } },
    );
    expect(right.status, "the address that failed five times waits, whatever it claims").toBe(429);
    expect(right.text).toContain("for mange mislykkede forsøg");
  });
});
