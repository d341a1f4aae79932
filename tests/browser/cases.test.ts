import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { AppServer } from "./app-server";
import { closeSession, openSession } from "./session";
import { activateWithKeyboard, DEMO, DEMO_PASSWORD, expectAccessible, focusedText } from "./browser";

const skipReason = inject("browserSkipReason");
const CASE = "/moduler/eksempel/eksempel-case-stol";

/** Waits until the page shows the given heading after a keyboard action (JavaScript on: no reload). */
async function waitForHeading(page: Page, text: string | RegExp) {
  await page.getByRole("heading", { name: text }).first().waitFor();
}

describe.skipIf(Boolean(skipReason))("a caseworker plays the sample case", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ email: DEMO.learner }));
  });
  afterAll(() => closeSession({ app, browser }));

  test("the best path, with the keyboard only: feedback after each choice, focus on it, then the result and review", async () => {
    await page.goto(`${app.url}${CASE}`);
    await expectAccessible(page);
    await activateWithKeyboard(page, "Start casen");
    await waitForHeading(page, /Beslutning 1/);
    expect(await focusedText(page)).toMatch(/^Beslutning 1/);
    expect(await page.getByRole("group", { name: "Hvad gør du?" }).getByRole("button").allInnerTexts()).toEqual([
      "Undersøg, hvilke oplysninger der mangler",
      "Giv afslag på det foreliggende grundlag",
    ]);
    expect(await page.getByText("Ansøgning af 3. marts").count()).toBe(1);
    await expectAccessible(page);

    const navigations: string[] = [];
    page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

    const path: [choice: string, feedback: RegExp][] = [
      ["Undersøg, hvilke oplysninger der mangler", /officialprincippet/],
      ["Indhent en lægeerklæring med Birthes samtykke", /retssikkerhedsloven § 11 a/],
      ["Skriv et udkast til afgørelse", /Sagen er nu oplyst/],
      ["Henvis til lægeerklæringen og de oplysninger, der er lagt vægt på", /forvaltningsloven § 24, stk. 2/],
    ];
    for (const [index, [choice, feedback]] of path.entries()) {
      await activateWithKeyboard(page, choice);
      await waitForHeading(page, "Tilbagemelding");
      expect(await focusedText(page)).toBe("Tilbagemelding");
      expect(await page.locator(".case-feedback").innerText()).toMatch(feedback);
      expect(await page.locator(".case-feedback").innerText()).not.toMatch(/point/);
      if (index === 0) await expectAccessible(page);
      const last = index === path.length - 1;
      await activateWithKeyboard(page, last ? "Se resultatet" : "Fortsæt");
      if (!last) {
        await waitForHeading(page, new RegExp(`Beslutning ${index + 2}`));
        expect(await focusedText(page)).toMatch(new RegExp(`^Beslutning ${index + 2}`));
      }
    }
    await waitForHeading(page, "Resultat: Korrekt");
    expect(await focusedText(page)).toBe("Resultat: Korrekt");
    expect(await page.locator(".case-score").innerText()).toBe("Du fik 7 af 7 mulige point (100 %).");
    const review = page.locator(".case-review > li");
    expect(await review.count()).toBe(4);
    expect(await review.nth(3).innerText()).toMatch(/Henvis til lægeerklæringen.*\(2 point\)/s);
    expect(await page.getByText("Det var det bedste valg på dette trin.").count()).toBe(4);
    // The case file holds every document reached, newest first.
    expect(await page.locator(".case-documents summary").allInnerTexts()).toEqual([
      "Udkast til afgørelse",
      "Notat fra hjemmebesøg",
      "Lægeerklæring af 20. marts",
      "Ansøgning af 3. marts",
    ]);
    await expectAccessible(page);
    // With JavaScript, no choice reloaded the page.
    expect(navigations.filter((url) => !url.endsWith(CASE))).toEqual([]);
  });

  test("a second path: a wrong first choice, the result, and the review points to the better choice", async () => {
    await activateWithKeyboard(page, "Prøv igen");
    await waitForHeading(page, /Beslutning 1/);
    await activateWithKeyboard(page, "Giv afslag på det foreliggende grundlag");
    await waitForHeading(page, "Tilbagemelding");
    await activateWithKeyboard(page, "Se resultatet");
    await waitForHeading(page, "Resultat: Forkert");
    expect(await page.locator(".case-score").innerText()).toBe("Du fik 0 af 7 mulige point (0 %).");
    expect(await page.locator(".case-result").innerText()).toMatch(/hjemviser sagen/);
    expect(await page.locator(".review-better").innerText()).toBe(
      "Et bedre valg var muligt: Undersøg, hvilke oplysninger der mangler",
    );
    await expectAccessible(page);

    await page.goto(`${app.url}/moduler/eksempel`);
    const row = page.locator(".activity-list > li", { hasText: "Birthe søger" });
    expect(await row.innerText()).toMatch(/Bedste: korrekt, 7 af 7 point/);
    expect(await row.innerText()).toMatch(/Seneste: forkert, 0 af 7 point/);
  });

  test("reloading in the middle of a case resumes at the same step", async () => {
    await page.goto(`${app.url}${CASE}`);
    await activateWithKeyboard(page, "Prøv igen");
    await waitForHeading(page, /Beslutning 1/);
    await activateWithKeyboard(page, "Undersøg, hvilke oplysninger der mangler");
    await waitForHeading(page, "Tilbagemelding");
    await activateWithKeyboard(page, "Fortsæt");
    await waitForHeading(page, /Beslutning 2/);
    await page.reload();
    await waitForHeading(page, /Beslutning 2/);
    expect(await page.getByRole("button", { name: "Indhent en lægeerklæring med Birthes samtykke" }).count()).toBe(1);
  });

  test("the page and its data carry nothing the learner has not earned: no points, targets, flags or other steps", async () => {
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
  });

  test("a choice that is not offered gets 400 with a Danish message and changes nothing", async () => {
    const response = await page.request.post(`${app.url}${CASE}`, {
      form: { intent: "case.choose", seq: "1", choice: "9" },
      headers: { Origin: app.url },
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Det valg findes ikke på dette trin");
    await page.reload();
    await waitForHeading(page, /Beslutning 2/);
  });
});

describe.skipIf(Boolean(skipReason))("with JavaScript turned off", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ javaScriptEnabled: false }));
  });
  afterAll(() => closeSession({ app, browser }));

  test("the case still plays to an outcome with plain form posts", async () => {
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-mail").fill(DEMO.learner);
    await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${app.url}/`);
    await page.goto(`${app.url}${CASE}`);
    for (const button of [
      "Start casen",
      "Undersøg, hvilke oplysninger der mangler",
      "Fortsæt",
      "Bed Birthe om selv at skaffe alle papirer",
      "Fortsæt",
      "Skriv afgørelsen ud fra ansøgningen alene",
      "Fortsæt",
      "Send udkastet, som det er – Birthe får fuldt medhold, så en begrundelse er ikke nødvendig",
      "Se resultatet",
    ]) {
      await page.getByRole("button", { name: button, exact: true }).click();
      await page.waitForLoadState("load");
    }
    expect(await page.getByRole("heading", { name: "Resultat: Delvist korrekt" }).count()).toBe(1);
    expect(await page.locator(".case-score").innerText()).toBe("Du fik 2 af 7 mulige point (29 %).");
    // axe needs JavaScript in the page; the same screens are checked with it above.
  });
});
