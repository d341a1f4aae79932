/**
 * Single sign-on end to end: the app (production build) signs in through a real OpenID provider
 * (oidc-provider, started here on a free local port), driven in Chromium through the provider's
 * login and consent pages and back; logging out ends the provider's session too. With
 * PASSWORD_LOGIN=0 only administrators may use a password. axe on every Sagslab page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startTestProvider, type TestProvider } from "../oidc-provider";
import { freePort, startAppServer, type AppServer } from "./app-server";
import { DEMO, DEMO_PASSWORD, expectAccessible, launchBrowser, waitForPage } from "./browser";

const skipReason = inject("browserSkipReason");
const BUTTON = "Log ind med Egeby Kommune";

describe.skipIf(Boolean(skipReason))("single sign-on through a real OpenID provider", () => {
  let provider: TestProvider;
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider({ appUrl: `http://127.0.0.1:${port}` });
    provider.accounts.set("sara", { email: DEMO.learner, email_verified: true, name: "Sara S." });
    provider.accounts.set("fremmed", { email: "fremmed@andetsted.dk", email_verified: true, name: "Frida Fremmed" });
    app = await startAppServer({
      port,
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_NAME: BUTTON,
        PASSWORD_LOGIN: "0",
      },
    });
    ({ browser, page } = await launchBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await provider?.stop();
  });

  async function signInAtProvider(login: string) {
    await page.goto(`${app.url}/login?redirectTo=%2Ftilmeld`);
    await expectAccessible(page);
    await page.getByRole("link", { name: BUTTON }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel("Brugernavn").fill(login);
    await page.getByLabel("Adgangskode").fill("en-adgangskode-hos-udbyderen");
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByRole("button", { name: "Giv adgang" }).click();
    await page.waitForURL((url) => url.origin === app.url);
  }

  test("a known user signs in at the provider, is linked by e-mail and lands where they were going", async () => {
    await signInAtProvider("sara");
    await waitForPage(page, (url) => url.pathname === "/tilmeld", /Tilmeld/);
    expect(await page.locator(".app-user").innerText()).toContain("Sara Sagsbehandler");
    await expectAccessible(page);
  });

  test("logging out ends the Sagslab session and the provider's", async () => {
    await page.getByRole("button", { name: "Log ud" }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole("button", { name: "Ja, log mig ud" }).click();
    await waitForPage(page, (url) => url.origin === app.url && url.pathname === "/login", "Log ind");
    expect(await page.getByRole("status").innerText()).toContain("Du er logget ud.");
    expect(provider.logouts()).toBe(1);
    await expectAccessible(page);
    // Signed out of Sagslab: a page behind login sends the browser to the login page.
    await page.goto(`${app.url}/tilmeld`);
    await page.waitForURL((url) => url.pathname === "/login");
  });

  test("someone the provider knows but Sagslab does not is refused in Danish", async () => {
    await signInAtProvider("fremmed");
    await waitForPage(page, (url) => url.pathname === "/login/oidc/callback", "Du er ikke logget ind");
    expect(await page.getByRole("alert").innerText()).toContain("Du har ingen konto i Sagslab endnu");
    await expectAccessible(page);
  });

  test("a callback this browser did not start is refused in Danish", async () => {
    await page.goto(`${app.url}/login/oidc/callback?code=stjaalet-kode&state=fremmed-tilstand`);
    await page.getByRole("heading", { level: 1, name: "Du er ikke logget ind" }).waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Login-forsøget kunne ikke genkendes");
    await expectAccessible(page);
  });

  test("with PASSWORD_LOGIN=0 a learner's right password is refused, an administrator's accepted", async () => {
    const tryPassword = async (email: string) => {
      await page.goto(`${app.url}/login`);
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Adgangskode", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Log ind", exact: true }).click();
    };
    await tryPassword(DEMO.learner);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain(
      `Log ind med „${BUTTON}“. Adgangskoder bruges her kun af administratorer.`,
    );
    await expectAccessible(page);
    await tryPassword(DEMO.admin);
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.locator(".app-user").innerText()).toContain("Anna Administrator");
  });

  test("at phone width the login page and a refusal fit the screen and pass axe", async () => {
    await page.context().clearCookies();
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      for (const path of ["/login", "/login/oidc/callback?code=x&state=y"]) {
        await page.goto(`${app.url}${path}`);
        await expectAccessible(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
