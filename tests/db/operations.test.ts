/** What an operator does from the shell and what a load balancer sees. */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { expect, test } from "vitest";
import { openEmbedded, useDatabase } from "../../app/db/database.server";
import { loader as healthz } from "../../app/routes/healthz";
import { freshDatabase } from "./engines";
import { verifyPassword } from "../../app/auth/password.server";

const run = promisify(execFile);

test("npm run user:create creates an account from the shell; a bad role is refused in Danish", async () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "sagslab-cli-")), "data");
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
  const created = await run(
    "npx",
    [
      "tsx",
      "scripts/user-create.ts",
      "--email",
      "Anne@Egeby.dk",
      "--name",
      "Anne Andersen",
      "--role",
      "trainer",
      "--password",
      "en-lang-adgangskode",
    ],
    { env },
  );
  expect(created.stdout).toContain("Brugeren Anne Andersen <anne@egeby.dk> er oprettet med rollen trainer.");
  const refused = await run(
    "npx",
    ["tsx", "scripts/user-create.ts", "--email", "b@egeby.dk", "--name", "B", "--role", "chef"],
    { env },
  ).catch((error: { code: number; stderr: string }) => error);
  expect(refused).toMatchObject({ code: 1 });
  expect((refused as { stderr: string }).stderr).toContain("Rollen skal være en af: learner, trainer, author, admin.");

  const handle = await openEmbedded({ dataDir });
  try {
    const user = await handle.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: "anne@egeby.dk", role: "trainer", active: true });
    expect(await verifyPassword("en-lang-adgangskode", user.password_hash ?? "")).toBe(true);
  } finally {
    await handle.close();
  }
}, 60_000);

test("/healthz answers 200 when the database answers and 503 when it does not", async () => {
  const handle = await openEmbedded({});
  useDatabase(handle);
  const ok = await healthz();
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ status: "ok", database: "ok" });
  await handle.close();
  const down = await healthz();
  expect(down.status).toBe(503);
  expect(await down.json()).toEqual({ status: "error", database: "unavailable" });
});

test.runIf(process.env.TEST_DATABASE_URL)(
  "on a PostgreSQL server, the app outlives its connections being cut (a server restart) and carries on",
  async () => {
    const handle = await freshDatabase("postgres");
    try {
      const database = (await sql<{ name: string }>`select current_database() as name`.execute(handle.db)).rows[0]!
        .name;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [database]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(after.rows[0]!.one).toBe(1);
    } finally {
      await handle.close();
    }
  },
);
