/**
 * `npx tsx scripts/docs-screenshots.ts`: the screenshots in docs/images/ of the author pages.
 * Runs the production build (run `npm run build` first) on a fresh embedded database in a
 * temporary folder, signs in as the demo author and photographs the pages with Chromium.
 */
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const PORT = Number(process.env.PORT ?? 3970);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("docs/images");
const CASE = process.env.DOCS_CASE ?? "bpa-case-als";

const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "sagslab-docs-")), "data");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATA_DIR: dataDir,
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
    if (tries > 150) throw new Error("The app did not start.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const page = await (await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("E-mail").fill("forfatter@demo.sagslab.dk");
  await page.getByLabel("Adgangskode").fill("sagslab-demo");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  mkdirSync(OUT, { recursive: true });

  await page.goto(`${BASE}/forfatter`);
  await page.screenshot({ path: path.join(OUT, "forfatter-oversigt.png") });

  await page.goto(`${BASE}/forfatter/case/${CASE}`);
  await page.locator(".map-legend").scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector("h2")?.scrollIntoView());
  await page.screenshot({ path: path.join(OUT, "forfatter-kort.png") });

  await page.getByRole("link", { name: /Forhåndsvis casen fra start/ }).click();
  await page.getByRole("heading", { level: 1, name: /^Trin:/ }).waitFor();
  await page.screenshot({ path: path.join(OUT, "forfatter-trin.png") });
  await browser.close();
  console.log(`Skærmbilleder gemt i ${path.relative(process.cwd(), OUT)}/`);
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
