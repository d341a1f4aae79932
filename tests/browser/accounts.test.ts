/**
 * Accounts in the browser, without a mail server (the mails are files, listed at /admin/mail in
 * demo mode): "Glemt adgangskode?" through the mailed link, "Min konto" with its sessions and
 * password change, and an administrator's spreadsheet import whose invitation the new user
 * accepts. axe on every page.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessibleAtBothWidths,
  launchBrowser,
  logInWithKeyboard,
  mailedLink as mailedLinkAt,
  waitForPage,
} from "./browser";

const skipReason = inject("browserSkipReason");

describe.skipIf(Boolean(skipReason))("accounts: reset, Min konto, import and invitation", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let admin: Page;
  let adminContext: BrowserContext;

  beforeAll(async () => {
    app = await startAppServer();
    ({ browser, page } = await launchBrowser());
    adminContext = await browser.newContext({ locale: "da-DK" });
    adminContext.setDefaultTimeout(15_000);
    admin = await adminContext.newPage();
    await logInWithKeyboard(admin, app.url, DEMO.admin, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The newest mail's link, on the administrator's mailbox page (checked with axe). */
  async function mailedLink(to: string, prefix: string) {
    const href = await mailedLinkAt(admin, app.url, to, prefix);
    await expectAccessibleAtBothWidths(admin);
    return href;
  }

  test("a forgotten password: the same answer for any address, a mailed link, a new password that signs in", async () => {
    await page.goto(`${app.url}/login`);
    await page.getByRole("link", { name: "Glemt adgangskode?" }).click();
    await waitForPage(page, (url) => url.pathname === "/glemt-adgangskode", "Glemt adgangskode?");
    await expectAccessibleAtBothWidths(page);
    await page.getByLabel("E-mail").fill("findes-ikke@demo.sagslab.dk");
    await page.getByRole("button", { name: "Send link" }).click();
    await page.getByText("Hvis findes-ikke@demo.sagslab.dk hører").waitFor();
    const unknown = await page.getByRole("status").innerText();
    await page.getByLabel("E-mail").fill(DEMO.author);
    await page.getByRole("button", { name: "Send link" }).click();
    await page.getByText(`Hvis ${DEMO.author} hører`).waitFor();
    const known = await page.getByRole("status").innerText();
    expect(known.replace(DEMO.author, "X")).toBe(unknown.replace("findes-ikke@demo.sagslab.dk", "X"));
    await expectAccessibleAtBothWidths(page);

    const link = await mailedLink(DEMO.author, "/nulstil-adgangskode/");
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Vælg en ny adgangskode" }).waitFor();
    await expectAccessibleAtBothWidths(page);
    await page.getByLabel("Ny adgangskode", { exact: true }).fill("forfatterens-nye-kode");
    await page.getByLabel("Gentag den nye adgangskode").fill("noget-andet-helt");
    await page.getByRole("button", { name: "Gem adgangskoden" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("De to adgangskoder er ikke ens.");
    await page.getByLabel("Ny adgangskode", { exact: true }).fill("forfatterens-nye-kode");
    await page.getByLabel("Gentag den nye adgangskode").fill("forfatterens-nye-kode");
    await page.getByRole("button", { name: "Gem adgangskoden" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.locator(".app-user").innerText()).toContain("Frede Forfatter");

    // The link was single-use.
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Vælg en ny adgangskode" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("udløbet eller allerede brugt");
    expect(await page.getByLabel("Ny adgangskode", { exact: true }).count()).toBe(0);
  });

  test("without JavaScript: a refused address and a wrong join code are explained in their form and kept; both then succeed", async () => {
    const plain = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    plain.setDefaultTimeout(15_000);
    const noScript = await plain.newPage();
    await noScript.goto(`${app.url}/glemt-adgangskode`);
    await noScript.getByLabel("E-mail").fill("ikke-en-adresse");
    await noScript.getByRole("button", { name: "Send link" }).click();
    await noScript.getByRole("alert").waitFor();
    expect(await noScript.getByRole("alert").innerText()).toContain("Skriv en gyldig e-mailadresse.");
    // The summary's message leads to its field, whose value is kept.
    expect(await noScript.getByRole("link", { name: "Skriv en gyldig e-mailadresse." }).getAttribute("href")).toBe(
      `#${await noScript.getByLabel("E-mail").getAttribute("id")}`,
    );
    expect(await noScript.getByLabel("E-mail").inputValue()).toBe("ikke-en-adresse");
    await noScript.getByLabel("E-mail").fill("findes-heller-ikke@demo.sagslab.dk");
    await noScript.getByRole("button", { name: "Send link" }).click();
    await noScript.getByText("Hvis findes-heller-ikke@demo.sagslab.dk hører").waitFor();
    expect(await noScript.getByRole("alert").count()).toBe(0);

    await logInWithKeyboard(noScript, app.url, DEMO.learner, DEMO_PASSWORD);
    await noScript.goto(`${app.url}/tilmeld`);
    await noScript.getByLabel("Tilmeldingskode").fill("FORKERT-KODE");
    await noScript.getByRole("button", { name: "Tilmeld mig holdet" }).click();
    await noScript.getByRole("alert").waitFor();
    expect(await noScript.getByRole("alert").innerText()).toMatch(/Der findes intet hold med den kode/);
    expect(await noScript.getByLabel("Tilmeldingskode").inputValue()).toBe("FORKERT-KODE");
    // The demo cohort's code (app/db/seed.server.ts).
    await noScript.getByLabel("Tilmeldingskode").fill("DEMO-2026");
    await noScript.getByRole("button", { name: "Tilmeld mig holdet" }).click();
    await noScript.getByRole("status").waitFor();
    expect(await noScript.getByRole("status").innerText()).toMatch(/tilmeldt holdet „Demohold/);
    await plain.close();
  });

  test("Min konto lists the sessions; ending the other one signs that browser out; the password changes", async () => {
    const other = await browser.newContext({ locale: "da-DK" });
    const otherPage = await other.newPage();
    await logInWithKeyboard(otherPage, app.url, DEMO.author, "forfatterens-nye-kode");

    await page.getByRole("link", { name: "Frede Forfatter" }).click();
    await waitForPage(page, (url) => url.pathname === "/min-konto", "Min konto");
    await expectAccessibleAtBothWidths(page);
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain("(denne browser)");
    await page.getByRole("button", { name: "Log ud alle andre steder" }).click();
    await page.getByRole("status").waitFor();
    expect(await page.getByRole("status").innerText()).toContain("Du er logget ud alle andre steder.");
    await otherPage.goto(`${app.url}/min-konto`);
    await otherPage.waitForURL((url) => url.pathname === "/login");
    await other.close();

    await page.getByLabel("Nuværende adgangskode").fill("forkert-adgangskode");
    await page.getByLabel("Ny adgangskode", { exact: true }).fill("endnu-en-ny-kode");
    await page.getByLabel("Gentag den nye adgangskode").fill("endnu-en-ny-kode");
    await page.getByRole("button", { name: "Skift adgangskode" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Den nuværende adgangskode er forkert.");
    await page.getByLabel("Nuværende adgangskode").fill("forfatterens-nye-kode");
    await page.getByLabel("Ny adgangskode", { exact: true }).fill("endnu-en-ny-kode");
    await page.getByLabel("Gentag den nye adgangskode").fill("endnu-en-ny-kode");
    await page.getByRole("button", { name: "Skift adgangskode" }).click();
    await page.getByText("Din adgangskode er ændret.").waitFor();
    await expectAccessibleAtBothWidths(page);
  });

  test("an import shows each row's fate first; the new user accepts the mailed invitation and lands in the cohort", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "sagslab-import-"));
    const file = path.join(folder, "brugere.csv");
    // As Danish Excel saves "CSV (semikolonsepareret)": Windows-1252, semicolons, CRLF.
    const text =
      "Navn;E-mail;Rolle;Kommune;Hold\r\nIda Ibsen;ida@demo.sagslab.dk;Sagsbehandler;demo kommune;DEMO-2026\r\nForkert Række;ikke-en-adresse;chef;Demo Kommune;\r\n";
    writeFileSync(file, Buffer.from(text, "latin1"));
    await admin.goto(`${app.url}/admin/import`);
    await expectAccessibleAtBothWidths(admin);
    await admin.getByLabel("CSV-fil").setInputFiles(file);
    await admin.getByRole("button", { name: "Vis hvad der vil ske" }).click();
    await admin.getByRole("heading", { name: "Forhåndsvisning" }).waitFor();
    const table = await admin.locator("table").innerText();
    expect(table).toContain("Oprettes");
    expect(table).toContain("„ikke-en-adresse“ er ikke en gyldig e-mailadresse.");
    expect(await admin.getByRole("button", { name: /^Importér/ }).count()).toBe(0);
    await expectAccessibleAtBothWidths(admin);

    writeFileSync(file, Buffer.from(text.split("\r\n").slice(0, 2).join("\r\n"), "latin1"));
    await admin.getByLabel("CSV-fil").setInputFiles(file);
    await admin.getByRole("button", { name: "Vis hvad der vil ske" }).click();
    await admin.getByRole("button", { name: "Importér 1 bruger" }).click();
    await admin.getByRole("status").waitFor();
    expect(await admin.getByRole("status").innerText()).toContain(
      "1 bruger er oprettet, 1 tilmeldt et hold, 1 invitationer sendt",
    );

    const link = await mailedLink("ida@demo.sagslab.dk", "/invitation/");
    await page.context().clearCookies();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Velkommen til Sagslab, Ida Ibsen" }).waitFor();
    await expectAccessibleAtBothWidths(page);
    await page.getByLabel("Ny adgangskode", { exact: true }).fill("idas-egen-kode");
    await page.getByLabel("Gentag den nye adgangskode").fill("idas-egen-kode");
    await page.getByRole("button", { name: "Opret min adgang" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.locator(".app-user").innerText()).toContain("Ida Ibsen");
    await page.goto(`${app.url}/min-konto`);
    expect(await page.locator("main").innerText()).toContain("Demohold – handicapområdet");
    await page.goto(link);
    await page.getByText("Invitationen er allerede brugt.").waitFor();
  });
});
