/**
 * Hostile and broken requests, as a table: each row is a request, the status it must get, and
 * nothing in the database may change (a checksum of every table but sessions, whose last-seen
 * time a signed-in request may touch). Plus the headers every answer carries, compression, the
 * favicon, the session cookie, and SIGTERM while a request is in flight.
 * On a private PostgreSQL cluster (./postgres-cluster.ts), so the database can be read while the
 * app runs; skipped with a message where the machine has no PostgreSQL binaries, required in CI.
 */
import { connect } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrateToLatest, openPostgres, type DatabaseHandle } from "../../app/db/database.server";
import { startAppServer, type AppServer } from "../browser/app-server";
import { HttpClient } from "../browser/http-client";
import { createTestUser, TEST_PASSWORD } from "../factories";
import { clusterUnavailableReason, createCluster, type PostgresCluster } from "./postgres-cluster";

const skipReason = clusterUnavailableReason();
if (skipReason && process.env.CI)
  throw new Error(`Testene af fjendtlige forespørgsler skal køre i CI, men: ${skipReason}`);

interface Row {
  name: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  as?: "anonymous" | "learner" | "admin";
  status: number;
  /** Text the answer must contain (Danish). */
  says?: string | RegExp;
  location?: string;
}

const form = { "Content-Type": "application/x-www-form-urlencoded" };
const MODULE = "sagsbehandlingsregler";

const ROWS: Row[] = [
  {
    name: "JSON body",
    path: "/login",
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: '{"email":"a"}',
    status: 415,
    says: "modtager kun formularer",
  },
  {
    name: "text/plain body",
    path: "/login",
    method: "POST",
    headers: { "Content-Type": "text/plain" },
    body: "email=a",
    status: 415,
  },
  {
    name: "multipart without boundary",
    path: "/login",
    method: "POST",
    headers: { "Content-Type": "multipart/form-data" },
    body: "x",
    status: 415,
  },
  { name: "no body, no type", path: "/login", method: "POST", status: 415 },
  {
    name: "empty form",
    path: "/login",
    method: "POST",
    headers: form,
    body: "",
    status: 400,
    says: "Skriv din e-mailadresse",
  },
  {
    name: "invalid UTF-8 in a field",
    path: "/login",
    method: "POST",
    headers: form,
    body: "email=%FF%FE&password=x",
    status: 400,
    says: "kunne ikke læses",
  },
  {
    name: "a 2 MB form",
    path: "/login",
    method: "POST",
    headers: form,
    body: `email=${"a".repeat(2 * 1024 * 1024)}`,
    status: 413,
    says: "for stor",
  },
  {
    name: "another site's form post",
    path: "/login",
    method: "POST",
    headers: { ...form, Origin: "https://evil.example" },
    body: "email=a&password=b",
    status: 403,
  },
  {
    name: "an address Express cannot decode",
    path: "/%E0%A4%A",
    status: 400,
    says: "Forespørgslen kunne ikke behandles",
  },
  {
    name: "a POST to a page without a form (405)",
    path: "/moduler",
    method: "POST",
    headers: form,
    body: "a=b",
    as: "learner",
    status: 405,
    says: "Handlingen er ikke mulig her",
  },
  {
    name: "an unknown intent",
    path: `/moduler/${MODULE}/x`,
    method: "POST",
    headers: form,
    body: "intent=drop",
    as: "learner",
    status: 404,
  },
  // The activity pages: a tampered form is refused in its own form, in Danish, and stores nothing.
  {
    name: "NUL in the quiz's hidden fields and answers",
    path: `/moduler/${MODULE}/${MODULE}-quiz`,
    method: "POST",
    headers: form,
    body: "intent=quiz.submit&submissionId=%00&attemptNumber=%00&q-x=%00",
    as: "learner",
    status: 400,
    says: "Formularen mangler sit id. Genindlæs siden.",
  },
  {
    name: "NUL as a case's step and choice",
    path: `/moduler/${MODULE}/${MODULE}-case-frist`,
    method: "POST",
    headers: form,
    body: "intent=case.choose&seq=%00&choice=%00",
    as: "learner",
    status: 400,
    says: "Vælg en af mulighederne.",
  },
  {
    name: "NUL as a begrundelse's attempt",
    path: `/moduler/${MODULE}/${MODULE}-begrundelse-agnete`,
    method: "POST",
    headers: form,
    body: "intent=begrundelse.draft&attempt=x%00&text=%00",
    as: "learner",
    status: 400,
    says: "Formularen er ugyldig. Genindlæs siden.",
  },
  {
    name: "an evaluation answer naming no statement",
    path: `/moduler/${MODULE}/${MODULE}-evaluering`,
    method: "POST",
    headers: form,
    body: "intent=evaluation.save&likert-%00=%00",
    as: "learner",
    status: 400,
    says: "Svaret nævner et spørgsmål, som ikke findes i evalueringen.",
  },
  {
    name: "NUL in the login fields",
    path: "/login",
    method: "POST",
    headers: form,
    body: "email=%00&password=%00",
    status: 400,
    says: "Skriv din e-mailadresse",
  },
  // The account pages.
  {
    name: "NUL as the address asking for a new password",
    path: "/glemt-adgangskode",
    method: "POST",
    headers: form,
    body: "email=%00",
    status: 400,
    says: "Skriv din e-mailadresse",
  },
  {
    name: "text/plain to Glemt adgangskode",
    path: "/glemt-adgangskode",
    method: "POST",
    headers: { "Content-Type": "text/plain" },
    body: "email=a",
    status: 415,
  },
  { name: "no body to Glemt adgangskode", path: "/glemt-adgangskode", method: "POST", status: 415 },
  {
    name: "NUL in a new password and in the reset link",
    path: "/nulstil-adgangskode/abc%00",
    method: "POST",
    headers: form,
    body: "password=%00&confirm=%00",
    status: 400,
    says: "udløbet eller allerede brugt",
  },
  {
    name: "NUL in an invitation's fields and link",
    path: "/invitation/%00",
    method: "POST",
    headers: form,
    body: "intent=password&name=%00&password=%00",
    status: 400,
    says: "Invitationen findes ikke",
  },
  {
    name: "NUL in every field of the password change",
    path: "/min-konto",
    method: "POST",
    headers: form,
    body: "intent=change-password&current=%00&password=%00&confirm=%00",
    as: "learner",
    status: 400,
    says: "Skriv din nuværende adgangskode",
  },
  {
    name: "NUL as the session to end",
    path: "/min-konto",
    method: "POST",
    headers: form,
    body: "intent=end-session&sessionId=%00",
    as: "learner",
    status: 400,
    says: "Sessionen findes ikke",
  },
  {
    name: "an empty form to Min konto",
    path: "/min-konto",
    method: "POST",
    headers: form,
    body: "",
    as: "learner",
    status: 400,
    says: "Ukendt handling",
  },
  {
    name: "JSON to Min konto",
    path: "/min-konto",
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
    as: "learner",
    status: 415,
  },
  {
    name: "multipart to Min konto (only the import takes files)",
    path: "/min-konto",
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=x" },
    body: "--x--",
    as: "learner",
    status: 415,
  },
  {
    name: "a broken upload to the import",
    path: "/admin/import",
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=x" },
    body: "not a multipart body",
    as: "admin",
    status: 400,
    says: "Filen kunne ikke modtages",
  },
  {
    name: "multipart without boundary to the import",
    path: "/admin/import",
    method: "POST",
    headers: { "Content-Type": "multipart/form-data" },
    body: "x",
    as: "admin",
    status: 400,
    says: "kunne ikke læses",
  },
  {
    name: "a CSV file with NUL and no header to the import",
    path: "/admin/import",
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=x" },
    body: [
      "--x",
      'Content-Disposition: form-data; name="intent"',
      "",
      "preview",
      "--x",
      'Content-Disposition: form-data; name="file"; filename="brugere.csv"',
      "Content-Type: text/csv",
      "",
      "navn;e-mail\u0000;rolle",
      "A\u0000B;a\u0000b@egeby.dk;kursist",
      "--x--",
      "",
    ].join("\r\n"),
    as: "admin",
    status: 400,
    says: /Filen mangler kolonner?ne? „/,
  },
  {
    name: "JSON to the import",
    path: "/admin/import",
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
    as: "admin",
    status: 415,
  },
  { name: "a learner on the administration", path: "/admin", as: "learner", status: 403, says: "ikke adgang" },
  {
    name: "a learner exporting a user",
    path: `/admin/brugere/${crypto.randomUUID()}/data.json`,
    as: "learner",
    status: 403,
  },
];

describe.skipIf(Boolean(skipReason))("hostile requests", () => {
  let cluster: PostgresCluster;
  let app: AppServer;
  let check: DatabaseHandle;
  let learnerEmail = "";
  let adminEmail = "";

  /** One checksum over every table except sessions. */
  async function databaseChecksum(): Promise<string> {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions' order by table_name`.execute(
      check.db,
    );
    const parts: string[] = [];
    for (const { table_name } of rows) {
      const result = await sql<{ sum: string | null }>`
        select md5(string_agg(t::text, '|' order by t::text)) as sum from ${sql.table(table_name)} t`.execute(check.db);
      parts.push(`${table_name}:${result.rows[0]?.sum ?? "-"}`);
    }
    return parts.join(" ");
  }

  beforeAll(async () => {
    cluster = await createCluster();
    check = await openPostgres(cluster.url);
    await migrateToLatest(check.db);
    learnerEmail = (await createTestUser(check.db, { email: "kursist@fjendtlig.sagslab.dk" })).email;
    adminEmail = (await createTestUser(check.db, { email: "admin@fjendtlig.sagslab.dk", role: "admin" })).email;
    app = await startAppServer({ courseFile: "build/content/course.json", databaseUrl: cluster.url });
  }, 120_000);
  afterAll(async () => {
    await check?.close();
    await app?.stop();
    cluster?.destroy();
  });

  test.each(ROWS)("$name → $status, nothing changed", async (row) => {
    const client = new HttpClient(app.url);
    if (row.as === "learner") await client.logIn(learnerEmail, TEST_PASSWORD);
    if (row.as === "admin") await client.logIn(adminEmail, TEST_PASSWORD);
    const before = await databaseChecksum();
    const response = await client.request(row.path, {
      method: row.method ?? "GET",
      headers: row.headers,
      body: row.body,
    });
    expect(response.status).toBe(row.status);
    // What a person reads: the page without its scripts (hydration data may quote Remix's own messages).
    const visible = response.text.replace(/<script[\s\S]*?<\/script>/g, "");
    if (row.says) expect(visible).toMatch(row.says);
    expect(visible).not.toMatch(
      /Unexpected Server Error|Bad Request|Method Not Allowed|Payload Too Large|You made a|Internal Server Error/,
    );
    expect(await databaseChecksum()).toBe(before);
  });

  test("a 200 MB upload is refused with 413 before it is read whole", async () => {
    // A raw socket: the server answers and closes while the client is still sending, which
    // fetch reports as a failed write (EPIPE) instead of the answer.
    const port = Number(new URL(app.url).port);
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    let sent = 0;
    let open = true;
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.on("error", () => (open = false));
    socket.on("close", () => (open = false));
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 97);
    while (open && answer === "" && sent < 200 * 1024 * 1024) {
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      socket.write("\r\n");
      sent += chunk.length;
      if (sent % (1024 * 1024) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    // The server answered 413, or closed the connection with the rest unread, which may reset it
    // before the answer arrives: either way it stopped reading long before 200 MB.
    if (answer !== "") {
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toContain("for stor");
    }
    expect(sent).toBeLessThan(50 * 1024 * 1024);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  test("a bad redirectTo is ignored after login, never followed and never a 500", async () => {
    for (const target of [
      "%2F%09%2Fevil.example%2F",
      "%2F%2Fevil.example",
      "%2F%5Cevil.example",
      "%2F%0D%0ASet-Cookie%3Ax",
      "%2F%252F%252Fevil",
    ]) {
      const client = new HttpClient(app.url);
      const response = await client.post(`/login?redirectTo=${target}`, {
        email: learnerEmail,
        password: TEST_PASSWORD,
        redirectTo: decodeURIComponent(target),
      });
      expect(response.status, target).toBe(302);
      expect(response.headers.get("Location"), target).toBe("/");
    }
    const client = new HttpClient(app.url);
    const good = await client.post("/login", {
      email: learnerEmail,
      password: TEST_PASSWORD,
      redirectTo: `/moduler/${MODULE}`,
    });
    expect(good.headers.get("Location")).toBe(`/moduler/${MODULE}`);
  });

  test("every answer: no-store behind login, compressed with brotli or gzip, HSTS with the Secure cookie, a session cookie without a fixed lifetime, a favicon", async () => {
    const client = new HttpClient(app.url);
    const login = await client.logIn(learnerEmail, TEST_PASSWORD);
    const cookie = login.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    const page = await client.get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(page.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
    for (const encoding of ["br", "gzip"]) {
      const compressed = await client.get(`/moduler/${MODULE}`, { headers: { "Accept-Encoding": encoding } });
      expect(compressed.headers.get("Content-Encoding"), encoding).toBe(encoding);
    }
    const favicon = await client.get("/favicon.ico");
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("Content-Type")).toBe("image/x-icon");
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  test("SIGTERM: a request in flight is answered, new connections are refused, a kept-alive connection is answered and closed, the process exits cleanly", async () => {
    const port = Number(new URL(app.url).port);
    // A proxy's idle keep-alive connection: it may still send a request after the signal, which
    // must be answered (a form post it cannot retry elsewhere), and then closed.
    const keptAlive = connect(port, "127.0.0.1");
    await new Promise((resolve) => keptAlive.once("connect", resolve));
    let keptAliveAnswer = "";
    keptAlive.on("data", (chunk: Buffer) => (keptAliveAnswer += chunk.toString()));
    const health = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
    keptAlive.write(health);
    while (!keptAliveAnswer.includes("\r\n\r\n")) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keptAliveAnswer).toMatch(/^HTTP\/1\.1 200/);
    expect(keptAliveAnswer).toMatch(/Connection: keep-alive/i);
    keptAliveAnswer = "";

    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    const body = `email=${encodeURIComponent(learnerEmail)}&password=forkert`;
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    // Headers and half the body: the request is in flight when the signal comes.
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const child = app.process();
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A new connection (not one of fetch's pooled keep-alive connections, which are answered).
    const refused = await new Promise<boolean>((resolve) => {
      const probe = connect(port, "127.0.0.1");
      probe.once("connect", () => {
        probe.destroy();
        resolve(false);
      });
      probe.once("error", () => resolve(true));
    });
    expect(refused, "no new connection after SIGTERM").toBe(true);
    const keptAliveClosed = new Promise((resolve) => keptAlive.once("close", resolve));
    keptAlive.write(health);
    await keptAliveClosed;
    expect(keptAliveAnswer).toMatch(/^HTTP\/1\.1 200/);
    expect(keptAliveAnswer).toMatch(/Connection: close/i);
    socket.write(body.slice(10));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(await exited).toBe(0);
    expect(app.output()).toContain("Sagslab stopper");
  });
});
