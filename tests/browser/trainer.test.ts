/**
 * A trainer creates a cohort, a learner joins with the code and plays a case and a quiz, and the
 * trainer sees the numbers change; the charts have tables; the CSV downloads with a BOM. Keyboard
 * only (dates typed in Danish); axe on every page.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import {
  activateWithKeyboard,
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  focusedText,
  launchBrowser,
  logInWithKeyboard,
  selectOptionWithKeyboard,
  waitForPage,
} from "./browser";

const skipReason = inject("browserSkipReason");
const MODULE_TITLE = "Eksempelmodul – sådan virker Sagslab";

describe.skipIf(Boolean(skipReason))("a trainer follows a new cohort, keyboard only", () => {
  let app: AppServer;
  let browser: Browser;
  let trainer: Page;
  let learner: Page;
  let dashboardUrl = "";
  let joinCode = "";

  beforeAll(async () => {
    app = await startAppServer();
    ({ browser, page: trainer } = await launchBrowser());
    const context = await browser.newContext({ locale: "da-DK" });
    context.setDefaultTimeout(15_000);
    learner = await context.newPage();
    await logInWithKeyboard(trainer, app.url, DEMO.trainer, DEMO_PASSWORD);
    await logInWithKeyboard(learner, app.url, DEMO.learner, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("the trainer creates a cohort and gets a join code and link", async () => {
    await trainer.goto(`${app.url}/underviser`);
    await expectAccessible(trainer);
    await activateWithKeyboard(trainer, "Opret et hold");
    await waitForPage(trainer, /\/underviser\/hold\/ny$/, "Opret et hold");
    await expectAccessible(trainer);

    // Submitting empty gives Danish messages and creates nothing.
    await activateWithKeyboard(trainer, "Opret holdet");
    await trainer.getByRole("alert").waitFor();
    expect(await trainer.getByRole("alert").innerText()).toMatch(/Skriv holdets navn\./);
    expect(await trainer.getByRole("alert").innerText()).toMatch(/Vælg mindst ét modul\./);
    await expectAccessible(trainer);

    // The fixture course's draft module is for authors; a trainer cannot put it on a cohort.
    expect(await trainer.getByText(/Kladdemodul/).count()).toBe(0);

    await trainer.getByLabel("Holdets navn").focus();
    await trainer.keyboard.type("Egeby, forår");
    // Dates typed the Danish way, as the field's hint says.
    await trainer.getByLabel("Startdato").focus();
    await trainer.keyboard.type("5. januar 2026");
    await trainer.getByLabel("Slutdato").focus();
    await trainer.keyboard.type("30.6.2099");
    await selectOptionWithKeyboard(trainer, MODULE_TITLE);
    await activateWithKeyboard(trainer, "Opret holdet");
    await trainer.waitForURL(/\/underviser\/hold\/[0-9a-f-]{36}\?oprettet=1$/);
    dashboardUrl = trainer.url().split("?")[0]!;
    joinCode = (await trainer.getByTestId("join-code").innerText()).trim();
    expect(joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await trainer.getByRole("link", { name: new RegExp(`/tilmeld/${joinCode}$`) }).count()).toBe(1);
    expect(await trainer.getByText("Ingen deltagere er tilmeldt endnu").count()).toBe(1);
    await expectAccessible(trainer);
  });

  test("the learner is refused a wrong code in Danish, then joins with the right one", async () => {
    await learner.goto(`${app.url}/tilmeld`);
    await learner.getByLabel("Tilmeldingskode").focus();
    await learner.keyboard.type("FORKERT-KODE");
    await learner.keyboard.press("Enter");
    await learner.getByRole("alert").waitFor();
    expect(await learner.getByRole("alert").innerText()).toMatch(/Der findes intet hold med den kode/);
    await expectAccessible(learner);

    await learner.getByLabel("Tilmeldingskode").fill("");
    await learner.getByLabel("Tilmeldingskode").focus();
    await learner.keyboard.type(joinCode.toLowerCase());
    await learner.keyboard.press("Enter");
    await learner.getByRole("status").waitFor();
    expect(await learner.getByRole("status").innerText()).toBe(
      "Du er nu tilmeldt holdet „Egeby, forår“ (Demo Kommune).",
    );
    await expectAccessible(learner);

    // The join link shows the cohort before joining.
    await learner.goto(`${app.url}/tilmeld/${joinCode}`);
    expect(await learner.getByText("Du er inviteret til holdet").innerText()).toMatch(/Egeby, forår/);
    await expectAccessible(learner);
  });

  test("the learner sees no dashboard", async () => {
    const response = await learner.goto(dashboardUrl);
    expect(response?.status()).toBe(403);
    const csv = await learner.context().request.get(`${dashboardUrl}/eksport.csv`);
    expect(csv.status()).toBe(403);
  });

  test("the learner plays the case to a wrong end and fails the quiz; the trainer sees it", async () => {
    await learner.goto(`${app.url}/moduler/eksempel/eksempel-case-stol`);
    await activateWithKeyboard(learner, "Start casen");
    for (const button of ["Giv afslag på det foreliggende grundlag", "Se resultatet"]) {
      // Before hydration the form posts natively; wait for the next page before pressing Tab.
      await learner.getByRole("button", { name: button }).waitFor();
      await activateWithKeyboard(learner, button);
      await learner.waitForLoadState("networkidle");
    }
    await learner.getByRole("heading", { name: "Resultat: Forkert" }).waitFor();

    await learner.goto(`${app.url}/moduler/eksempel/eksempel-quiz`);
    for (const answer of [
      "Borgeren, der har søgt",
      "Ja, med borgerens samtykke",
      "Henvisning til de regler, afgørelsen bygger på",
      "Når borgeren ikke får fuldt medhold",
    ]) {
      await selectOptionWithKeyboard(learner, answer);
    }
    await activateWithKeyboard(learner, "Indsend svar");
    await learner.getByRole("heading", { name: /Ikke bestået/ }).waitFor();

    await trainer.goto(dashboardUrl);

    // Every section is collapsed under its heading and one-line summary.
    for (const heading of ["Her går holdet galt", "Fremskridt", "Quizzer", "Cases", "Evaluering"]) {
      expect(await trainer.getByRole("heading", { level: 2, name: heading }).isVisible()).toBe(true);
    }
    expect(await trainer.locator(".dashboard-section > details[open]").count()).toBe(0);
    expect(await trainer.getByText("1 deltager · 0 har gennemført alle holdets moduler").count()).toBe(1);
    await trainer.locator("summary", { hasText: "Vis fremskridt" }).click();
    const matrix = trainer.locator("table.matrix");
    expect(await matrix.locator("tbody tr").count()).toBe(1);
    expect(await matrix.locator("tbody tr").first().innerText()).toMatch(/Sara Sagsbehandler[\s\S]*I gang/);

    // The case: a summary line; its step-by-step figures are collapsed until a link leads into them.
    await trainer.locator("summary", { hasText: "Vis casene trin for trin" }).click();
    expect(await trainer.getByText("1 afslutning nået · 0 ufærdige forsøg", { exact: false }).innerText()).toMatch(
      /Svageste trin: trin 1, hvor 0 % valgte det bedste$/,
    );
    const stepLink = trainer.getByRole("link", { name: "trin 1", exact: true });
    const stepHeading = trainer.locator((await stepLink.getAttribute("href"))!);
    expect(await stepHeading.isVisible()).toBe(false);
    await stepLink.click();
    await expect.poll(() => stepHeading.isVisible()).toBe(true);
    const step = trainer.locator("table", { hasText: "Giv afslag på det foreliggende grundlag" }).first();
    expect(await step.locator("tr", { hasText: "Giv afslag" }).innerText()).toMatch(/1 \(100 %\)\s+1 \(100 %\)/);
    // An ending by its result and text, never its id.
    const ending = trainer.locator("table", { hasText: "afslutninger nået" }).locator("tr", { hasText: "Forkert" });
    expect(await ending.innerText()).toMatch(/^Forkert: \S[\s\S]*\s1\s+1$/);

    // The quiz as numbers, headed by its module, and question 1 answered wrong with "Borgeren, der har søgt".
    await trainer.locator("summary", { hasText: "Vis quizzernes tal" }).click();
    expect(
      await trainer.getByRole("heading", { level: 3, name: new RegExp(`^${MODULE_TITLE}: `) }).count(),
    ).toBeGreaterThan(0);
    expect(await trainer.getByText(/Bestået \(mindst \d+ %\) i første forsøg: 0 af 1/).count()).toBe(1);
    const question = trainer.locator("tr", { hasText: "1. " }).filter({ hasText: "Borgeren, der har søgt" });
    expect(await question.innerText()).toMatch(/0 %/);

    // Per topic: a figure with a chart and a table with the same numbers.
    await trainer.locator("summary", { hasText: "Pr. emne" }).click();
    const figure = trainer.locator("figure", { hasText: "pr. emne" });
    expect(await figure.locator(".bar-chart[role=img]").count()).toBe(1);
    const topicTable = figure.locator("table");
    expect(await topicTable.locator("caption").innerText()).toMatch(/pr\. emne/);
    expect(await topicTable.locator("tbody th").first().innerText()).toMatch(
      /Sagsoplysning|Begrundelse|Klagevejledning/,
    );
    expect(
      await trainer
        .locator("figure", { hasText: "gennemført hvert modul" })
        .locator(".bar-chart[role=img] + .scroll-box table")
        .count(),
    ).toBe(1);
    await expectAccessible(trainer);
  });

  test("the matrix sorts by a column through the URL (no JavaScript needed)", async () => {
    await trainer.goto(`${dashboardUrl}?sorter=aktivitet&retning=faldende`);
    const header = trainer.locator("table.matrix th[aria-sort]");
    expect(await header.innerText()).toMatch(/Seneste aktivitet/);
    expect(await header.getAttribute("aria-sort")).toBe("descending");
  });

  test("on a phone the dashboard fits the screen: wide tables scroll in their own box", async () => {
    const desktop = trainer.viewportSize()!;
    await trainer.setViewportSize({ width: 390, height: 800 });
    try {
      await trainer.goto(dashboardUrl);
      expect(await trainer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await trainer.setViewportSize(desktop);
    }
  });

  test("the CSV downloads with a BOM and semicolons", async () => {
    await trainer.goto(dashboardUrl);
    const download = trainer.waitForEvent("download");
    await activateWithKeyboard(trainer, "Hent som CSV", 80);
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toMatch(/^Navn;E-mail;Seneste aktivitet;/);
    expect(text).toContain("Sara Sagsbehandler;sagsbehandler@demo.sagslab.dk;");
  });

  test("an administrator sees every cohort and manages users; a cohort the trainer does not train is refused, CSV too", async () => {
    await activateWithKeyboard(learner, "Log ud");
    await learner.waitForURL((url) => url.pathname === "/" || url.pathname === "/login");
    await logInWithKeyboard(learner, app.url, DEMO.admin, DEMO_PASSWORD);
    const admin = learner;
    expect((await admin.goto(dashboardUrl))?.status()).toBe(200);
    await admin.goto(`${app.url}/admin`);
    await expectAccessible(admin);

    // The administrator creates a cohort of their own, which the demo trainer does not train.
    await admin.goto(`${app.url}/underviser/hold/ny`);
    await admin.getByLabel("Holdets navn").fill("Administratorens hold");
    await admin.getByLabel("Startdato").fill("2026-01-05");
    await admin.getByLabel("Slutdato").fill("2099-06-30");
    await selectOptionWithKeyboard(admin, MODULE_TITLE);
    await activateWithKeyboard(admin, "Opret holdet");
    await admin.waitForURL(/oprettet=1$/);
    const foreign = admin.url().split("?")[0]!;

    expect((await trainer.goto(foreign))?.status()).toBe(403);
    expect(await trainer.getByRole("heading", { level: 1 }).innerText()).toBe("Du har ikke adgang");
    expect((await trainer.context().request.get(`${foreign}/eksport.csv`)).status()).toBe(403);
    await trainer.goto(`${app.url}/underviser`);
    expect(await trainer.getByRole("link", { name: "Administratorens hold" }).count()).toBe(0);
    expect((await trainer.goto(`${app.url}/admin`))?.status()).toBe(403);
  });

  test("the trainer gives the cohort a new join code and adds a colleague, from the dashboard's settings", async () => {
    await trainer.goto(dashboardUrl);
    await activateWithKeyboard(trainer, "Holdets indstillinger");
    await waitForPage(trainer, /\/indstillinger$/, "Indstillinger for Egeby, forår");
    await expectAccessible(trainer);

    await activateWithKeyboard(trainer, "Giv holdet en ny tilmeldingskode");
    // Asked first, with focus on the question; the code is unchanged until confirmed.
    await trainer.getByRole("heading", { name: "Giv holdet en ny tilmeldingskode?" }).waitFor();
    expect(await focusedText(trainer)).toBe("Giv holdet en ny tilmeldingskode?");
    expect((await trainer.getByTestId("join-code").innerText()).trim()).toBe(joinCode);
    await activateWithKeyboard(trainer, "Ja, giv holdet en ny kode");
    const status = trainer.getByRole("status").filter({ hasText: "den nye tilmeldingskode" });
    await status.waitFor();
    const renewed = /tilmeldingskode ([A-Z2-9]{4}-[A-Z2-9]{4})\./.exec(await status.innerText())?.[1];
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(joinCode);
    // The message comes with the action; the page's code follows when its data is reloaded.
    await expect.poll(async () => (await trainer.getByTestId("join-code").innerText()).trim()).toBe(renewed);

    // A learner's address is refused beside the field, without telling who it is; the administrator's is accepted.
    for (const [email, expected] of [
      [
        DEMO.learner,
        `${DEMO.learner} kan ikke tilføjes som underviser. Det kræver en aktiv underviserkonto i Demo Kommune; en administrator kan oprette den eller give den rollen underviser.`,
      ],
      [DEMO.admin, null],
    ] as const) {
      await trainer.getByLabel("E-mail").fill("");
      await trainer.getByLabel("E-mail").focus();
      await trainer.keyboard.type(email);
      await trainer.keyboard.press("Enter");
      if (expected) {
        await trainer.getByRole("alert").waitFor();
        expect(await focusedText(trainer)).toMatch(/^Underviseren er ikke tilføjet\./);
        expect(await trainer.getByRole("alert").innerText()).toContain(expected);
        expect(await trainer.getByLabel("E-mail").inputValue()).toBe(email);
        await expectAccessible(trainer);
      } else {
        await trainer.getByRole("status").filter({ hasText: "er nu underviser på holdet" }).waitFor();
        await expect.poll(() => trainer.getByLabel("E-mail").inputValue()).toBe("");
      }
    }
    const trainers = trainer.getByRole("table", { name: "Undervisere på holdet" }).locator("tbody th");
    await expect.poll(() => trainers.allInnerTexts()).toEqual(["Anna Administrator", "Ulla Underviser (dig)"]);
    await expectAccessible(trainer);

    // The old code no longer finds the cohort (this page is signed in as the administrator now).
    await learner.goto(`${app.url}/tilmeld/${joinCode}`);
    expect(await learner.locator(".alert-text").innerText()).toMatch(/^Der findes intet hold med den kode/);
  });
});
