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
import {
  activateWithKeyboard,
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  logInWithKeyboard,
} from "./browser";

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

  test("the cohort page opens with where the cohort goes wrong and fits in five screens; every section opens by keyboard", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(cohortUrl);
    const weakest = page.locator(".weakest-list > li");
    expect(await weakest.count()).toBeGreaterThanOrEqual(5);
    expect(await weakest.count()).toBeLessThanOrEqual(10);
    // Each place in words: where, what, the wrong answer made most, k of n in first attempts; no ids.
    expect(await weakest.first().innerText()).toMatch(
      /^(Case|Quiz)[^\n]*, (trin|spørgsmål) \d+[\s\S]*(Oftest valgt forkert|Hyppigste forkerte svar): [\s\S]*\d+ af \d+ \(\d+ %\) svarede forkert i første forsøg\.$/,
    );
    // Collapsed by default: at most about five screens at 1280 px.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(5 * 900);
    const headings = await page.getByRole("heading", { level: 2 }).allInnerTexts();
    const sections = ["Her går holdet galt", "Fremskridt", "Quizzer", "Cases", "Evaluering"];
    expect(headings.filter((h) => sections.includes(h))).toEqual(sections);
    expect(headings[0]).toBe("Her går holdet galt");
    // Every evaluation is headed by its module.
    const evaluationHeadings = await page.locator("section[aria-labelledby=evaluering] h3").allTextContents();
    expect(evaluationHeadings.length).toBeGreaterThan(0);
    expect(evaluationHeadings.every((h) => /^Evaluering af \S/.test(h))).toBe(true);
    expect(await page.getByRole("heading", { level: 3, name: /^Evaluering$/ }).count()).toBe(0);

    // Keyboard: Tab to a section's summary and open it with Enter.
    await activateWithKeyboard(page, "Vis quizzernes tal", 120);
    await expect.poll(() => page.locator("section[aria-labelledby=quizzer] > details").getAttribute("open")).toBe("");
    expect(await page.locator(".quiz-figures").first().isVisible()).toBe(true);
    // A weakest place's link opens the collapsed section it points into and shows the place.
    await page.goto(cohortUrl);
    const link = page.locator(".weakest-list a").first();
    const target = page.locator((await link.getAttribute("href"))!);
    expect(await target.isVisible()).toBe(false);
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => target.isVisible()).toBe(true);
  });

  test("axe finds nothing on any trainer page at 1280 and 390 px, with every section and scroll box open", async () => {
    // Every section and figure open; of the cases' step-by-step details the first (the rest are
    // the same markup, and eighteen cases opened make axe take minutes on two cores).
    const openAll = () =>
      page.evaluate(() => {
        document.querySelectorAll("details:not(.case-details)").forEach((d) => ((d as HTMLDetailsElement).open = true));
        const firstCase = document.querySelector<HTMLDetailsElement>("details.case-details");
        if (firstCase) firstCase.open = true;
      });
    await page.goto(cohortUrl);
    await accessibleAtBothWidths(page);
    await openAll();
    expect(await page.locator(".scroll-box").count()).toBeGreaterThan(10);
    await accessibleAtBothWidths(page);
    for (const path of ["/brief", "/indstillinger"]) {
      await page.goto(`${cohortUrl}${path}`);
      await openAll();
      await accessibleAtBothWidths(page);
    }
    await page.goto(`${app.url}/underviser`);
    await accessibleAtBothWidths(page);
    await page.goto(`${app.url}/underviser/hold/ny`);
    await accessibleAtBothWidths(page);
    await page.goto(cohortUrl);
    await openAll();
    await page.locator("table.matrix tbody th a").first().click();
    await page.locator("details.attempt-details").first().waitFor();
    await openAll();
    await accessibleAtBothWidths(page);
  }, 300_000);

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
    await page.locator("summary", { hasText: "Vis fremskridt" }).click();
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
