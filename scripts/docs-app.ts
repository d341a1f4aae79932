/**
 * What the docs' screenshot scripts share: the app run from a build on a fresh embedded database in
 * a temporary folder, and Chromium signed in as the demo author. Each script says which build and
 * which content, then photographs its pages.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";

/** Where the screenshots go. */
export const DOCS_IMAGES = path.resolve("docs/images");

const AUTHOR = { email: "forfatter@demo.sagslab.dk", password: "sagslab-demo" };

export interface DocsAppOptions {
  port: number;
  /** A temporary folder of the script's own: the database goes in it, and it is removed afterwards. */
  root: string;
  /** What the app runs with besides its port and database (NODE_ENV, BUILD_DIR, CONTENT_DIR). */
  env: NodeJS.ProcessEnv;
  /** How long the app may take to answer /healthz. */
  startSeconds: number;
  /** How long a step on a page may take. */
  stepTimeoutMs?: number;
}

async function waitForHealth(base: string, seconds: number) {
  for (let tries = 0; tries * 0.2 < seconds; tries++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The app did not start.");
}

/**
 * Starts the app, signs in as the demo author at 1280 × 900 px, runs `photograph` with the page and
 * the app's address, and stops and removes everything again, also when a step fails.
 */
export async function photographAsAuthor(
  { port, root, env: own, startSeconds, stepTimeoutMs }: DocsAppOptions,
  photograph: (page: Page, base: string) => Promise<void>,
) {
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...own,
    DATA_DIR: path.join(root, "data"),
    DATABASE_URL: "",
    PORT: String(port),
  };
  try {
    execFileSync("npx", ["tsx", "scripts/prepare-database.ts"], { env, stdio: "inherit" });
    const server = spawn(process.execPath, ["server/index.js"], { env, stdio: "inherit" });
    const exited = new Promise((resolve) => server.once("exit", resolve));
    try {
      await waitForHealth(base, startSeconds);
      const browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu"],
      });
      try {
        const context = await browser.newContext({ locale: "da-DK", viewport: { width: 1280, height: 900 } });
        if (stepTimeoutMs) context.setDefaultTimeout(stepTimeoutMs);
        const page = await context.newPage();
        await page.goto(`${base}/login`);
        await page.getByLabel("E-mail").fill(AUTHOR.email);
        await page.getByLabel("Adgangskode").fill(AUTHOR.password);
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => !url.pathname.startsWith("/login"));
        mkdirSync(DOCS_IMAGES, { recursive: true });
        await photograph(page, base);
      } finally {
        await browser.close();
      }
    } finally {
      server.kill("SIGTERM");
      await exited;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
