import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { AppServer } from "./app-server";
import { closeSession, openSession } from "./session";
import {
  activateWithKeyboard,
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  expectAccessibleAtBothWidths,
  focusedText,
} from "./browser";

const skipReason = inject("browserSkipReason");
const CASE = "/moduler/eksempel/eksempel-case-stol";
const STEP_1 = ["Giv afslag på det foreliggende grundlag", "Undersøg, hvilke oplysninger der mangler"];

/** Waits until the page shows the given heading after a keyboard action (JavaScript on: no reload). */
async function waitForHeading(page: Page, text: string | RegExp) {
  await page.getByRole("heading", { name: text }).first().waitFor();
}

/** Waits for the step heading "Beslutning N · ca. …" (h2; the review's "Beslutning N" are h3). */
async function waitForStep(page: Page, number: number) {
  await page.getByRole("heading", { level: 2, name: new RegExp(`^Beslutning ${number} ·`) }).waitFor();
}

const choiceButtons = (page: Page) => page.getByRole("group", { name: "Hvad gør du?" }).getByRole("button");

describe.skipIf(Boolean(skipReason))("a caseworker plays the sample case", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ email: DEMO.learner }));
  });
  afterAll(() => closeSession({ app, browser }));

  test("the best path, with the keyboard only: a verdict with points after each choice, focus on it, then the result and review", async () => {
    await page.goto(`${app.url}${CASE}`);
    await expectAccessible(page);
    await activateWithKeyboard(page, "Start casen");
    await waitForStep(page, 1);
    // The counter says how long a good attempt is: the best choice at every step takes 4 decisions.
    expect(await focusedText(page)).toMatch(/^Beslutning 1 · ca\. 4 i alt/);
    expect((await choiceButtons(page).allInnerTexts()).sort()).toEqual(STEP_1);
    expect(await page.getByText("Ansøgning af 3. marts").count()).toBe(1);
    await expectAccessible(page);

    const navigations: string[] = [];
    page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

    const path: [choice: string, verdict: string, feedback: RegExp][] = [
      ["Undersøg, hvilke oplysninger der mangler", "Godt valg · 2 point", /officialprincippet/],
      ["Indhent en lægeerklæring med Birthes samtykke", "Godt valg · 2 point", /retssikkerhedsloven § 11 a/],
      ["Skriv et udkast til afgørelse", "Godt valg · 1 point", /Sagen er nu oplyst/],
      [
        "Henvis til lægeerklæringen og de oplysninger, der er lagt vægt på",
        "Godt valg · 2 point",
        /forvaltningsloven § 24, stk. 2/,
      ],
    ];
    for (const [index, [choice, verdict, feedback]] of path.entries()) {
      await activateWithKeyboard(page, choice);
      await waitForHeading(page, verdict);
      expect(await focusedText(page)).toBe(verdict);
      const feedbackBox = page.locator(".case-feedback");
      expect(await feedbackBox.locator(".alert.alert-success").count()).toBe(1);
      expect(await feedbackBox.getByRole("img", { name: "Succes" }).count()).toBe(1);
      expect(await feedbackBox.innerText()).toMatch(feedback);
      if (index === 0) await expectAccessibleAtBothWidths(page);
      const last = index === path.length - 1;
      await activateWithKeyboard(page, last ? "Se resultatet" : "Fortsæt");
      if (!last) {
        await waitForStep(page, index + 2);
        expect(await focusedText(page)).toMatch(new RegExp(`^Beslutning ${index + 2} · ca\\. 4 i alt`));
      }
    }
    await waitForHeading(page, "Resultat: Korrekt");
    expect(await focusedText(page)).toBe("Resultat: Korrekt");
    expect(await page.locator(".case-score").innerText()).toBe("Du fik 7 af 7 mulige point (100 %).");
    expect(await page.locator(".case-passed").innerText()).toBe("Casen er bestået.");
    const review = page.locator(".case-review > li");
    expect(await review.count()).toBe(4);
    expect(await review.nth(3).innerText()).toMatch(/Henvis til lægeerklæringen.*\(2 point\)/s);
    expect(await page.locator(".review-verdict .alert-heading").allInnerTexts()).toEqual(Array(4).fill("Bedste valg"));
    // Nothing was lost, so the debrief links to nothing.
    expect(await page.locator(".case-debrief li").allInnerTexts()).toEqual([
      "Sagsoplysning: 4 af 4 point",
      "Afgørelse: 1 af 1 point",
      "Begrundelse: 2 af 2 point",
    ]);
    // The case file holds every document reached, newest first.
    expect(await page.locator(".case-documents summary").allInnerTexts()).toEqual([
      "Udkast til afgørelse",
      "Notat fra hjemmebesøg",
      "Lægeerklæring af 20. marts",
      "Ansøgning af 3. marts",
    ]);
    // Passed: moving on comes first.
    const actions = page.locator(".actions").last();
    expect(await actions.locator("a, button").allInnerTexts()).toEqual([
      expect.stringMatching(/^Næste aktivitet/),
      "Prøv igen",
    ]);
    await expectAccessibleAtBothWidths(page);
    // With JavaScript, no choice reloaded the page.
    expect(navigations.filter((url) => !url.endsWith(CASE))).toEqual([]);
  });

  test("a wrong first choice: the verdict says so by text and icon, the case is played, not passed, and the debrief points to the lesson", async () => {
    await activateWithKeyboard(page, "Prøv igen");
    await waitForStep(page, 1);
    await activateWithKeyboard(page, "Giv afslag på det foreliggende grundlag");
    await waitForHeading(page, "Ikke det bedste valg · 0 point");
    expect(await focusedText(page)).toBe("Ikke det bedste valg · 0 point");
    expect(await page.locator(".case-feedback .alert.alert-error").getByRole("img", { name: "Fejl" }).count()).toBe(1);
    await expectAccessibleAtBothWidths(page);
    await activateWithKeyboard(page, "Se resultatet");
    await waitForHeading(page, "Resultat: Forkert");
    expect(await page.locator(".case-score").innerText()).toBe("Du fik 0 af 7 mulige point (0 %).");
    expect(await page.locator(".case-passed").innerText()).toMatch(/spillet, men ikke bestået/);
    expect(await page.locator(".case-result").innerText()).toMatch(/hjemviser sagen/);
    expect(await page.locator(".review-verdict .alert-heading").allInnerTexts()).toEqual([
      "Ikke det bedste valg – det bedste var: Undersøg, hvilke oplysninger der mangler",
    ]);
    const debrief = page.locator(".case-debrief li");
    expect(await debrief.first().innerText()).toMatch(/^Sagsoplysning: 0 af 4 point/);
    await debrief
      .first()
      .getByRole("link", { name: /lektionen „Sagen skal være tilstrækkeligt oplyst“/ })
      .waitFor();
    // Not passed: trying again comes first, the next activity beside it.
    const actions = page.locator(".actions").last();
    expect(await actions.locator("a, button").allInnerTexts()).toEqual([
      "Prøv igen",
      expect.stringMatching(/^Næste aktivitet/),
    ]);
    await expectAccessibleAtBothWidths(page);

    await actions.getByRole("link", { name: /Næste aktivitet/ }).click();
    await page.waitForURL(/\/moduler\/eksempel\/eksempel-quiz$/);
    await page.goto(`${app.url}/moduler/eksempel`);
    const row = page.locator(".activity-list > li", { hasText: "Birthe søger" });
    expect(await row.innerText()).toMatch(/Bedste: korrekt, 7 af 7 point/);
    expect(await row.innerText()).toMatch(/Seneste: forkert, 0 af 7 point/);
  });

  test("the choices are shuffled per attempt, stable on reload and on another device; a choice marked last stays last", async () => {
    await page.goto(`${app.url}${CASE}`);
    await activateWithKeyboard(page, "Prøv igen");
    await waitForStep(page, 1);
    const first = await choiceButtons(page).allInnerTexts();
    await page.reload();
    await waitForStep(page, 1);
    expect(await choiceButtons(page).allInnerTexts()).toEqual(first);
    // Another device: a second browser signed in as the same learner sees the same order.
    const other = await browser.newContext({ locale: "da-DK" });
    try {
      const second = await other.newPage();
      await second.goto(`${app.url}/login`);
      await second.getByLabel("E-mail").fill(DEMO.learner);
      await second.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
      await second.getByRole("button", { name: "Log ind" }).click();
      await second.waitForURL(`${app.url}/`);
      await second.goto(`${app.url}${CASE}`);
      await waitForStep(second, 1);
      expect(await choiceButtons(second).allInnerTexts()).toEqual(first);
    } finally {
      await other.close();
    }

    await activateWithKeyboard(page, "Undersøg, hvilke oplysninger der mangler");
    await waitForHeading(page, /Godt valg/);
    await activateWithKeyboard(page, "Fortsæt");
    await waitForStep(page, 2);
    const second = await choiceButtons(page).allInnerTexts();
    expect(second.at(-1)).toBe("Ingen af delene: vent, til Birthe selv sender noget");
    await page.reload();
    await waitForStep(page, 2);
    expect(await choiceButtons(page).allInnerTexts()).toEqual(second);
  });

  test("the page and its data carry nothing the learner has not earned: no points, targets, flags or other steps", async () => {
    await page.goto(`${app.url}${CASE}`);
    await waitForStep(page, 2);
    const html = await (await page.request.get(`${app.url}${CASE}`)).text();
    const data = await (await page.request.get(`${app.url}${CASE}.data`)).text();
    for (const body of [html, data]) {
      expect(body).toContain("Indhent en lægeerklæring med Birthes samtykke");
      for (const secret of [
        "laegesvar", // a target step id
        "oplysning-igen",
        'laegeerklaering"', // the flag (and the document id)
        "requires",
        "points",
        "Lægeerklæringen er kommet", // another step's situation
        "Rigtigt. Med samtykke", // feedback not yet earned
        "hjemviser sagen", // an outcome's text
      ]) {
        expect(body, secret).not.toContain(secret);
      }
    }
    // The situation is sent once: in the markup of a page load, not again in its hydration data; the
    // data of a client-side navigation carries it. Hydration keeps it on the page.
    const situation = "Du overvejer, hvilke oplysninger du skal bruge.";
    expect(html.split(situation)).toHaveLength(2);
    expect(data).toContain(situation);
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".situation").innerText()).toBe(situation);
  });

  test("a choice that is not shown gets 400 with a Danish message and changes nothing", async () => {
    const response = await page.request.post(`${app.url}${CASE}`, {
      form: { intent: "case.choose", seq: "1", choice: "9" },
      headers: { Origin: app.url },
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Det valg findes ikke på dette trin");
    await page.reload();
    await waitForStep(page, 2);
  });

  test("each button posts its position in the attempt's order, and the choice shown there is the one made", async () => {
    await page.goto(`${app.url}${CASE}`);
    await waitForStep(page, 2);
    await activateWithKeyboard(page, "Indhent en lægeerklæring med Birthes samtykke");
    await waitForHeading(page, "Godt valg · 2 point");
    expect(await page.locator(".case-feedback").innerText()).toContain(
      "Du valgte: Indhent en lægeerklæring med Birthes samtykke",
    );
  });

  test("coming back to an unfinished case says where the learner left off", async () => {
    await page.goto(`${app.url}/moduler/eksempel`);
    await page
      .getByRole("link", { name: /Birthe søger/ })
      .first()
      .click();
    await page.locator(".case-resume").waitFor();
    expect(await page.locator(".case-resume").innerText()).toBe("Du fortsætter, hvor du slap (beslutning 2).");
    await expectAccessibleAtBothWidths(page);
    await activateWithKeyboard(page, "Fortsæt");
    await waitForStep(page, 3);
    expect(await page.locator(".case-resume").count()).toBe(0);
  });

  test("a stale tab shows the current state with the message instead of the old step", async () => {
    await page.goto(`${app.url}${CASE}`);
    await waitForStep(page, 3);
    const choice = "Skriv et udkast til afgørelse";
    const stale = await page.context().newPage();
    try {
      await stale.goto(`${app.url}${CASE}`);
      await waitForStep(stale, 3);
      // The first tab plays on.
      await page.getByRole("button", { name: choice }).click();
      await waitForHeading(page, "Godt valg · 1 point");
      // The stale tab still shows step 3; its choice is refused, and it shows where the case is now.
      await stale.getByRole("button", { name: choice }).click();
      await stale.getByRole("alert").filter({ hasText: "Casen er gået videre" }).waitFor();
      await waitForHeading(stale, "Godt valg · 1 point");
      expect(await stale.getByRole("button", { name: choice }).count()).toBe(0);
      expect(await stale.locator(".case-feedback").innerText()).toContain(`Du valgte: ${choice}`);
      expect(await page.locator(".case-feedback").innerText()).toContain(`Du valgte: ${choice}`);
      await expectAccessibleAtBothWidths(stale);
      // It can go on from there.
      await stale.getByRole("button", { name: "Fortsæt" }).click();
      await waitForStep(stale, 4);
    } finally {
      await stale.close();
    }
  });
});

describe.skipIf(Boolean(skipReason))("with JavaScript turned off", () => {
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

  const press = async (target: Page, button: string) => {
    // The outcome has "Prøv igen" above and below the review: either does the same.
    await target.getByRole("button", { name: button, exact: true }).first().click();
    await target.waitForLoadState("load");
  };

  test("the case plays to an outcome with plain form posts, with verdicts, in the same order on reload", async () => {
    await page.goto(`${app.url}${CASE}`);
    await press(page, "Start casen");
    const order = await choiceButtons(page).allInnerTexts();
    await page.reload();
    expect(await choiceButtons(page).allInnerTexts()).toEqual(order);
    // Right after a choice (no reload in between) the page does not say "Du fortsætter".
    for (const [button, verdict] of [
      ["Undersøg, hvilke oplysninger der mangler", "Godt valg · 2 point"],
      ["Fortsæt", null],
      ["Bed Birthe om selv at skaffe alle papirer", "Ikke det bedste valg · 0 point"],
      ["Fortsæt", null],
      ["Skriv afgørelsen ud fra ansøgningen alene", "Ikke det bedste valg · 0 point"],
      ["Fortsæt", null],
      [
        "Send udkastet, som det er – Birthe får fuldt medhold, så en begrundelse er ikke nødvendig",
        "Delvis rigtigt · 0 point",
      ],
      ["Se resultatet", null],
    ] as const) {
      await press(page, button);
      if (verdict) expect(await page.getByRole("heading", { name: verdict }).count()).toBe(1);
      expect(await page.locator(".case-resume").count()).toBe(0);
    }
    expect(await page.getByRole("heading", { name: "Resultat: Delvist korrekt" }).count()).toBe(1);
    expect(await page.locator(".case-score").innerText()).toBe("Du fik 2 af 7 mulige point (29 %).");
    expect(await page.getByRole("link", { name: /Næste aktivitet/ }).count()).toBe(2);
    // axe needs JavaScript in the page; the same screens are checked with it above.
  });

  test("coming back says where the learner left off; a stale tab shows the current step with the message", async () => {
    await page.goto(`${app.url}${CASE}`);
    await press(page, "Prøv igen");
    await press(page, "Undersøg, hvilke oplysninger der mangler");
    await press(page, "Fortsæt");
    await page.goto(`${app.url}/moduler/eksempel`);
    await page.goto(`${app.url}${CASE}`);
    expect(await page.locator(".case-resume").innerText()).toBe("Du fortsætter, hvor du slap (beslutning 2).");

    const stale = await page.context().newPage();
    try {
      await stale.goto(`${app.url}${CASE}`);
      await press(page, "Indhent en lægeerklæring med Birthes samtykke");
      await press(stale, "Bed Birthe om selv at skaffe alle papirer");
      expect(await stale.getByRole("alert").filter({ hasText: "Casen er gået videre" }).count()).toBe(1);
      expect(await stale.getByRole("heading", { name: "Godt valg · 2 point" }).count()).toBe(1);
      expect(await stale.locator(".case-feedback").innerText()).toContain(
        "Du valgte: Indhent en lægeerklæring med Birthes samtykke",
      );
    } finally {
      await stale.close();
    }
  });
});
