/**
 * The quiz's options in the order of the attempt, not of the file: the order the server computes
 * from the learner, the quiz and the attempt number (worked out here independently from the same
 * seed), the same on reload and in another browser without JavaScript, another for the next
 * attempt; `last` stays last; the markup names no option id. Without JavaScript a refused quiz or
 * evaluation keeps what was chosen. The result and the evaluation's
 * receipt offer the way on and pass axe at desktop and phone width.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { QuizActivity } from "../../app/activities/quiz/content";
import { attemptOptionOrder } from "../../app/activities/quiz/scoring";
import type { CompiledCourse } from "../../app/content/types";
import type { AppServer } from "./app-server";
import {
  activateWithKeyboard,
  DEMO,
  DEMO_PASSWORD,
  expectAccessibleAtBothWidths,
  focusedText,
  logInWithKeyboard,
  selectOptionWithKeyboard,
} from "./browser";
import { FIXTURE_COURSE } from "./global-setup";
import { HttpClient } from "./http-client";
import { closeSession, openSession } from "./session";

const skipReason = inject("browserSkipReason");
const QUIZ = "/moduler/eksempel/eksempel-quiz";
const EVALUATION = "/moduler/eksempel/eksempel-evaluering";

const course = JSON.parse(readFileSync(FIXTURE_COURSE, "utf8")) as CompiledCourse;
const quiz = course.modules.flatMap((m) => m.activities).find((a) => a.id === "eksempel-quiz") as QuizActivity;

/** The labels of each question's options, top to bottom, as the page shows them. */
const shownOrder = (page: Page) =>
  page
    .locator(".quiz-question")
    .evaluateAll((questions) =>
      questions.map((question) => [...question.querySelectorAll("label")].map((label) => label.textContent!.trim())),
    );

/** The order attempt `number` of this learner must show, computed from the seed, not read from the app. */
const seededOrder = (userId: string, number: number) => {
  const order = attemptOptionOrder(userId, quiz.id, number);
  return quiz.quiz.questions.map((question) => order(question).map((option) => option.label));
};
const fileOrder = quiz.quiz.questions.map((question) => question.options.map((option) => option.label));

describe.skipIf(Boolean(skipReason))("quiz options in the attempt's order", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let learnerId: string;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ email: DEMO.learner }));
    const admin = new HttpClient(app.url);
    await admin.logIn(DEMO.admin, DEMO_PASSWORD);
    const users = await admin.get("/admin");
    learnerId = /href="\/admin\/brugere\/([0-9a-f-]{36})">Sara Sagsbehandler</.exec(users.text)![1]!;
  });
  afterAll(() => closeSession({ app, browser }));

  test("the first attempt shows its seeded order, on reload too and without JavaScript; last stays last", async () => {
    await page.goto(`${app.url}${QUIZ}`);
    const first = await shownOrder(page);
    expect(first).toEqual(seededOrder(learnerId, 1));
    // Every option is there once, and the one marked last is last.
    expect(first.map((labels) => [...labels].sort())).toEqual(fileOrder.map((labels) => [...labels].sort()));
    expect(first[1]!.at(-1)).toBe("Det ved jeg ikke");
    // The seeds of this learner's first attempts do shuffle: at least one of them is not the file's order.
    expect([1, 2, 3].some((n) => JSON.stringify(seededOrder(learnerId, n)) !== JSON.stringify(fileOrder))).toBe(true);

    await page.reload();
    expect(await shownOrder(page)).toEqual(first);

    // Another device, without JavaScript: the same order, from the server alone.
    const other = await browser.newContext({ locale: "da-DK", javaScriptEnabled: false });
    const plain = await other.newPage();
    await logInWithKeyboard(plain, app.url, DEMO.learner, DEMO_PASSWORD);
    await plain.goto(`${app.url}${QUIZ}`);
    expect(await shownOrder(plain)).toEqual(first);
    // A submit with questions unanswered is refused in the form, and what was chosen stays chosen.
    const chosen = plain.getByLabel(first[0]![0]!, { exact: true });
    await chosen.check();
    await plain.getByRole("button", { name: "Indsend svar" }).click();
    await plain.waitForLoadState("load");
    expect(await plain.locator(".quiz-form").getByRole("alert").innerText()).toMatch(/Besvar alle spørgsmål/);
    expect(await plain.getByText("Besvar spørgsmål 2.").count()).toBeGreaterThan(0);
    expect(await chosen.isChecked()).toBe(true);
    expect(await shownOrder(plain)).toEqual(first);
    // So does an evaluation's rating.
    await plain.goto(`${app.url}${EVALUATION}`);
    const rating = plain.getByRole("group", { name: /øget kendskab/ }).getByLabel("I høj grad", { exact: true });
    await rating.check();
    await plain.getByRole("button", { name: "Indsend", exact: true }).click();
    await plain.waitForLoadState("load");
    expect(await plain.locator(".evaluation-form").getByRole("alert").innerText()).toMatch(/Vælg et svar til/);
    expect(await rating.isChecked()).toBe(true);
    await other.close();

    // The posted values are positions: no option id is in the form.
    const values = await page
      .locator(".quiz-question input")
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    for (const option of quiz.quiz.questions.flatMap((q) => q.options)) expect(values).not.toContain(option.id);
  });

  test("answers are scored by what was chosen, wherever it stood; the result offers the way on", async () => {
    for (const answer of [
      "Kommunen, der skal træffe afgørelsen",
      "Ja, med borgerens samtykke",
      "Henvisning til de regler, afgørelsen bygger på",
      "De faktiske oplysninger, der er lagt vægt på",
      "De hovedhensyn, der har været bestemmende for et skøn",
      "Når borgeren ikke får fuldt medhold",
    ]) {
      await selectOptionWithKeyboard(page, answer);
    }
    await activateWithKeyboard(page, "Indsend svar");
    await page.getByRole("heading", { name: /^Bestået/ }).waitFor();
    expect(await focusedText(page)).toBe("Bestået: 4 af 4 rigtige (100 %)");
    const actions = page.locator(".quiz-review + .actions");
    expect(await actions.getByRole("link").allInnerTexts()).toEqual([
      expect.stringMatching(/^Næste aktivitet/),
      "Tag quizzen igen",
    ]);
    expect(await actions.getByRole("link", { name: /^Næste aktivitet/ }).getAttribute("href")).toBe(
      "/moduler/eksempel/eksempel-begrundelse",
    );
    await expectAccessibleAtBothWidths(page);
  });

  test("the next attempt has its own order", async () => {
    await activateWithKeyboard(page, "Tag quizzen igen");
    await page.waitForURL((url) => url.pathname === QUIZ && !url.search);
    await page.locator(".quiz-form").waitFor();
    expect(await shownOrder(page)).toEqual(seededOrder(learnerId, 2));
  });

  test("a failed result offers trying again first, then the way on", async () => {
    for (const answer of [
      "Borgeren, der har søgt",
      "Det ved jeg ikke",
      "Navnet på sagsbehandlerens leder",
      "Når borgeren ikke får fuldt medhold",
    ]) {
      await selectOptionWithKeyboard(page, answer);
    }
    await activateWithKeyboard(page, "Indsend svar");
    await page.getByRole("heading", { name: /^Ikke bestået/ }).waitFor();
    expect(await focusedText(page)).toBe("Ikke bestået: 1 af 4 rigtige (25 %)");
    expect(await page.locator(".quiz-review + .actions").getByRole("link").allInnerTexts()).toEqual([
      "Tag quizzen igen",
      expect.stringMatching(/^Næste aktivitet/),
    ]);
    await expectAccessibleAtBothWidths(page);
  });

  test("the quiz's prose is sent once: in the markup of a page load, in the data of a client-side navigation", async () => {
    // The result above came by a client-side navigation; here it is loaded as a page too.
    const result = new URL(page.url());
    const data = new URL(result);
    data.pathname += ".data";
    const prompt = "Hvem har ansvaret for, at en sag er tilstrækkeligt oplyst?";
    const explanation = "Det følger af officialprincippet, at myndigheden har ansvaret for sagens oplysning.";
    const markup = await (await page.request.get(result.toString())).text();
    const navigation = await (await page.request.get(data.toString())).text();
    for (const text of [prompt, explanation]) {
      expect(markup.split(text), text).toHaveLength(2);
      expect(navigation).toContain(text);
    }
    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".quiz-review > li").first().innerText()).toContain(explanation);
  });

  test("the evaluation's receipt leads back to the module after the module's last activity", async () => {
    await page.goto(`${app.url}${EVALUATION}`);
    const kendskab = page.getByRole("group", { name: /øget kendskab/ });
    const praksis = page.getByRole("group", { name: /påvirke min praksis/ });
    await selectOptionWithKeyboard(page, kendskab.getByLabel("I høj grad", { exact: true }));
    await selectOptionWithKeyboard(page, praksis.getByLabel("I nogen grad", { exact: true }));
    await activateWithKeyboard(page, "Indsend");
    await page.getByRole("heading", { name: "Tak for din evaluering" }).waitFor();
    expect(await focusedText(page)).toBe("Tak for din evaluering");
    const back = page.locator(".evaluation-thanks").getByRole("link", { name: "Tilbage til modulet" });
    expect(await back.getAttribute("href")).toBe("/moduler/eksempel");
    await expectAccessibleAtBothWidths(page);
    await activateWithKeyboard(page, "Tilbage til modulet");
    await page.waitForURL((url) => url.pathname === "/moduler/eksempel");
  });
});
