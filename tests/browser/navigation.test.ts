/**
 * Keyboard and screen reader after a client-side navigation: focus goes to the new page's
 * heading and its title is announced, so a second Enter on "Næste" cannot complete the next,
 * unread lesson (issue 11).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { AppServer } from "./app-server";
import { closeSession, openSession } from "./session";
import { DEMO, expectAccessibleAtBothWidths, focusedText, waitForPage } from "./browser";

const skipReason = inject("browserSkipReason");
const MODULE = "/moduler/eksempel";

async function lessonStatus(page: Page, baseUrl: string, title: string) {
  await page.goto(`${baseUrl}${MODULE}`);
  return page.locator(".activity-list > li", { hasText: title }).locator(".status").innerText();
}

describe.skipIf(Boolean(skipReason))("focus after a navigation", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ email: DEMO.learner }));
  });
  afterAll(() => closeSession({ app, browser }));

  test("pressing Enter twice on Næste reads one lesson, not two: focus is on the new page's heading", async () => {
    await page.goto(`${app.url}${MODULE}/eksempel-velkommen`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Næste" }).focus();
    await page.keyboard.press("Enter");
    await waitForPage(page, /eksempel-sagsoplysning$/, "Sagen skal være tilstrækkeligt oplyst");
    expect(await focusedText(page)).toBe("Sagen skal være tilstrækkeligt oplyst");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(await page.getByTestId("route-announcement").innerText()).toBe(await page.title());
    expect(await page.title()).toMatch(/^Sagen skal være tilstrækkeligt oplyst – /);

    await page.keyboard.press("Enter");
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).pathname).toBe(`${MODULE}/eksempel-sagsoplysning`);
    await expectAccessibleAtBothWidths(page);

    expect(await lessonStatus(page, app.url, "Velkommen til Sagslab")).toBe("Læst");
    expect(await lessonStatus(page, app.url, "Sagen skal være tilstrækkeligt oplyst")).toBe("Ikke læst");
  });

  test("following a link moves focus to the new page's heading too", async () => {
    await page.goto(`${app.url}/`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: "Eksempelmodul – sådan virker Sagslab" }).focus();
    await page.keyboard.press("Enter");
    await waitForPage(page, (url) => url.pathname === MODULE, "Eksempelmodul – sådan virker Sagslab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(await page.getByTestId("route-announcement").innerText()).toBe(await page.title());
  });
});
