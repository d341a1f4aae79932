/** Chromium through playwright-core, plus the helpers every browser test uses. */
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { CHROMIUM } from "./global-setup";

export async function launchBrowser(
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ browser: Browser; page: Page }> {
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
  // playwright-core waits forever by default; a missing element should fail the test quickly.
  context.setDefaultTimeout(15_000);
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

/** axe at desktop width and at phone width (390 px), then back to the page's own size. */
export async function expectAccessibleAtBothWidths(page: Page) {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await expectAccessible(page);
  } finally {
    await page.setViewportSize(size);
  }
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
  await page.getByRole("heading", { level: 1, name: "Log ind" }).waitFor({ state: "detached" });
}

/**
 * Client-side navigation changes the URL before React has rendered the new page, so a test that
 * only waits for the URL can read (or press a button on) the page it came from. Wait for the new
 * page's main heading as well.
 */
export async function waitForPage(page: Page, url: RegExp | ((url: URL) => boolean), heading: string | RegExp) {
  await page.waitForURL(url);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/**
 * The newest mail to `to` at /admin/mail (demo mode without SMTP_URL), opened on an
 * administrator's page, and the first link in it that starts with `baseUrl + prefix`.
 */
export async function mailedLink(admin: Page, baseUrl: string, to: string, prefix: string): Promise<string> {
  await admin.goto(`${baseUrl}/admin/mail`);
  await admin.getByRole("heading", { level: 1, name: "Sendte e-mails" }).waitFor();
  const mail = admin.locator("li", { hasText: to }).first();
  await mail.locator("summary").click();
  const href = await mail.locator(`a[href^="${baseUrl}${prefix}"]`).first().getAttribute("href");
  if (!href) throw new Error(`No link starting with ${prefix} in the newest mail to ${to}`);
  return href;
}

export const DEMO_PASSWORD = "sagslab-demo";
export const DEMO = {
  learner: "sagsbehandler@demo.sagslab.dk",
  trainer: "underviser@demo.sagslab.dk",
  author: "forfatter@demo.sagslab.dk",
  admin: "admin@demo.sagslab.dk",
};

/**
 * Presses Tab until the focused element has the given accessible text, then Enter: the way a
 * keyboard user reaches a button. Fails if it is not reached within `maxTabs`.
 */
export async function activateWithKeyboard(page: Page, name: string | RegExp, maxTabs = 40) {
  const matches = (text: string) => (typeof name === "string" ? text.trim() === name : name.test(text.trim()));
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    const text = await page
      .evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element ? element.innerText || element.getAttribute("aria-label") || "" : "";
      })
      .catch(async (error: Error) => {
        // A form posted before hydration navigates natively; start over on the new page.
        if (!/context was destroyed/.test(error.message)) throw error;
        await page.waitForLoadState();
        return "";
      });
    if (matches(text)) {
      await page.keyboard.press("Enter");
      return;
    }
  }
  throw new Error(`Could not reach "${String(name)}" with the Tab key`);
}

/** The text of the element that has focus. */
export async function focusedText(page: Page) {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? "");
}

/**
 * Ticks a checkbox or selects a radio button with the keyboard: Tab to it (a radio group is one
 * tab stop, so within the group the arrow keys move and select), then Space for a checkbox.
 */
export async function selectOptionWithKeyboard(page: Page, option: string | Locator, maxKeys = 80) {
  const target = typeof option === "string" ? page.getByLabel(option, { exact: true }) : option;
  const label = typeof option === "string" ? option : String(option);
  const targetId = await target.getAttribute("id");
  const name = await target.getAttribute("name");
  const type = await target.getAttribute("type");
  for (let i = 0; i < maxKeys; i++) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return element ? { id: element.id, name: element.name, type: element.type } : null;
    });
    if (focused?.id === targetId) {
      if (type === "checkbox" || !(await target.isChecked())) await page.keyboard.press("Space");
      return;
    }
    await page.keyboard.press(focused?.type === "radio" && focused.name === name ? "ArrowDown" : "Tab");
  }
  throw new Error(`Could not reach the option "${label}" with the keyboard`);
}
