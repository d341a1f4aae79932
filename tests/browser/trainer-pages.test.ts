/**
 * The trainer's pages with a realistic cohort (issue 14): 30 learners loaded by seed:load on the
 * real course for the demo trainer. The classroom brief prints on at most four A4 pages; one
 * participant's page shows their attempts; axe finds nothing at desktop and phone width.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import { DEMO, DEMO_PASSWORD, expectAccessible, launchBrowser, logInWithKeyboard } from "./browser";

const skipReason = inject("browserSkipReason");
const REAL_COURSE = path.resolve("build/content/course.json");
const WIDTHS = [1280, 390];

/** Fills the copied database with one cohort of 30 for the demo trainer, as `npm run seed:load` does. */
function loadCohort(dataDir: string) {
  execFileSync("npx", ["tsx", "scripts/seed-load.ts", "--learners", "30", "--trainer", DEMO.trainer], {
    env: { ...process.env, DATA_DIR: dataDir, COURSE_FILE: REAL_COURSE, NODE_ENV: "production", DATABASE_URL: "" },
    stdio: "pipe",
  });
}

/** Checks the page with axe at each width, scrolled through so nothing is left unrendered. */
async function accessibleAtBothWidths(page: Page) {
  const viewport = page.viewportSize()!;
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `width ${width}`).toBeLessThanOrEqual(
        width,
      );
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}

describe.skipIf(Boolean(skipReason))("a trainer's pages for a cohort of 30", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let cohortUrl = "";

  beforeAll(async () => {
    app = await startAppServer({ courseFile: REAL_COURSE, beforeStart: loadCohort });
    ({ browser, page } = await launchBrowser());
    await logInWithKeyboard(page, app.url, DEMO.trainer, DEMO_PASSWORD);
    await page.goto(`${app.url}/underviser`);
    cohortUrl = `${app.url}${await page.getByRole("link", { name: /^Belastningshold/ }).getAttribute("href")}`;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("the classroom brief prints on at most four A4 pages, one section a page, without the site's menu", async () => {
    await page.goto(`${cohortUrl}/brief`);
    await page.getByRole("heading", { level: 1, name: /^Oplæg til undervisningsdagen/ }).waitFor();
    // The weakest case steps come with the situation, the wrong choice made most and its feedback.
    const first = page.locator(".brief-places").first().locator("li").first();
    expect(await first.innerText()).toMatch(
      /svarede forkert i første forsøg[\s\S]*Situationen:[\s\S]*Oftest valgt forkert:[\s\S]*Til drøftelse/,
    );
    await accessibleAtBothWidths(page);

    const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(4); // one per section
    expect(pages).toBeLessThanOrEqual(4);
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.locator(".app-nav").isVisible()).toBe(false);
      expect(await page.locator(".breadcrumbs").isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  test("one participant's page: each attempt's choices and the quiz answers, never evaluation answers", async () => {
    await page.goto(cohortUrl);
    const participant = page.locator("table.matrix tbody th a").first();
    const name = await participant.innerText();
    await participant.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.locator("details.attempt-details summary").first().click();
    const table = page.locator("details.attempt-details table").first();
    expect(await table.locator("thead").innerText()).toMatch(
      /Trin\s+Valg\s+Vurdering\s+Point|Spørgsmål\s+Svar\s+Rigtigt/,
    );
    expect(await page.getByText("Evalueringssvar vises aldrig for den enkelte").count()).toBe(1);
    await accessibleAtBothWidths(page);
  });
});
