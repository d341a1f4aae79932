import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { AppServer } from "./app-server";
import { closeSession, openSession } from "./session";
import {
  activateWithKeyboard,
  DEMO,
  expectAccessible,
  focusedText,
  selectOptionWithKeyboard,
  waitForPage,
} from "./browser";

const skipReason = inject("browserSkipReason");
const MODULE = "/moduler/eksempel";
const QUIZ = `${MODULE}/eksempel-quiz`;

async function answerQuiz(page: Page, answers: string[]) {
  await page.goto(`${page.url().split("/moduler")[0]}${QUIZ}`);
  for (const answer of answers) await selectOptionWithKeyboard(page, answer);
  await activateWithKeyboard(page, "Indsend svar");
  await page
    .getByRole("heading", { name: /bestået/i })
    .first()
    .waitFor();
}

describe.skipIf(Boolean(skipReason))(
  "a caseworker completes the sample module and gets the certificate, keyboard only",
  () => {
    let app: AppServer;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ({ app, browser, page } = await openSession({ email: DEMO.learner }));
    });
    afterAll(() => closeSession({ app, browser }));

    test("before completion the certificate is refused with a Danish list of what is missing", async () => {
      const response = await page.goto(`${app.url}${MODULE}/bevis`);
      expect(response?.status()).toBe(403);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Kursusbeviset er ikke klar endnu");
      expect(await page.locator(".missing-list li").allInnerTexts()).toEqual([
        "Lektionen „Velkommen til Sagslab“ er ikke læst endnu.",
        "Lektionen „Sagen skal være tilstrækkeligt oplyst“ er ikke læst endnu.",
        "Casen „Birthe søger om en el-kørestol“ er ikke spillet endnu.",
        "Quizzen „Quiz om sagsoplysning og begrundelse“ er ikke taget endnu.",
        "Evalueringen „Evaluering af modulet“ er ikke indsendt endnu.",
      ]);
      await expectAccessible(page);
    });

    test("the lessons, and the case lost with one wrong click", async () => {
      await page.goto(`${app.url}${MODULE}/eksempel-velkommen`);
      await activateWithKeyboard(page, "Næste");
      await waitForPage(page, /eksempel-sagsoplysning$/, "Sagen skal være tilstrækkeligt oplyst");
      await activateWithKeyboard(page, "Næste");
      await waitForPage(page, /eksempel-case-stol$/, "Case: Birthe søger om en el-kørestol");
      await activateWithKeyboard(page, "Start casen");
      for (const button of ["Giv afslag på det foreliggende grundlag", "Se resultatet"]) {
        await activateWithKeyboard(page, button);
        await page.waitForLoadState("networkidle");
      }
      await page.getByRole("heading", { name: "Resultat: Forkert" }).waitFor();
    });

    test("a failed quiz shows right and wrong per question, the right answer and the explanation; the answer key was not in the page before", async () => {
      await page.goto(`${app.url}${QUIZ}`);
      const before = await page.content();
      expect(before).not.toContain("officialprincippet");
      expect(before).not.toContain("correct");
      await expectAccessible(page);

      // Submitting with a question unanswered is refused, and focus goes to the message.
      await selectOptionWithKeyboard(page, "Borgeren, der har søgt");
      await activateWithKeyboard(page, "Indsend svar");
      await page.getByRole("alert").waitFor();
      expect(await focusedText(page)).toMatch(/Besvar alle spørgsmål/);
      expect(await page.getByText("Besvar spørgsmål 2.").count()).toBeGreaterThan(0);
      await expectAccessible(page);

      await answerQuiz(page, [
        "Borgeren, der har søgt",
        "Ja, med borgerens samtykke",
        "Henvisning til de regler, afgørelsen bygger på",
        "Når borgeren ikke får fuldt medhold",
      ]);
      expect(await focusedText(page)).toBe("Ikke bestået: 2 af 4 rigtige (50 %)");
      const first = page.locator(".quiz-review > li").first();
      expect(await first.innerText()).toMatch(/Spørgsmål 1: Forkert/);
      expect(await first.innerText()).toMatch(/Rigtigt svar: Kommunen, der skal træffe afgørelsen/);
      expect(await first.innerText()).toMatch(/officialprincippet/);
      await expectAccessible(page);
    });

    test("the quiz is taken again and passed; the module page shows the best result", async () => {
      await activateWithKeyboard(page, "Tag quizzen igen");
      await page.waitForURL((url) => url.pathname === QUIZ && !url.search);
      await answerQuiz(page, [
        "Kommunen, der skal træffe afgørelsen",
        "Ja, med borgerens samtykke",
        "Henvisning til de regler, afgørelsen bygger på",
        "De faktiske oplysninger, der er lagt vægt på",
        "De hovedhensyn, der har været bestemmende for et skøn",
        "Når borgeren ikke får fuldt medhold",
      ]);
      expect(await focusedText(page)).toBe("Bestået: 4 af 4 rigtige (100 %)");
      await page.goto(`${app.url}${MODULE}`);
      const row = page.locator(".activity-list > li", { hasText: "Quiz om" });
      expect(await row.innerText()).toMatch(/Bestået/);
      expect(await row.innerText()).toMatch(/Bedste: 4 af 4 rigtige \(100 %\), 2 forsøg/);
    });

    test("a lost case is played, not passed: the module page and the certificate say so", async () => {
      const LOST =
        "Casen „Birthe søger om en el-kørestol“ er spillet, men ikke bestået (den skal ende korrekt): prøv igen.";
      await page.goto(`${app.url}${MODULE}`);
      expect(await page.locator(".missing-list li").allInnerTexts()).toContain(LOST);
      // The case's row says the same, and the progress bar counts the lessons and the quiz only.
      const caseRow = page.locator(".activity-list > li", { hasText: "Birthe søger" });
      expect(await caseRow.innerText()).toMatch(/Spillet, ikke bestået/);
      expect(await caseRow.innerText()).not.toMatch(/Gennemført|Bestået/);
      expect(await page.getByText("3 af 5 aktiviteter gennemført (60 %)").count()).toBe(1);
      expect(await page.getByText("Gennemført – ").count()).toBe(0);
      const response = await page.goto(`${app.url}${MODULE}/bevis`);
      expect(response?.status()).toBe(403);
      expect(await page.locator(".missing-list li").allInnerTexts()).toEqual([
        LOST,
        "Evalueringen „Evaluering af modulet“ er ikke indsendt endnu.",
      ]);
      await expectAccessible(page);
    });

    test("the case is played again and solved", async () => {
      await page.goto(`${app.url}${MODULE}/eksempel-case-stol`);
      await activateWithKeyboard(page, "Prøv igen");
      for (const button of [
        "Undersøg, hvilke oplysninger der mangler",
        "Fortsæt",
        "Indhent en lægeerklæring med Birthes samtykke",
        "Fortsæt",
        "Skriv et udkast til afgørelse",
        "Fortsæt",
        "Henvis til lægeerklæringen og de oplysninger, der er lagt vægt på",
        "Se resultatet",
      ]) {
        await activateWithKeyboard(page, button);
        await page.waitForLoadState("networkidle");
      }
      await page.getByRole("heading", { name: "Resultat: Korrekt" }).waitFor();
    });

    test("the evaluation: a draft can be saved and changed, then submitted once", async () => {
      await page.goto(`${app.url}${MODULE}/eksempel-evaluering`);
      await expectAccessible(page);
      const kendskab = page.getByRole("group", { name: /øget kendskab/ });
      const praksis = page.getByRole("group", { name: /påvirke min praksis/ });
      await selectOptionWithKeyboard(page, kendskab.getByLabel("I mindre grad", { exact: true }));
      await activateWithKeyboard(page, "Gem kladde");
      await page.getByText("Du har en gemt kladde.", { exact: false }).waitFor();
      expect(await kendskab.getByLabel("I mindre grad", { exact: true }).isChecked()).toBe(true);

      // Submitting with a statement unanswered is refused.
      await activateWithKeyboard(page, "Indsend");
      await page.getByRole("alert").waitFor();
      expect(await focusedText(page)).toMatch(/Evalueringen er ikke indsendt/);

      await selectOptionWithKeyboard(page, kendskab.getByLabel("I høj grad", { exact: true }));
      await selectOptionWithKeyboard(page, praksis.getByLabel("I nogen grad", { exact: true }));
      await page.keyboard.press("Tab");
      await page.keyboard.type("Flere cases om udmåling.");
      await activateWithKeyboard(page, "Indsend");
      await page.getByRole("heading", { name: "Tak for din evaluering" }).waitFor();
      expect(await focusedText(page)).toBe("Tak for din evaluering");
      await expectAccessible(page);
    });

    test("the module is complete; the certificate opens and prints; the checklists print", async () => {
      await page.goto(`${app.url}${MODULE}`);
      expect(await page.getByText("Gennemført – 5 af 5 aktiviteter (100 %)").count()).toBe(1);
      await expectAccessible(page);
      await activateWithKeyboard(page, "Se og udskriv dit kursusbevis");
      await page.waitForURL(/\/bevis$/);
      const certificate = await page.locator(".certificate").innerText();
      expect(certificate).toMatch(/Kursusbevis/);
      expect(certificate).toMatch(/Sara Sagsbehandler/);
      expect(certificate).toMatch(/Eksempelmodul – sådan virker Sagslab/);
      expect(certificate).toMatch(/RSL § 10 · FVL § 24/);
      expect(certificate).toMatch(/Gennemført\s+\d{1,2}\. \w+ \d{4}/);
      expect(certificate).toMatch(/Demo Kommune/);
      const code = (await page.locator(".certificate-code").innerText()).trim();
      const certificateFacts = await page.locator(".certificate-facts").innerText();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expectAccessible(page);
      await page.emulateMedia({ media: "print" });
      const certificatePdf = await page.pdf({ format: "A4" });
      expect(certificatePdf.subarray(0, 5).toString()).toBe("%PDF-");
      await page.emulateMedia({ media: "screen" });

      await page.goto(app.url);
      expect(await page.getByText("Gennemført – 5 af 5 aktiviteter (100 %)").count()).toBe(1);
      expect(await page.getByRole("link", { name: /^Kursusbevis: Eksempelmodul/ }).count()).toBe(1);

      // Anyone handed the printed certificate can check its code, without signing in.
      const anonymous = await browser.newContext();
      const checker = await anonymous.newPage();
      const check = await checker.goto(`${app.url}/bevis/${code.toLowerCase()}`);
      expect(check?.status()).toBe(200);
      expect(await checker.getByRole("heading", { level: 1 }).innerText()).toBe("Kursusbeviset er gyldigt");
      const facts = await checker.locator(".certificate-facts").innerText();
      // Exactly what the certificate says: the same facts, word for word.
      expect(facts).toBe(certificateFacts);
      expect(facts).toMatch(/Sara Sagsbehandler/);
      expect(facts).toMatch(/Demo Kommune/);
      expect(facts).toMatch(/Eksempelmodul – sådan virker Sagslab/);
      expect(facts).toContain(code);
      expect(facts).not.toMatch(/@|point|%/);
      await expectAccessible(checker);
      const unknown = await checker.goto(`${app.url}/bevis/AAAA-BBBB-CCCC`);
      expect(unknown?.status()).toBe(404);
      expect(await checker.getByRole("heading", { level: 1 }).innerText()).toBe("Kursusbeviset findes ikke");
      await expectAccessible(checker);
      await anonymous.close();

      await page.goto(`${app.url}${MODULE}/tjeklister`);
      expect(await page.getByRole("heading", { level: 2 }).allInnerTexts()).toEqual([
        "Er sagen tilstrækkeligt oplyst?",
      ]);
      // The ticks are remembered by the page's script: tick after it has loaded, and give it a
      // moment after the reload to restore them.
      await page.waitForLoadState("networkidle");
      await selectOptionWithKeyboard(page, "Har borgeren fået mulighed for at bidrage med oplysninger?");
      await page.reload();
      await page.waitForLoadState("networkidle");
      await expect
        .poll(() => page.getByLabel("Har borgeren fået mulighed for at bidrage med oplysninger?").isChecked())
        .toBe(true);
      await expectAccessible(page);
      await page.emulateMedia({ media: "print" });
      const checklistPdf = await page.pdf({ format: "A4" });
      expect(checklistPdf.subarray(0, 5).toString()).toBe("%PDF-");
    });
  },
);
