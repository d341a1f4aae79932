import { spawnSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { AppServer } from "./app-server";
import { closeSession, openSession } from "./session";
import { DEMO, DEMO_PASSWORD, expectAccessible, logInWithKeyboard, waitForPage } from "./browser";

const skipReason = inject("browserSkipReason");

describe.skipIf(Boolean(skipReason))("a caseworker reads the sample module", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession());
  });
  afterAll(() => closeSession({ app, browser }));

  test("the front page and the login page are public, Danish and accessible", async () => {
    await page.goto(app.url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sagslab");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Log ind" }).first().click();
    await page.waitForURL(/\/login/);
    // The URL can change before the new page has rendered: wait for the table.
    await page.getByRole("cell", { name: DEMO.learner }).waitFor();
    expect(await page.getByRole("cell", { name: DEMO.learner }).count()).toBe(1);
    await expectAccessible(page);
  });

  test("a wrong password gets a clear Danish message, with focus on it", async () => {
    await logInAttempt(page, app.url, DEMO.learner, "forkert-adgangskode");
    const alert = page.getByRole("alert");
    expect(await alert.textContent()).toContain("Forkert e-mailadresse eller adgangskode");
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible(page);
  });

  test("the learner logs in, completes both lessons with Næste, and sees the progress (the case is still open)", async () => {
    await logInWithKeyboard(page, app.url, DEMO.learner, DEMO_PASSWORD);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Moduler");
    expect(await page.getByText("0 af 5 aktiviteter gennemført (0 %)").count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: /Eksempelmodul/ }).click();
    await waitForPage(page, /\/moduler\/eksempel$/, /^Eksempelmodul/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Start modulet" }).click();
    await page.waitForURL(/\/moduler\/eksempel\/eksempel-velkommen$/);
    // Client-side navigation changes the URL before React has rendered the new page.
    await page.getByText("retssikkerhedsloven § 10").waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Næste" }).click();
    await waitForPage(page, /\/moduler\/eksempel\/eksempel-sagsoplysning$/, "Sagen skal være tilstrækkeligt oplyst");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Næste" }).click();
    // "Næste" leads on to the next activity of the module, the case.
    await page.waitForURL(/\/moduler\/eksempel\/eksempel-case-stol$/);
    await page.goto(`${app.url}/moduler/eksempel`);
    expect(await page.getByText("2 af 5 aktiviteter gennemført (40 %)").count()).toBe(1);
    expect(await page.locator(".status-done").allInnerTexts()).toEqual(["Læst", "Læst"]);

    await page.goto(app.url);
    expect(await page.getByText("2 af 5 aktiviteter gennemført (40 %)").count()).toBe(1);
  });

  test("a double submit of Næste records the lesson once", async () => {
    const url = `${app.url}/moduler/eksempel/eksempel-velkommen`;
    const post = () =>
      page.request.post(url, { form: { intent: "lesson.complete" }, headers: { Origin: app.url }, maxRedirects: 0 });
    const responses = await Promise.all([post(), post()]);
    expect(responses.map((r) => r.status())).toEqual([302, 302]);
    await page.goto(app.url);
    expect(await page.getByText("2 af 5 aktiviteter gennemført (40 %)").count()).toBe(1);
  });

  test("a form posted from another site is refused", async () => {
    const response = await page.request.post(`${app.url}/moduler/eksempel/eksempel-velkommen`, {
      form: { intent: "lesson.complete" },
      headers: { Origin: "https://ondt.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });

  test("progress and the session survive a restart of the app", async () => {
    await app.restart();
    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Moduler");
    expect(await page.getByText("2 af 5 aktiviteter gennemført (40 %)").count()).toBe(1);
  });

  test("a second app on the same embedded database is refused with a message naming the folder, and the first keeps working", async () => {
    const second = spawnSync(process.execPath, ["server/index.js"], {
      env: { ...process.env, NODE_ENV: "production", PORT: "0", DATA_DIR: app.dataDir, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Den indlejrede database i ${app.dataDir} bruges allerede af en anden proces`);
    await page.goto(app.url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Moduler");
  });

  test("a learner is refused the admin page with a Danish 403 page", async () => {
    const response = await page.goto(`${app.url}/admin`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Du har ikke adgang");
    await expectAccessible(page);
  });

  test("an unknown address gives the Danish 404 page", async () => {
    const response = await page.goto(`${app.url}/findes-ikke`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Siden findes ikke");
    await expectAccessible(page);
  });

  test("the learner logs out", async () => {
    await page.goto(app.url);
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.waitForURL(/\/login\?logget-ud=1$/);
    const response = await page.goto(`${app.url}/moduler/eksempel`);
    expect(page.url()).toContain("/login?redirectTo=%2Fmoduler%2Feksempel");
    expect(response?.status()).toBe(200);
  });
});

async function logInAttempt(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("alert").waitFor();
}
