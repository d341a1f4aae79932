/**
 * Administration of users in the browser (issue 16): the create form at the top of /admin sends
 * an invitation, the list filters by role, a user's page corrects name and e-mail; a trainer
 * invites a participant from the cohort's settings, who accepts the mailed link and lands on the
 * cohort; "Min konto" downloads the user's own data. Mails are files listed at /admin/mail (demo
 * mode without SMTP_URL). axe at 1280 and 390 px on every new page.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessibleAtBothWidths,
  launchBrowser,
  logInWithKeyboard,
  mailedLink,
  waitForPage,
} from "./browser";

const skipReason = inject("browserSkipReason");

describe.skipIf(Boolean(skipReason))("administration of users, invitations and own data", () => {
  let app: AppServer;
  let browser: Browser;
  let admin: Page;
  let trainerContext: BrowserContext;
  let trainer: Page;

  beforeAll(async () => {
    app = await startAppServer();
    ({ browser, page: admin } = await launchBrowser());
    await logInWithKeyboard(admin, app.url, DEMO.admin, DEMO_PASSWORD);
    trainerContext = await browser.newContext({ locale: "da-DK" });
    trainerContext.setDefaultTimeout(15_000);
    trainer = await trainerContext.newPage();
    await logInWithKeyboard(trainer, app.url, DEMO.trainer, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("the create form comes first and invites by e-mail; the list filters by role; a user's page edits", async () => {
    await admin.goto(`${app.url}/admin`);
    const headings = await admin.getByRole("heading", { level: 2 }).allInnerTexts();
    expect(headings.slice(0, 4)).toEqual(["Opret bruger", "Opret kommune", "Brugere", "Kommuner"]);
    await expectAccessibleAtBothWidths(admin);

    await admin.getByLabel("Navn", { exact: true }).fill("Karin Kragh");
    await admin.getByLabel("E-mail", { exact: true }).fill("karin.kragh@demo.sagslab.dk");
    await admin.getByLabel("Rolle", { exact: true }).first().selectOption({ label: "Underviser" });
    await admin.getByLabel("Kommune", { exact: true }).first().selectOption({ label: "Demo Kommune" });
    await admin.getByRole("button", { name: "Opret bruger" }).click();
    await admin.getByRole("status").waitFor();
    expect(await admin.getByRole("status").innerText()).toContain(
      "Brugeren karin.kragh@demo.sagslab.dk er oprettet som underviser og har fået en invitation på e-mail",
    );
    // The form is empty again for the next user.
    expect(await admin.getByLabel("Navn", { exact: true }).inputValue()).toBe("");

    const filter = admin.getByRole("search", { name: "Find brugere" });
    await filter.getByLabel("Rolle").selectOption({ label: "Underviser" });
    await filter.getByRole("button", { name: "Vis brugere" }).click();
    await admin.waitForURL((url) => url.searchParams.get("rolle") === "trainer");
    const rows = admin.getByRole("table", { name: /^Brugere/ }).locator("tbody tr");
    await admin.getByText("2 brugere passer").waitFor();
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(
        /^Karin Kragh\s+karin\.kragh@demo\.sagslab\.dk\s+Demo Kommune\s+Underviser\s+Aktiv, har ikke logget ind endnu$/,
      ),
      expect.stringMatching(/^Ulla Underviser/),
    ]);
    await expectAccessibleAtBothWidths(admin);

    await admin.getByRole("link", { name: "Karin Kragh" }).click();
    await waitForPage(admin, /\/admin\/brugere\/[0-9a-f-]{36}$/, "Karin Kragh");
    await expectAccessibleAtBothWidths(admin);
    await admin.getByLabel("E-mail", { exact: true }).fill("ikke-en-adresse");
    await admin.getByRole("button", { name: "Gem oplysninger" }).click();
    await admin.getByRole("alert").waitFor();
    expect(await admin.getByRole("alert").innerText()).toContain("Skriv en gyldig e-mailadresse.");
    await expectAccessibleAtBothWidths(admin);
    await admin.getByLabel("Navn", { exact: true }).fill("Karin Kragh Holm");
    await admin.getByLabel("E-mail", { exact: true }).fill("karin.holm@demo.sagslab.dk");
    await admin.getByRole("button", { name: "Gem oplysninger" }).click();
    await admin.getByRole("heading", { level: 1, name: "Karin Kragh Holm" }).waitFor();
    expect(await admin.getByRole("status").innerText()).toContain("Brugerens navn og e-mail er gemt.");
    await admin.getByRole("button", { name: "Send invitation til karin.holm@demo.sagslab.dk" }).click();
    await admin.getByText("Invitationen er sendt til karin.holm@demo.sagslab.dk").waitFor();
  });

  test("a trainer invites a participant, who accepts the mailed link and lands on the cohort", async () => {
    await trainer.goto(`${app.url}/underviser`);
    await trainer.getByRole("link", { name: "Demohold – handicapområdet" }).first().click();
    await trainer.getByRole("link", { name: "Holdets indstillinger" }).click();
    await waitForPage(trainer, /\/indstillinger$/, "Indstillinger for Demohold – handicapområdet");
    await expectAccessibleAtBothWidths(trainer);

    const box = trainer.getByLabel("Deltagere, én pr. linje");
    await box.fill("Lone Lund lone.lund@demo.sagslab.dk\nMads uden-adresse");
    await trainer.getByRole("button", { name: "Send invitationer" }).click();
    await trainer.getByRole("alert").waitFor();
    expect(await trainer.getByRole("alert").innerText()).toContain("Linje 2: der mangler en e-mailadresse.");
    await expectAccessibleAtBothWidths(trainer);
    await box.fill("Lone Lund lone.lund@demo.sagslab.dk");
    await trainer.getByRole("button", { name: "Send invitationer" }).click();
    await trainer.getByRole("status").waitFor();
    expect(await trainer.getByRole("status").innerText()).toContain("Der er sendt en invitation");
    const open = trainer.getByRole("table", { name: "Invitationer, der endnu ikke er taget imod" });
    expect(await open.innerText()).toContain("lone.lund@demo.sagslab.dk");
    expect(await box.inputValue()).toBe("");

    const link = await mailedLink(admin, app.url, "lone.lund@demo.sagslab.dk", "/invitation/");
    const invitee = await browser.newContext({ locale: "da-DK" });
    const page = await invitee.newPage();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Velkommen til Sagslab, Lone Lund" }).waitFor();
    await page.getByLabel("Ny adgangskode", { exact: true }).fill("lones-egen-kode");
    await page.getByLabel("Gentag den nye adgangskode").fill("lones-egen-kode");
    await page.getByRole("button", { name: "Opret min adgang" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    await page.getByRole("link", { name: "Lone Lund" }).click();
    await waitForPage(page, (url) => url.pathname === "/min-konto", "Min konto");
    expect(await page.locator("main").innerText()).toContain("Demohold – handicapområdet");
    await expectAccessibleAtBothWidths(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Hent mine data (JSON)" }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, "utf8")) as {
      tables: { users: { email: string }[]; cohort_members: unknown[] };
    };
    expect(exported.tables.users).toEqual([expect.objectContaining({ email: "lone.lund@demo.sagslab.dk" })]);
    expect(exported.tables.cohort_members).toHaveLength(1);
    await invitee.close();

    // The invitation is no longer open on the settings page.
    await trainer.reload();
    expect(await trainer.getByRole("table", { name: "Invitationer, der endnu ikke er taget imod" }).count()).toBe(0);
  });
});
