/**
 * "Skriv begrundelsen" in the browser, keyboard only, with and without JavaScript: the criteria
 * and the model answer are in neither the page nor its data before the text is submitted; the
 * draft is saved (automatically with JavaScript, "Gem kladde" without) and survives a reload; a
 * short text is refused without losing it; the self-assessment; the comparison with the model
 * answer; the trainer's assessment, the mark for discussion and the anonymised print; the
 * learner sees the trainer's assessment; "Prøv igen". axe at 1280 and 390 px on every state.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { AppServer } from "./app-server";
import {
  activateWithKeyboard,
  DEMO,
  DEMO_PASSWORD,
  expectAccessibleAtBothWidths,
  focusedText,
  launchBrowser,
  logInWithKeyboard,
  selectOptionWithKeyboard,
  waitForPage,
} from "./browser";
import { closeSession, openSession } from "./session";

const skipReason = inject("browserSkipReason");
const ACTIVITY = "/moduler/eksempel/eksempel-begrundelse";
/** Words of the fixture's criteria, explanations and model answer (tests/fixtures/content/eksempel/05-begrundelse.mdx). */
const SECRETS = [
  "Henviser til de regler, afgørelsen bygger på",
  "Forholder sig til Birthes bemærkninger",
  "Giver klagevejledning med frist",
  "hendes bemærkninger er læst",
  "Hjælpemotoren trækker stolen",
];
const SHORT = "Kære Birthe. Du får ikke en el-kørestol.";
const REST =
  " Vi bevilger en manuel kørestol med hjælpemotor efter serviceloven § 112, stk. 1. Vi har lagt vægt på lægeerklæringen af 20. marts," +
  " som viser, at du kan gå 100-150 meter med rollator og har god kraft i armene. Hjælpemotoren klarer bakken op til Brugsen," +
  " som du nævnte i dine bemærkninger. Du kan klage inden 4 uger efter, at du har fået afgørelsen.";

/** The text's field: conform names it by its form, the text's (`begrundelse.submit`). */
const TEXT_FIELD = "begrundelse.submit-text";

/** Tab until the element with this id has focus: how a keyboard user reaches a field. */
async function tabTo(page: Page, id: string, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`Could not reach #${id} with the Tab key`);
}

async function expectNoSecrets(page: Page, baseUrl: string) {
  const html = await page.content();
  const data = await (await page.request.get(`${baseUrl}${ACTIVITY}.data`)).text();
  for (const secret of SECRETS) {
    expect(html, `the page before submission holds "${secret}"`).not.toContain(secret);
    expect(data, `the page's data before submission holds "${secret}"`).not.toContain(secret);
  }
}

async function rateAll(page: Page, ratings: string[]) {
  const groups = page.locator("fieldset.form-group");
  for (const [index, rating] of ratings.entries()) {
    await selectOptionWithKeyboard(page, groups.nth(index).getByLabel(rating, { exact: true }));
  }
}

describe.skipIf(Boolean(skipReason))(
  "a caseworker writes a begrundelse with JavaScript, and the trainer assesses it",
  () => {
    let app: AppServer;
    let browser: Browser;
    let page: Page;
    let trainerBrowser: Browser;
    let trainer: Page;

    beforeAll(async () => {
      ({ app, browser, page } = await openSession({ email: DEMO.learner }));
      ({ browser: trainerBrowser, page: trainer } = await launchBrowser());
      await logInWithKeyboard(trainer, app.url, DEMO.trainer, DEMO_PASSWORD);
    });
    afterAll(async () => {
      await trainerBrowser?.close();
      await closeSession({ app, browser });
    });

    test("the task and case file, and neither criteria nor model answer in the page or its data", async () => {
      await page.goto(`${app.url}${ACTIVITY}`);
      await page.getByRole("heading", { level: 2, name: "Opgaven" }).waitFor();
      expect(await page.getByText("Lægeerklæring af 20. marts").count()).toBe(1);
      await expectNoSecrets(page, app.url);
      await expectAccessibleAtBothWidths(page);
    });

    test("the text is counted live and saved automatically; it survives a reload", async () => {
      await tabTo(page, TEXT_FIELD);
      await page.keyboard.type(SHORT);
      expect(await page.locator(`[id="${TEXT_FIELD}-count"]`).innerText()).toBe(`${SHORT.length} tegn – mindst 300`);
      await page.getByText(/^Gemt kl\. \d\d\.\d\d$/).waitFor();
      await page.reload();
      expect(await page.getByLabel("Begrundelsen til borgeren").inputValue()).toBe(SHORT);
      await expectAccessibleAtBothWidths(page);
    });

    test("a text too short is refused with a Danish message, focus on it, and nothing lost", async () => {
      await activateWithKeyboard(page, "Indsend teksten");
      await page.getByRole("alert").waitFor();
      expect(await focusedText(page)).toMatch(/Teksten er for kort til at blive indsendt: mindst 300 tegn/);
      expect(await page.getByLabel("Begrundelsen til borgeren").inputValue()).toBe(SHORT);
      await expectNoSecrets(page, app.url);
      await expectAccessibleAtBothWidths(page);
    });

    test("submitted, the text is fixed and rated against each criterion; the model answer is not shown yet", async () => {
      await tabTo(page, TEXT_FIELD);
      await page.keyboard.press("End");
      await page.keyboard.press("Control+End");
      await page.keyboard.type(REST);
      // Another tab still shows the text's form.
      const stale = await page.context().newPage();
      await stale.goto(`${app.url}${ACTIVITY}`);
      await activateWithKeyboard(page, "Indsend teksten");
      await page.getByRole("heading", { level: 2, name: "Vurdér din tekst" }).waitFor();
      expect(await focusedText(page)).toBe("Vurdér din tekst");
      expect(await page.getByLabel("Begrundelsen til borgeren").count()).toBe(0);
      expect(await page.content()).not.toContain("Hjælpemotoren trækker stolen");
      await expectAccessibleAtBothWidths(page);

      // Every criterion must be rated.
      await activateWithKeyboard(page, "Gem min vurdering");
      await page.getByRole("alert").waitFor();
      expect(await focusedText(page)).toMatch(/Vurdér alle kriterier, før du gemmer: 4 kriterier mangler/);
      await expectAccessibleAtBothWidths(page);

      // The other tab's submit is refused (409): it shows the step the text is at, with the text
      // form's refusal above it and none in the assessment's form, which was not the one sent.
      try {
        await stale.getByRole("button", { name: "Indsend teksten" }).click();
        await stale.getByRole("heading", { level: 2, name: "Vurdér din tekst" }).waitFor();
        expect(await stale.getByRole("alert").innerText()).toMatch(/Teksten er allerede indsendt/);
        expect(await stale.locator(".begrundelse-form").getByRole("alert").count()).toBe(0);
      } finally {
        await stale.close();
      }
    });

    test("after the self-assessment: each criterion's explanation and the model answer beside the own text", async () => {
      await rateAll(page, ["Opfyldt", "Opfyldt", "Opfyldt", "Delvist"]);
      await activateWithKeyboard(page, "Gem min vurdering");
      await page.getByRole("heading", { level: 2, name: "Sammenlign med kravene" }).waitFor();
      expect(await focusedText(page)).toBe("Sammenlign med kravene");
      expect(await page.getByText("Hjælpemotoren trækker stolen", { exact: false }).count()).toBe(1);
      expect(await page.locator(".criterion-result").count()).toBe(4);
      await expectAccessibleAtBothWidths(page);
      await page.goto(`${app.url}/moduler/eksempel`);
      const row = page.locator(".activity-list > li", { hasText: "Afslag på en el-kørestol" });
      expect(await row.innerText()).toMatch(/Vurderet/);
    });

    test("the trainer sees the text anonymised, assesses it, marks it and prints it without a name", async () => {
      await trainer.goto(`${app.url}/underviser`);
      await trainer
        .getByRole("link", { name: /^Demohold/ })
        .first()
        .click();
      await trainer.getByRole("heading", { level: 2, name: "Skriv begrundelsen" }).waitFor();
      // Collapsed like the page's other sections: the summary line in view, the details on request.
      const section = trainer.locator("section", { has: trainer.locator("#begrundelser") });
      expect(await section.locator(".summary-line").innerText()).toMatch(/1 tekst indsendt/);
      expect(await section.locator(".begrundelse-summary").first().isVisible()).toBe(false);
      await section.getByText("Vis begrundelserne pr. aktivitet").click();
      expect(await trainer.locator(".begrundelse-summary").first().innerText()).toMatch(
        /1 af \d+ deltagere har indsendt/,
      );
      await trainer.getByRole("link", { name: "Læs og vurdér holdets begrundelser" }).click();
      await waitForPage(trainer, /\/begrundelser$/, "Holdets begrundelser");
      expect(await trainer.getByText("Sara Sagsbehandler").count()).toBe(0);
      await expectAccessibleAtBothWidths(trainer);
      await activateWithKeyboard(trainer, "Vis navnene");
      await trainer.getByText("Deltager 1 (Sara Sagsbehandler)").waitFor();
      await activateWithKeyboard(trainer, "Skjul navnene");
      await trainer.getByRole("link", { name: "Deltager 1" }).waitFor();
      await activateWithKeyboard(trainer, "Deltager 1", 80);
      await waitForPage(trainer, /\/begrundelser\/[0-9a-f-]{36}$/, "Deltager 1");
      await expectAccessibleAtBothWidths(trainer);
      await rateAll(trainer, ["Opfyldt", "Delvist", "Opfyldt", "Delvist"]);
      await tabTo(trainer, "review-comment");
      await trainer.keyboard.type("Godt. Skriv, at klagen sendes til kommunen.");
      await activateWithKeyboard(trainer, "Gem vurdering");
      await trainer.getByText("Din vurdering er gemt. Deltageren kan nu se den.").waitFor();
      await activateWithKeyboard(trainer, "Markér til drøftelse");
      await trainer.getByText("Markeringen er gemt.").waitFor();
      await expectAccessibleAtBothWidths(trainer);

      await trainer.goto(`${trainer.url().split("/begrundelser")[0]}/begrundelser`);
      expect(
        await trainer
          .getByRole("status")
          .filter({ hasText: "Deltagerne vurderer sig selv højere end du på" })
          .innerText(),
      ).toMatch(/: Nævner de oplysninger, der er lagt vægt på\.$/);
      await trainer.goto(`${trainer.url()}/print`);
      await trainer.getByRole("heading", { level: 1, name: /Begrundelser til drøftelse/ }).waitFor();
      const printed = await trainer.locator("article").innerText();
      expect(printed).toContain("Deltager 1");
      expect(printed).toContain("Forholder sig til Birthes bemærkninger");
      expect(printed).toContain("Hjælpemotoren klarer bakken");
      expect(printed).not.toContain("Sara Sagsbehandler");
      await expectAccessibleAtBothWidths(trainer);
      await trainer.emulateMedia({ media: "print" });
      const pdf = await trainer.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await trainer.emulateMedia({ media: "screen" });
    });

    test("the learner sees the trainer's assessment beside their own, and the module page says so", async () => {
      await page.goto(`${app.url}/moduler/eksempel`);
      await page.getByText("Din underviser har kommenteret din begrundelse").first().waitFor();
      await page.goto(`${app.url}${ACTIVITY}`);
      await page.getByRole("heading", { name: "Din underviser har kommenteret din begrundelse" }).waitFor();
      expect(await page.getByText("Godt. Skriv, at klagen sendes til kommunen.").count()).toBe(1);
      expect(await page.locator(".criterion-result").first().innerText()).toMatch(/Underviserens vurdering\s*Opfyldt/);
      await expectAccessibleAtBothWidths(page);
    });

    test("'Prøv igen' starts a new attempt from the last text; the first is kept", async () => {
      await selectOptionWithKeyboard(page, "Start med min tekst fra dette forsøg");
      await activateWithKeyboard(page, "Prøv igen", 120);
      await page.getByRole("heading", { level: 2, name: "Din begrundelse (forsøg 2)" }).waitFor();
      expect(await page.getByLabel("Begrundelsen til borgeren").inputValue()).toBe(SHORT + REST);
      expect(await page.getByText(/Forsøg 1, indsendt/).count()).toBe(1);
      await expectAccessibleAtBothWidths(page);
    });
  },
);

describe.skipIf(Boolean(skipReason))("a caseworker writes a begrundelse without JavaScript", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ javaScriptEnabled: false }));
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill(DEMO.learner);
    await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${app.url}/`);
  });
  afterAll(() => closeSession({ app, browser }));

  // Plain form posts: each press loads a new page. (axe needs JavaScript in the page; the same
  // screens are checked with it above.)
  const press = async (button: string) => {
    await page.getByRole("button", { name: button, exact: true }).click();
    await page.waitForLoadState("load");
  };
  const field = () => page.getByLabel("Begrundelsen til borgeren");

  test("'Gem kladde' saves the draft and says when; a short text is refused and kept; no criterion before", async () => {
    await page.goto(`${app.url}${ACTIVITY}`);
    await expectNoSecrets(page, app.url);
    await field().focus();
    await page.keyboard.type(SHORT);
    await press("Gem kladde");
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: /^Gemt kl\. \d\d\.\d\d$/ })
        .count(),
    ).toBe(1);
    expect(await field().inputValue()).toBe(SHORT);
    await press("Indsend teksten");
    expect(await page.getByRole("alert").innerText()).toMatch(/Teksten er for kort til at blive indsendt/);
    expect(await field().inputValue()).toBe(SHORT);
    await expectNoSecrets(page, app.url);
  });

  test("submit, self-assessment and the comparison work as plain forms", async () => {
    await field().focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(REST);
    await press("Indsend teksten");
    expect(await page.getByRole("heading", { level: 2, name: "Vurdér din tekst" }).count()).toBe(1);
    const groups = page.locator("fieldset.form-group");
    const ratings = ["Opfyldt", "Delvist", "Ikke opfyldt", "Opfyldt"];
    // Two criteria rated: refused in the form, and the two ratings are kept.
    for (const [index, rating] of ratings.slice(0, 2).entries()) {
      await groups.nth(index).getByLabel(rating, { exact: true }).check();
    }
    await press("Gem min vurdering");
    expect(await page.locator(".begrundelse-form").getByRole("alert").innerText()).toMatch(/2 kriterier mangler/);
    for (const [index, rating] of ratings.slice(0, 2).entries()) {
      expect(await groups.nth(index).getByLabel(rating, { exact: true }).isChecked()).toBe(true);
    }
    for (const [index, rating] of ratings.entries()) {
      await groups.nth(index).getByLabel(rating, { exact: true }).check();
    }
    await press("Gem min vurdering");
    expect(await page.getByRole("heading", { level: 2, name: "Sammenlign med kravene" }).count()).toBe(1);
    expect(await page.getByText("Hjælpemotoren trækker stolen", { exact: false }).count()).toBe(1);
  });
});
