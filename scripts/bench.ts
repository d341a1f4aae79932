/**
 * `npm run bench`: how much a lesson page costs compared with serving the same bytes from a
 * bare node:http server. Starts the production build on a PostgreSQL server
 * (BENCH_DATABASE_URL, default the machine's, in a fresh database), signs in the demo learner,
 * loads a lesson page with autocannon (20 connections, 10 s, after a warm-up), then does the
 * same against node:http serving the identical HTML. Prints requests/s, p95 latency, their
 * ratio and the app's peak memory. A benchmark, not a test: nothing here fails on a number.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { cpuTimeMs, peakMemoryMb, waitFor } from "./bench-process";

const { values } = parseArgs({
  options: {
    path: { type: "string" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Measurement {
  requestsPerSecond: number;
  requests: number;
  p95: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Measurement> {
  const times: number[] = [];
  // autocannon reports p97.5 but not p95, so the response times are collected here.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p95: times.length ? times[Math.floor(times.length * 0.95)]! : Number.NaN,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

// A fresh database on the server for this run.
const database = `sagslab_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${database}`);
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;

const port = 3900 + Math.floor(Math.random() * 90);
const app = spawn(
  process.execPath,
  [...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean), "server/index.js"],
  {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl.toString(),
      SEED_DEMO: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  },
);
const base = `http://127.0.0.1:${port}`;
let bare: ReturnType<typeof createServer> | null = null;

try {
  await waitFor(`${base}/healthz`);
  const login = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "sagsbehandler@demo.sagslab.dk", password: "sagslab-demo" }),
    redirect: "manual",
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`Kunne ikke logge ind som demo-sagsbehandleren (status ${login.status})`);

  const course = JSON.parse(readFileSync("build/content/course.json", "utf8")) as {
    modules: { id: string; draft: boolean; activities: { id: string; type: string; html?: string }[] }[];
  };
  // The longest lesson of the catalogue: the page that costs the most to render.
  const lessons = course.modules
    .filter((m) => !m.draft)
    .flatMap((m) =>
      m.activities
        .filter((a) => a.type === "lesson")
        .map((a) => ({ path: `/moduler/${m.id}/${a.id}`, size: a.html?.length ?? 0 })),
    );
  const path = values.path ?? lessons.sort((a, b) => b.size - a.size)[0]?.path;
  if (!path) throw new Error("Kurset har ingen lektion at måle på");
  const pageUrl = `${base}${path}`;
  const headers = { cookie };
  const html = await fetch(pageUrl, { headers }).then((r) => r.text());

  console.log(`\nSide: ${path} (${html.length} tegn HTML)`);
  await load(pageUrl, headers, 3); // warm-up
  const cpuBefore = cpuTimeMs(app.pid!);
  const appResult = await load(pageUrl, headers, duration);
  const appCpuPerRequest = (cpuTimeMs(app.pid!) - cpuBefore) / appResult.requests;
  const appPeak = peakMemoryMb(app.pid!);

  const body = Buffer.from(html);
  bare = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => bare!.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}${path}`;
  await load(bareUrl, {}, 3);
  const bareResult = await load(bareUrl, {}, duration);

  const row = (name: string, m: Measurement) =>
    `${name.padEnd(22)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s   p95 ${m.p95.toFixed(1).padStart(6)} ms   fejl ${m.errors + m.non2xx}`;
  console.log(`\n${connections} forbindelser, ${duration} s pr. måling, efter 3 s opvarmning`);
  console.log(row("Sagslab (lektion)", appResult));
  console.log(row("node:http, samme HTML", bareResult));
  console.log(
    `Forhold (Sagslab / node:http): ${(appResult.requestsPerSecond / bareResult.requestsPerSecond).toFixed(3)}`,
  );
  console.log(`Sagslabs CPU-tid pr. side: ${appCpuPerRequest.toFixed(2)} ms`);
  console.log(`Sagslabs højeste hukommelsesforbrug (VmHWM): ${appPeak} MB`);
} finally {
  bare?.close();
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
}
