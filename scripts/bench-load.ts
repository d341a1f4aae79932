/**
 * `npm run bench:load`: the shape of Moodle's "L" load profile on this app. 1,000 simulated
 * learners, each signed in (sessions made up front through the database module, not 1,000 logins
 * through the throttled login), each acting every ~20 s (15-25 s, first action at a random moment
 * of the first 20 s) for 60 s. An action is what a browser without JavaScript does for it:
 *
 * - 50 % a lesson or a module page (GET);
 * - 30 % a case choice: the case page (GET), its form posted (start, a choice, continue or
 *   restart, whichever the page offers) and the page it redirects to;
 * - 10 % a quiz submit: the quiz page, every question answered and posted, and the result page;
 * - 10 % the catalogue (`/`).
 *
 * Runs the production build (`npm run build` first) on the machine's PostgreSQL
 * (BENCH_DATABASE_URL) in a fresh database, dropped afterwards. Prints, per kind of action and in
 * all, p50/p95/p99 of the whole action and its errors, and the app's CPU time and peak memory.
 * A benchmark, not a test: nothing here fails on a number. Options: --learners, --seconds,
 * --interval (seconds between a learner's actions).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import pg from "pg";
import { cpuTimeMs, peakMemoryMb, waitFor } from "./bench-process";

const { values } = parseArgs({
  options: {
    learners: { type: "string", default: "1000" },
    seconds: { type: "string", default: "60" },
    interval: { type: "string", default: "20" },
  },
});
const learners = Number(values.learners);
const seconds = Number(values.seconds);
const interval = Number(values.interval);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Kind = "lektion/modul" | "case-valg" | "quiz" | "katalog";
const MIX: [Kind, number][] = [
  ["lektion/modul", 0.5],
  ["case-valg", 0.3],
  ["quiz", 0.1],
  ["katalog", 0.1],
];

interface Course {
  modules: { id: string; draft: boolean; activities: { id: string; type: string }[] }[];
}
const course = JSON.parse(readFileSync("build/content/course.json", "utf8")) as Course;
const modules = course.modules.filter((m) => !m.draft);
const pages = (type: string) =>
  modules.flatMap((m) => m.activities.filter((a) => a.type === type).map((a) => `/moduler/${m.id}/${a.id}`));
const lessonAndModulePages = [...pages("lesson"), ...modules.map((m) => `/moduler/${m.id}`)];
const casePages = pages("case");
const quizPages = pages("quiz");

class ActionError extends Error {}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http with keep-alive, one connection pool for all learners (as a proxy would have).

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const REQUEST_TIMEOUT_MS = 30_000;
let port = 0;

interface Answer {
  status: number;
  location: string | null;
  body: string;
}

function send(method: "GET" | "POST", path: string, cookie: string, form?: URLSearchParams): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = form?.toString();
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent,
        headers: {
          cookie,
          // As a browser posting a form on the same site sends it.
          ...(body
            ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) }
            : {}),
          "sec-fetch-site": "same-origin",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? null,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    // An answer that takes this long counts as an error, not as a time.
    request.setTimeout(REQUEST_TIMEOUT_MS, () =>
      request.destroy(new ActionError(`intet svar på ${REQUEST_TIMEOUT_MS / 1000} s`)),
    );
    request.end(body);
  });
}

/** A page: followed through one redirect, as a browser does after a form post. */
async function page(method: "GET" | "POST", path: string, cookie: string, form?: URLSearchParams) {
  const answer = await send(method, path, cookie, form);
  if (answer.status >= 300 && answer.status < 400 && answer.location) {
    return send(
      "GET",
      new URL(answer.location, "http://x").pathname + new URL(answer.location, "http://x").search,
      cookie,
    );
  }
  return answer;
}

function expectOk(answer: Answer, what: string) {
  if (answer.status !== 200) throw new ActionError(`${what}: status ${answer.status}`);
  return answer.body;
}

// ---------------------------------------------------------------------------------------------
// Reading the forms a page offers (the app's own markup, without JavaScript).

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

interface PageForm {
  fields: [string, string][];
  /** Submit buttons with a name (a case's choices), each a value to post. */
  buttons: [string, string][];
  /** Radio and checkbox groups by name, with their values in page order. */
  options: Map<string, string[]>;
}

function formsOf(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (attribute(match[1]!, "action") === "/logout") continue;
    const form: PageForm = { fields: [], buttons: [], options: new Map() };
    for (const tag of match[2]!.matchAll(/<(input|button)\b[^>]*>/g)) {
      const name = attribute(tag[0], "name");
      const value = unescape(attribute(tag[0], "value") ?? "");
      if (!name) continue;
      const type = attribute(tag[0], "type");
      if (tag[1] === "button") form.buttons.push([name, value]);
      else if (type === "radio" || type === "checkbox")
        form.options.set(name, [...(form.options.get(name) ?? []), value]);
      else if (type === "hidden") form.fields.push([name, value]);
    }
    forms.push(form);
  }
  return forms;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Opens a case, posts what its page offers (a random choice at a decision) and reads the answer. */
async function caseChoice(cookie: string) {
  const path = pick(casePages);
  const html = expectOk(await page("GET", path, cookie), "casens side");
  const form = formsOf(html).find((f) =>
    f.fields.some(([name, value]) => name === "intent" && value.startsWith("case.")),
  );
  if (!form) throw new ActionError("casens side har ingen formular");
  const body = new URLSearchParams(form.fields);
  const choices = form.buttons.filter(([name]) => name === "choice");
  if (choices.length) body.append(...pick(choices));
  expectOk(await page("POST", path, cookie, body), "casevalget");
}

/** Opens a quiz, answers every question (a random option each) and reads the result. */
async function quizSubmit(cookie: string) {
  const path = pick(quizPages);
  const html = expectOk(await page("GET", path, cookie), "quizzens side");
  const form = formsOf(html).find((f) =>
    f.fields.some(([name, value]) => name === "intent" && value === "quiz.submit"),
  );
  if (!form) throw new ActionError("quizzen har ingen formular");
  const body = new URLSearchParams(form.fields);
  for (const [name, options] of form.options) body.append(name, pick(options));
  expectOk(await page("POST", path, cookie, body), "quizbesvarelsen");
}

async function act(kind: Kind, cookie: string) {
  if (kind === "lektion/modul") expectOk(await page("GET", pick(lessonAndModulePages), cookie), "siden");
  else if (kind === "katalog") expectOk(await page("GET", "/", cookie), "kataloget");
  else if (kind === "case-valg") await caseChoice(cookie);
  else await quizSubmit(cookie);
}

function chooseKind(): Kind {
  let roll = Math.random();
  for (const [kind, share] of MIX) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return MIX[0]![0];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : Number.NaN;

// ---------------------------------------------------------------------------------------------

let app: ReturnType<typeof spawn> | null = null;
const database = `sagslab_load_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${database}`);
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${database}`;
port = 3900 + Math.floor(Math.random() * 90);
// Interrupted (Ctrl-C, a timeout): the app server goes too.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    app?.kill("SIGTERM");
    process.exit(130);
  });

// The app's own database module and session code: the learners and their sessions, up front.
process.env.DATABASE_URL = databaseUrl.toString();
process.env.NODE_ENV = "production";
const { openPostgres, migrateToLatest } = await import("~/db/database.server");
const { createSession } = await import("~/auth/session.server");
const handle = await openPostgres(databaseUrl.toString());
try {
  await migrateToLatest(handle.db);
  const organisation = await handle.db
    .insertInto("organisations")
    .values({ name: "Belastningskommune" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const users = await handle.db
    .insertInto("users")
    .values(
      Array.from({ length: learners }, (_, i) => ({
        email: `kursist${i + 1}@belastning.sagslab.dk`,
        name: `Kursist ${i + 1}`,
        role: "learner" as const,
        organisation_id: organisation.id,
        password_hash: null,
      })),
    )
    .returning("id")
    .execute();
  const cookies: string[] = [];
  for (const user of users) cookies.push((await createSession(handle.db, user.id)).split(";")[0]!);
  console.log(`${learners} kursister med hver sin session oprettet i ${database}.`);

  app = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean), "server/index.js"],
    {
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl.toString() },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  await waitFor(`http://127.0.0.1:${port}/healthz`);
  // One page of each kind first, so the run measures a warm server.
  for (const kind of MIX.map(([k]) => k)) await act(kind, cookies[0]!).catch(() => undefined);

  const times = new Map<Kind, number[]>(MIX.map(([kind]) => [kind, []]));
  const errors = new Map<Kind, Map<string, number>>(MIX.map(([kind]) => [kind, new Map()]));
  const cpuBefore = cpuTimeMs(app.pid!);
  const started = performance.now();
  const end = started + seconds * 1000;
  const inFlight = new Set<Promise<void>>();

  // Closed loop, as a person works: the next action ~20 s after the last page arrived, so a slow
  // server is not sent a burst of late actions.
  const learner = async (cookie: string) => {
    let next = started + Math.random() * interval * 1000;
    while (next < end) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      const kind = chooseKind();
      const begun = performance.now();
      try {
        await act(kind, cookie);
        times.get(kind)!.push(performance.now() - begun);
      } catch (error) {
        const message = error instanceof ActionError ? error.message : `netværksfejl (${(error as Error).message})`;
        const kindErrors = errors.get(kind)!;
        kindErrors.set(message, (kindErrors.get(message) ?? 0) + 1);
      }
      next = performance.now() + (interval * 0.75 + Math.random() * interval * 0.5) * 1000;
    }
  };
  for (const cookie of cookies) {
    const run = learner(cookie);
    inFlight.add(run);
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuTimeMs(app.pid!) - cpuBefore;
  const peak = peakMemoryMb(app.pid!);

  const row = (name: string, list: number[], failed: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    const f = (v: number) => v.toFixed(1).padStart(7);
    return `${name.padEnd(16)} ${String(list.length).padStart(6)} ${f(percentile(sorted, 0.5))} ${f(percentile(sorted, 0.95))} ${f(percentile(sorted, 0.99))} ${String(failed).padStart(6)}`;
  };
  const failures = (kind: Kind) => [...errors.get(kind)!.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${learners} kursister, en handling hver ~${interval} s i ${seconds} s (målt over ${elapsed.toFixed(1)} s)`,
  );
  console.log(
    `${"handling".padEnd(16)} ${"antal".padStart(6)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"fejl".padStart(6)}`,
  );
  for (const [kind] of MIX) console.log(row(kind, times.get(kind)!, failures(kind)));
  const all = [...times.values()].flat();
  console.log(
    row(
      "i alt",
      all,
      MIX.reduce((sum, [kind]) => sum + failures(kind), 0),
    ),
  );
  for (const [kind, kindErrors] of errors)
    for (const [message, count] of kindErrors) console.log(`  fejl, ${kind}: ${message} (${count})`);
  console.log(`Handlinger pr. sekund: ${(all.length / elapsed).toFixed(1)}`);
  console.log(
    `Sagslabs CPU-tid: ${(cpu / 1000).toFixed(1)} s over ${elapsed.toFixed(0)} s (${((100 * cpu) / 1000 / elapsed).toFixed(0)} % af én kerne), ${(cpu / Math.max(1, all.length)).toFixed(1)} ms pr. handling`,
  );
  console.log(`Sagslabs højeste hukommelsesforbrug (VmHWM): ${peak} MB`);
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`Maskinens belastning (loadavg) ved slut: ${load}`);
} finally {
  agent.destroy();
  if (app) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app!.once("exit", resolve));
  }
  await handle.db.destroy();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
}
