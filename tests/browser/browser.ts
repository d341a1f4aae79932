/** Chromium through playwright-core, plus the helpers every browser test uses. */
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { CHROMIUM } from "./global-setup";

export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await browser.newContext({ locale: "da-DK", javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  return { browser, page };
}

/** Every page a test visits is checked with axe-core (WCAG 2.1 A and AA, and best practice). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** Logs in through the login form, using the keyboard only. */
export async function logInWithKeyboard(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export const DEMO_PASSWORD = "sagslab-demo";
export const DEMO = {
  learner: "sagsbehandler@demo.sagslab.dk",
  trainer: "underviser@demo.sagslab.dk",
  author: "forfatter@demo.sagslab.dk",
  admin: "admin@demo.sagslab.dk",
};
