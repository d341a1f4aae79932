/**
 * The cohort's settings page, keyboard only, with and without JavaScript: a refusal of one of
 * its forms shows in that form only (with what was typed kept); the cohort's name, dates and
 * modules are changed; a follow-up date is moved and put back; a participant is removed after a
 * confirmation (and not when it is regretted); the cohort is archived and restored. axe on every
 * state with JavaScript.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { AppServer } from "./app-server";
import {
  activateWithKeyboard,
  DEMO,
  expectAccessible,
  expectAccessibleAtBothWidths,
  focusedText,
  waitForPage,
} from "./browser";
import { closeSession, openSession } from "./session";

const skipReason = inject("browserSkipReason");
const COHORT = /^Demohold – handicapområdet/;
const FOLLOW_UP = "Opfølgning på Eksempelmodul – sådan virker Sagslab";
/** The participant's "Fjern" button, named for screen readers (its words after "Fjern" are visually hidden). */
const REMOVE_SARA = /^Fjern\s*Sara Sagsbehandler fra holdet$/;

/** From the trainer's list to the demo cohort's settings page. */
async function openSettings(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/underviser`);
  const href = await page.getByRole("link", { name: COHORT }).first().getAttribute("href");
  await page.goto(`${baseUrl}${href}/indstillinger`);
  await waitForPage(page, /\/indstillinger$/, /^Indstillinger for /);
}

/** Empties a field and types into it, then sends its form with Enter, as a keyboard user does. */
async function typeAndSend(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill("");
  await field.focus();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

const section = (page: Page, heading: string) =>
  page.locator("section", { has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });

describe.skipIf(Boolean(skipReason))("the cohort's settings with JavaScript, keyboard only", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ email: DEMO.trainer }));
    await openSettings(page, app.url);
  });
  afterAll(() => closeSession({ app, browser }));

  test("a refusal of one form shows in that form only, with what was typed kept and focus on its summary", async () => {
    await expectAccessible(page);
    const details = section(page, "Navn, datoer og moduler");
    const followUps = section(page, "Opfølgning efter forløbet");

    await typeAndSend(page, FOLLOW_UP, "ikke en dato");
    await followUps.getByRole("alert").waitFor();
    expect(await focusedText(page)).toMatch(
      /^Ændringen er ikke gemt\.\s+Skriv datoen som en dato, fx 1\. december 2026\.$/,
    );
    expect(await page.getByRole("alert").count()).toBe(1);
    expect(await page.locator(".form-error").count()).toBe(1);
    expect(await followUps.locator(".form-error").count()).toBe(1);
    expect(await page.getByLabel(FOLLOW_UP).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel(FOLLOW_UP).inputValue()).toBe("ikke en dato");
    // The summary's message links to its field.
    const href = await followUps.getByRole("alert").getByRole("link").getAttribute("href");
    expect(href).toBe(`#${await page.getByLabel(FOLLOW_UP).getAttribute("id")}`);
    await expectAccessibleAtBothWidths(page);

    // The details form refuses its own name; the follow-up's summary is gone, nothing of it in the details.
    await typeAndSend(page, "Holdets navn", " ");
    await details.getByRole("alert").waitFor();
    expect(await focusedText(page)).toMatch(/^Ændringen er ikke gemt\.\s+Skriv holdets navn\.$/);
    expect(await page.getByRole("alert").count()).toBe(1);
    expect(await followUps.getByRole("alert").count()).toBe(0);
    expect(await details.locator(".form-error").count()).toBe(1);
    expect(await page.getByLabel("Holdets navn").getAttribute("aria-invalid")).toBe("true");
    expect(await details.getByText("Skriv datoen som en dato").count()).toBe(0);
    await expectAccessibleAtBothWidths(page);
  });

  test("the cohort's name and end date are changed", async () => {
    await typeAndSend(page, "Holdets navn", "Demohold – efterår");
    await page.getByRole("status").filter({ hasText: "Holdets navn, datoer og moduler er gemt." }).waitFor();
    await page.getByRole("heading", { level: 1, name: "Indstillinger for Demohold – efterår" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);

    await typeAndSend(page, "Slutdato", "31.12.2099");
    await page.getByRole("status").filter({ hasText: "Holdets navn, datoer og moduler er gemt." }).waitFor();
    await page.reload();
    expect(await page.getByLabel("Slutdato").inputValue()).toBe("31. december 2099");
    expect(await page.getByLabel("Holdets navn").inputValue()).toBe("Demohold – efterår");
    await expectAccessible(page);
  });

  test("a follow-up date is moved, and put back to the course's by emptying the field", async () => {
    await typeAndSend(page, FOLLOW_UP, "1. marts 2100");
    await page.getByRole("status").filter({ hasText: "Opfølgningens dato er gemt." }).waitFor();
    await page.getByText("Du har flyttet datoen; tøm feltet for kursets dato.").waitFor();
    await page.reload();
    expect(await page.getByLabel(FOLLOW_UP).inputValue()).toBe("1. marts 2100");

    await page.getByLabel(FOLLOW_UP).fill("");
    await page.getByLabel(FOLLOW_UP).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Opfølgningen følger igen kursets dato." }).waitFor();
    await page.getByText("Kursets dato: 90 dage efter slutdatoen.").waitFor();
    await expectAccessible(page);
  });

  test("a participant is removed only after the question is answered yes", async () => {
    const participants = page.getByRole("table", { name: /^Holdets deltagere/ });
    expect(await participants.locator("tbody th").allInnerTexts()).toEqual(["Sara Sagsbehandler"]);

    // Each time from the top of the page, as a keyboard user coming to it.
    await page.reload();
    await activateWithKeyboard(page, REMOVE_SARA, 120);
    await page.getByRole("heading", { name: "Fjern Sara Sagsbehandler fra holdet?" }).waitFor();
    expect(await focusedText(page)).toBe("Fjern Sara Sagsbehandler fra holdet?");
    await expectAccessibleAtBothWidths(page);
    // Regretted: nothing changes.
    await activateWithKeyboard(page, "Fortryd");
    await page.getByRole("heading", { name: "Fjern Sara Sagsbehandler fra holdet?" }).waitFor({ state: "detached" });
    expect(await participants.locator("tbody th").allInnerTexts()).toEqual(["Sara Sagsbehandler"]);

    await page.reload();
    await activateWithKeyboard(page, REMOVE_SARA, 120);
    await page.getByRole("heading", { name: "Fjern Sara Sagsbehandler fra holdet?" }).waitFor();
    await activateWithKeyboard(page, "Ja, fjern deltageren");
    await page.getByRole("status").filter({ hasText: "Sara Sagsbehandler er fjernet fra holdet." }).waitFor();
    await page.getByText("Ingen deltagere er tilmeldt endnu.").waitFor();
    expect(await page.getByRole("heading", { name: "Fjern Sara Sagsbehandler fra holdet?" }).count()).toBe(0);
    await expectAccessible(page);
  });

  test("the cohort is archived (read-only) and restored", async () => {
    await page.reload();
    await activateWithKeyboard(page, "Arkivér holdet", 160);
    await page.getByRole("status").filter({ hasText: "Holdet er arkiveret." }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Holdet er arkiveret" }).waitFor();
    expect(await page.getByLabel("Holdets navn").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Giv holdet en ny tilmeldingskode" }).count()).toBe(0);
    await expectAccessibleAtBothWidths(page);

    await page.reload();
    await activateWithKeyboard(page, "Gendan holdet", 80);
    await page.getByRole("status").filter({ hasText: "Holdet er gendannet og kan ændres igen." }).waitFor();
    await page.getByLabel("Holdets navn").waitFor();
    expect(await page.getByLabel("Holdets navn").inputValue()).toBe("Demohold – efterår");
    await expectAccessible(page);
  });
});

describe.skipIf(Boolean(skipReason))("the cohort's settings without JavaScript", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ email: DEMO.trainer, javaScriptEnabled: false }));
    await openSettings(page, app.url);
  });
  afterAll(() => closeSession({ app, browser }));

  // Plain form posts: each Enter loads a new page. (axe needs JavaScript in the page; the same
  // screens are checked with it above.)
  test("a refused date shows in its own form with what was typed; the details form still saves", async () => {
    await typeAndSend(page, FOLLOW_UP, "den 45. i 13.");
    await page.waitForLoadState();
    const followUps = section(page, "Opfølgning efter forløbet");
    await followUps.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").count()).toBe(1);
    expect(await page.getByLabel(FOLLOW_UP).inputValue()).toBe("den 45. i 13.");
    expect(await page.getByLabel("Holdets navn").inputValue()).toBe("Demohold – handicapområdet");

    // Without JavaScript what was typed comes back from the server: the end date typed beside the empty name.
    await page.getByLabel("Slutdato", { exact: true }).fill("1.1.2100");
    await typeAndSend(page, "Holdets navn", "");
    await page.waitForLoadState();
    await section(page, "Navn, datoer og moduler").getByRole("alert").waitFor();
    expect(await page.getByRole("alert").count()).toBe(1);
    expect(await page.getByLabel("Holdets navn").inputValue()).toBe("");
    expect(await page.getByLabel("Slutdato").inputValue()).toBe("1.1.2100");
    expect(await page.getByLabel(FOLLOW_UP).getAttribute("aria-invalid")).toBeNull();

    await typeAndSend(page, "Holdets navn", "Demohold uden script");
    await page.waitForLoadState();
    await page.getByRole("status").filter({ hasText: "Holdets navn, datoer og moduler er gemt." }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Indstillinger for Demohold uden script");
  });
});
