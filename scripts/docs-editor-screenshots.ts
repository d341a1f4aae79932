/**
 * `npx tsx scripts/docs-editor-screenshots.ts`: the screenshots of the browser editor in
 * docs/images/. The editor exists only in development, so this builds a development build (into
 * tests/.artifacts/dev-build, as the editor's browser tests do) unless SKIP_BUILD=1, and runs it on
 * a temporary copy of content/ (the real content is never written) and a fresh embedded database.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const PORT = Number(process.env.PORT ?? 3971);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("docs/images");
const BUILD_DIR = path.resolve("tests/.artifacts/dev-build");
const LESSON = "/forfatter/rediger/bpa/01-personkreds.mdx";
const CASE = "/forfatter/rediger/bpa/02-case-als.mdx";

if (process.env.SKIP_BUILD !== "1") {
  execFileSync("npx", ["remix", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "development", BUILD_DIR },
  });
}
const root = mkdtempSync(path.join(tmpdir(), "sagslab-docs-editor-"));
const contentDir = path.join(root, "content");
cpSync("content", contentDir, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "development",
  BUILD_DIR,
  CONTENT_DIR: contentDir,
  DATA_DIR: path.join(root, "data"),
  DATABASE_URL: "",
  PORT: String(PORT),
};
execFileSync("npx", ["tsx", "scripts/prepare-database.ts"], { env, stdio: "inherit" });
const server = spawn(process.execPath, ["server/index.js"], { env, stdio: "inherit" });

try {
  for (
    let tries = 0;
    !(await fetch(`${BASE}/healthz`).then(
      (r) => r.ok,
      () => false,
    ));
    tries++
  ) {
    if (tries > 300) throw new Error("The app did not start.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("E-mail").fill("forfatter@demo.sagslab.dk");
  await page.getByLabel("Adgangskode").fill("sagslab-demo");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  mkdirSync(OUT, { recursive: true });

  await page.goto(`${BASE}${LESSON}`);
  await page.locator(".cm-editor").waitFor();
  await page.locator(".editor-layout").scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector(".editor-layout")?.scrollIntoView());
  await page.screenshot({ path: path.join(OUT, "editor-lektion.png") });

  // A case with a misspelt start: the error in the gutter and the list, the map beside.
  await page.goto(`${BASE}${CASE}`);
  await page.locator(".cm-editor").waitFor();
  const start = page.locator(".cm-line", { hasText: "<Case start=" }).first();
  await start.click();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.type("x");
  await page.getByRole("button", { name: "Gem og kontrollér" }).click();
  await page.locator(".cm-lintRange-error").first().waitFor();
  await page.locator(".cm-lintRange-error").first().scrollIntoViewIfNeeded();
  await page.locator(".cm-lint-marker-error").first().waitFor();
  await page.evaluate(() => document.querySelector(".editor-layout")?.scrollIntoView());
  await page.screenshot({ path: path.join(OUT, "editor-case-fejl.png") });
  await browser.close();
  console.log(`Skærmbilleder af editoren gemt i ${path.relative(process.cwd(), OUT)}/`);
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(root, { recursive: true, force: true });
}
