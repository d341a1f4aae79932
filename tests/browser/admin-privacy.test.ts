/**
 * Accountability in the browser: an administrator changes a role, deactivates and reactivates a
 * user, a trainer adds and removes a colleague, renews the join code and exports the CSV, and the
 * administrator's Logbog shows every one of them with who, what and the address it came from.
 * Then one user's page: the JSON export of everything stored about them, and the deletion of
 * their learning data, refused without the confirmation and done with it. axe at 1280 and 390 px.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessibleAtBothWidths,
  launchBrowser,
  logInWithKeyboard,
  waitForPage,
} from "./browser";
import { HttpClient } from "./http-client";

const skipReason = inject("browserSkipReason");

describe.skipIf(Boolean(skipReason))("the audit log and one user's data, as an administrator", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  const ids = { author: "", learner: "" };

  beforeAll(async () => {
    app = await startAppServer();
    ({ browser, page } = await launchBrowser());
    await logInWithKeyboard(page, app.url, DEMO.admin, DEMO_PASSWORD);
    await page.goto(`${app.url}/admin`);
    const idOf = async (name: string) =>
      /\/admin\/brugere\/([0-9a-f-]{36})$/.exec(
        (await page.getByRole("link", { name, exact: true }).getAttribute("href")) ?? "",
      )![1]!;
    ids.author = await idOf("Frede Forfatter");
    ids.learner = await idOf("Sara Sagsbehandler");
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("every logged event is on the Logbog with who did it and from which address", async () => {
    // The administrator, on the user's page: a role change, a deactivation and a reactivation.
    await page.getByRole("link", { name: "Frede Forfatter", exact: true }).click();
    await waitForPage(page, new RegExp(`/admin/brugere/${ids.author}$`), "Frede Forfatter");
    await page.getByLabel("Rolle", { exact: true }).selectOption("trainer");
    // Each step waits for the page's data to be read again (the button's new text) before the next:
    // under load a click could otherwise land while the page is still being revalidated.
    const slow = { timeout: 30_000 };
    await page.getByRole("button", { name: "Gem oplysninger" }).click();
    await page.getByText("Brugerens rolle er gemt.").waitFor(slow);
    await page.getByRole("button", { name: "Deaktivér brugeren", exact: true }).click();
    await page.getByText("Brugeren er deaktiveret og logget ud alle steder.").waitFor(slow);
    await page.getByRole("button", { name: "Aktivér brugeren", exact: true }).waitFor(slow);
    await page.getByRole("button", { name: "Aktivér brugeren", exact: true }).click();
    await page.getByText("Brugeren er aktiveret igen.").waitFor(slow);
    await page.getByRole("button", { name: "Deaktivér brugeren", exact: true }).waitFor(slow);

    // A trainer, without a browser: a colleague added and removed, a new code, the CSV.
    const trainer = new HttpClient(app.url);
    await trainer.logIn(DEMO.trainer, DEMO_PASSWORD);
    const cohortId = /\/underviser\/hold\/([0-9a-f-]{36})/.exec((await trainer.get("/underviser")).text)![1]!;
    const settings = `/underviser/hold/${cohortId}/indstillinger`;
    const added = await trainer.post(settings, { intent: "add-trainer", email: DEMO.author });
    expect(added.text).toContain("Frede Forfatter er nu underviser på holdet");
    // A refused address is not an event: nothing is logged for it.
    const refused = await trainer.post(settings, { intent: "add-trainer", email: "ingen@andet-sted.dk" });
    expect(refused.text).toContain("kan ikke tilføjes som underviser");
    expect((await trainer.post(settings, { intent: "renew-code", bekraeft: "ja" })).text).toContain(
      "den nye tilmeldingskode",
    );
    const removed = await trainer.post(settings, { intent: "remove-trainer", userId: ids.author });
    expect(removed.text).toContain("Frede Forfatter er ikke længere underviser på holdet");
    const csv = await trainer.get(`/underviser/hold/${cohortId}/eksport.csv`);
    expect(csv.status).toBe(200);

    await page.goto(`${app.url}/admin`);
    await page.getByRole("link", { name: "Logbog", exact: true }).click();
    await waitForPage(page, /\/admin\/logbog$/, "Logbog");
    await expectAccessibleAtBothWidths(page);
    const rows = page.locator("tbody tr");
    const expected = [
      ["Rolle ændret", "Anna Administrator", "Frede Forfatter"],
      ["Bruger deaktiveret", "Anna Administrator", "Frede Forfatter"],
      ["Bruger aktiveret igen", "Anna Administrator", "Frede Forfatter"],
      ["Underviser tilføjet", "Ulla Underviser", "Frede Forfatter"],
      ["Ny tilmeldingskode", "Ulla Underviser", "Demohold"],
      ["Underviser fjernet", "Ulla Underviser", "Frede Forfatter"],
      ["Holdets CSV eksporteret", "Ulla Underviser", "Demohold"],
    ];
    expect(await rows.count()).toBe(expected.length);
    for (const [action, actor, concerns] of expected) {
      const row = rows.filter({ hasText: action! });
      expect(await row.count(), action).toBe(1);
      const text = await row.innerText();
      expect(text, action).toContain(actor);
      expect(text, action).toContain(concerns);
      expect(text, action).toMatch(/127\.0\.0\.1/);
    }
    // Newest first: the CSV export was the last.
    expect(await rows.first().innerText()).toContain("Holdets CSV eksporteret");
    // After hydration too (the number comes from the loader, not from a server module).
    expect(await page.locator("main").innerText()).toMatch(/Hver post gemmes i 12 måneder/);
  });

  test("one user's page: everything stored as JSON, learning data deleted only with the confirmation", async () => {
    const learner = new HttpClient(app.url);
    await learner.logIn(DEMO.learner, DEMO_PASSWORD);
    expect((await learner.post("/moduler/eksempel/eksempel-velkommen", { intent: "lesson.complete" })).status).toBe(
      302,
    );

    await page.goto(`${app.url}/admin`);
    await page.getByRole("link", { name: "Sara Sagsbehandler", exact: true }).click();
    await waitForPage(page, new RegExp(`/admin/brugere/${ids.learner}$`), "Sara Sagsbehandler");
    await expectAccessibleAtBothWidths(page);
    const completions = page.getByRole("row", { name: /Gennemførte aktiviteter/ });
    expect(await completions.innerText()).toMatch(/\b1$/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Hent alle data om Sara Sagsbehandler (JSON)" }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
      userId: string;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(exported.userId).toBe(ids.learner);
    expect(exported.tables.users?.[0]).toMatchObject({ email: DEMO.learner, name: "Sara Sagsbehandler" });
    expect(exported.tables.activity_completions).toEqual([
      expect.objectContaining({ activity_id: "eksempel-velkommen" }),
    ]);
    expect(JSON.stringify(exported)).not.toMatch(/password_hash|token_hash|scrypt/);

    // Without the tick: a Danish refusal, nothing deleted.
    await page.getByRole("button", { name: "Slet læringsdata" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Sæt flueben for at bekræfte");
    expect(await completions.innerText()).toMatch(/\b1$/);
    await expectAccessibleAtBothWidths(page);

    await page.getByLabel(/Jeg vil slette Sara Sagsbehandlers læringsdata/).check();
    await page.getByRole("button", { name: "Slet læringsdata" }).click();
    await page.getByText(/Sara Sagsbehandlers læringsdata er slettet \(1 række\)/).waitFor();
    await expect.poll(() => completions.innerText(), { timeout: 5000 }).toMatch(/\b0$/);
    await expectAccessibleAtBothWidths(page);
    // The account stays, and the user's own log lists both.
    const log = await page
      .getByRole("heading", { name: "Logbog om brugeren" })
      .locator("xpath=following-sibling::ul[1]")
      .innerText();
    expect(log).toContain("Brugerens data eksporteret");
    expect(log).toContain("Brugerens læringsdata slettet");
    expect((await learner.get("/")).status).toBe(200);
  });
});
