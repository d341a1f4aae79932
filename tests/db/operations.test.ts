/** What an operator does from the shell and what a load balancer sees. */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { openEmbedded, useDatabase } from "../../app/db/database.server";
import { loader as healthz } from "../../app/routes/healthz";
import { verifyPassword } from "../../app/auth/password.server";

const run = promisify(execFile);

test("npm run user:create creates an account from the shell; a bad role is refused in Danish", async () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "sagslab-cli-")), "data");
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
  const created = await run("npx", ["tsx", "scripts/user-create.ts", "--email", "Anne@Egeby.dk", "--name", "Anne Andersen", "--role", "trainer", "--password", "en-lang-adgangskode"], { env });
  expect(created.stdout).toContain("Brugeren Anne Andersen <anne@egeby.dk> er oprettet med rollen trainer.");
  const refused = await run("npx", ["tsx", "scripts/user-create.ts", "--email", "b@egeby.dk", "--name", "B", "--role", "chef"], { env }).catch((error: { code: number; stderr: string }) => error);
  expect(refused).toMatchObject({ code: 1 });
  expect((refused as { stderr: string }).stderr).toContain("Rollen skal være en af: learner, trainer, author, admin.");

  const handle = await openEmbedded({ dataDir });
  try {
    const user = await handle.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: "anne@egeby.dk", role: "trainer", active: true });
    expect(await verifyPassword("en-lang-adgangskode", user.password_hash)).toBe(true);
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
