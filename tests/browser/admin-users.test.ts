/**
 * Administration of users in the browser (issue 16): the create form at the top of /admin sends
 * an invitation, the list filters by role, a user's page corrects name and e-mail; a trainer
 * invites a participant from the cohort's settings, who accepts the mailed link and lands on the
 * cohort; "Min konto" downloads the user's own data. Mails are files listed at /admin/mail (demo
 * mode without SMTP_URL). axe at 1280 and 390 px on every new page.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessibleAtBothWidths,
  focusedText,
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

  /** The forms of /admin a test looks into: the two at the top and a kommune's row. */
  const adminForms = (page: Page) => ({
    createUser: page.locator("form", { has: page.getByRole("button", { name: "Opret bruger" }) }),
    createKommune: page.locator("form", { has: page.getByRole("button", { name: "Opret kommune" }) }),
    row: (kommune: string) => page.locator("tr", { has: page.getByRole("link", { name: kommune, exact: true }) }),
  });
  const invalid = (field: Locator) => field.getAttribute("aria-invalid");

  test("a refusal of one form on /admin shows in that form only; the others keep what was typed", async () => {
    await admin.goto(`${app.url}/admin`);
    const forms = adminForms(admin);
    await admin.getByLabel("Kommunens navn").fill("Nordby Kommune");
    await admin.getByRole("button", { name: "Opret kommune" }).click();
    await admin.getByRole("status").waitFor();
    expect(await admin.getByRole("status").innerText()).toContain("Kommunen „Nordby Kommune“ er oprettet.");
    expect(await admin.getByLabel("Kommunens navn").inputValue()).toBe("");

    // Half a new user typed, then a kommune renamed to a name that is taken.
    await admin.getByLabel("Navn", { exact: true }).fill("Halvt Udfyldt");
    const nordby = forms.row("Nordby Kommune");
    const newName = nordby.getByLabel("Nyt navn for Nordby Kommune");
    await newName.fill("Demo Kommune");
    await nordby.getByRole("button", { name: "Omdøb Nordby Kommune" }).click();
    await nordby.getByRole("alert").waitFor();
    expect(await nordby.getByRole("alert").innerText()).toContain(
      "Der findes allerede en kommune med navnet „Demo Kommune“.",
    );
    // The row's summary takes focus; it is the page's only message.
    expect(await focusedText(admin)).toContain("Der findes allerede en kommune med navnet „Demo Kommune“.");
    expect(await admin.getByRole("alert").count()).toBe(1);
    expect(await admin.getByRole("status").count()).toBe(0);
    expect(await newName.inputValue()).toBe("Demo Kommune");
    // The other forms are as they were: no message, nothing marked, the typed name still there.
    const demo = forms.row("Demo Kommune");
    expect(await invalid(demo.getByLabel("Nyt navn for Demo Kommune"))).toBeNull();
    expect(await demo.getByLabel("Nyt navn for Demo Kommune").inputValue()).toBe("Demo Kommune");
    expect(await forms.createUser.getByRole("alert").count()).toBe(0);
    expect(await admin.getByLabel("Navn", { exact: true }).inputValue()).toBe("Halvt Udfyldt");
    expect(await invalid(admin.getByLabel("Kommunens navn"))).toBeNull();
    await expectAccessibleAtBothWidths(admin);

    // A refusal of the create form moves to it: the row's message is gone.
    await admin.getByLabel("E-mail", { exact: true }).fill("ikke-en-adresse");
    await admin.getByRole("button", { name: "Opret bruger" }).click();
    await forms.createUser.getByRole("alert").waitFor();
    expect(await forms.createUser.getByRole("alert").innerText()).toContain("Skriv en gyldig e-mailadresse.");
    expect(await admin.getByRole("alert").count()).toBe(1);
    expect(await invalid(admin.getByLabel("E-mail", { exact: true }))).toBe("true");
    expect(await invalid(newName)).toBeNull();

    // The kommune nothing refers to is deleted from its row; the confirmation is at the top.
    await nordby.getByRole("button", { name: "Slet Nordby Kommune" }).click();
    await admin.getByRole("status").waitFor();
    expect(await admin.getByRole("status").innerText()).toContain("Kommunen „Nordby Kommune“ er slettet.");
    await nordby.waitFor({ state: "detached" });
  });

  test("without JavaScript, a refused form on /admin shows its message and keeps its values; the others none", async () => {
    const { browser: plain, page } = await launchBrowser({ javaScriptEnabled: false });
    try {
      await logInWithKeyboard(page, app.url, DEMO.admin, DEMO_PASSWORD);
      await page.goto(`${app.url}/admin`);
      const forms = adminForms(page);
      await page.getByLabel("Navn", { exact: true }).fill("Jens Uden Script");
      await page.getByLabel("E-mail", { exact: true }).fill("jens.uden.script@demo.sagslab.dk");
      await page.getByLabel("Rolle", { exact: true }).first().selectOption({ label: "Forfatter" });
      await page.getByLabel("Jeg vælger en adgangskode og giver den til brugeren").check();
      await page.getByLabel("Adgangskode", { exact: true }).fill("kort");
      await page.getByRole("button", { name: "Opret bruger" }).click();
      await forms.createUser.getByRole("alert").waitFor();
      expect(await forms.createUser.getByRole("alert").innerText()).toContain("Adgangskoden skal have mindst 10 tegn.");
      expect(await page.getByRole("alert").count()).toBe(1);
      expect(await page.getByLabel("Navn", { exact: true }).inputValue()).toBe("Jens Uden Script");
      expect(await page.getByLabel("E-mail", { exact: true }).inputValue()).toBe("jens.uden.script@demo.sagslab.dk");
      expect(await page.getByLabel("Rolle", { exact: true }).first().inputValue()).toBe("author");
      expect(await page.getByLabel("Jeg vælger en adgangskode og giver den til brugeren").isChecked()).toBe(true);
      // The password is never sent back.
      expect(await page.getByLabel("Adgangskode", { exact: true }).inputValue()).toBe("");
      expect(await invalid(forms.row("Demo Kommune").getByLabel("Nyt navn for Demo Kommune"))).toBeNull();

      // A kommune's empty new name is refused in its row; the create form is empty again.
      const demo = forms.row("Demo Kommune");
      await demo.getByLabel("Nyt navn for Demo Kommune").fill(" ");
      await demo.getByRole("button", { name: "Omdøb Demo Kommune" }).click();
      await demo.getByRole("alert").waitFor();
      expect(await demo.getByRole("alert").innerText()).toContain("Skriv kommunens navn.");
      expect(await page.getByRole("alert").count()).toBe(1);
      expect(await forms.createUser.getByRole("alert").count()).toBe(0);
      expect(await page.getByLabel("Navn", { exact: true }).inputValue()).toBe("");
    } finally {
      await plain.close();
    }
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
