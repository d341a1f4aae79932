/**
 * Issue 15: the browser editor and broken activities under development. The app runs a
 * development build (the editor exists only there) on a temporary copy of the sample course,
 * never on content/: edit, see the unsaved preview change, save with the keyboard, see an error
 * at its line in the gutter, create an activity from a template, edit without JavaScript, reach a
 * step's line from the case map, keep what was written when a save or a new activity is refused
 * (without JavaScript too); an author sees a broken activity's errors where its content would
 * be, a learner never sees it. axe at 1280 and 390 px.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startAppServer, type AppServer } from "./app-server";
import { DEMO, DEMO_PASSWORD, expectAccessibleAtBothWidths, launchBrowser, logInWithKeyboard } from "./browser";
import { FIXTURE_CONTENT_DIR } from "./global-setup";

const skipReason = inject("browserSkipReason");
const DEV_BUILD = path.resolve("tests/.artifacts/dev-build");
const LESSON = "/forfatter/rediger/eksempel/01-velkommen.mdx";
const CASE = "/forfatter/rediger/eksempel/03-case-hjaelpemiddel.mdx";

const BROKEN_LESSON = `---
id: eksempel-fejl
title: En lektion med fejl
type: lesson
estimatedMinutes: 5
---

Teksten står her.

<Callut type="obs">Stavet forkert.</Callut>
`;

/** Presses Tab until the element with focus matches `selector`. */
async function tabTo(page: Page, selector: string, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Could not reach ${selector} with the Tab key`);
}

/** The line number beside the gutter's error marker (the two gutters' elements share their rows). */
async function errorMarkerLines(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const numbers = [...document.querySelectorAll(".cm-lineNumbers .cm-gutterElement")];
    return [...document.querySelectorAll(".cm-gutter-lint .cm-gutterElement")]
      .filter((element) => element.querySelector(".cm-lint-marker-error"))
      .map((element) => {
        const top = element.getBoundingClientRect().top;
        const beside = numbers.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 2);
        return Number(beside?.textContent);
      });
  });
}

describe.skipIf(Boolean(skipReason))("the browser editor (development)", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let root: string;
  let contentDir: string;

  beforeAll(async () => {
    // The editor exists only in a development build: made beside the production build the other tests use.
    if (process.env.SKIP_BUILD !== "1" || !existsSync(path.join(DEV_BUILD, "server", "index.js"))) {
      execFileSync("npx", ["remix", "build"], {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "development", BUILD_DIR: DEV_BUILD },
      });
    }
    root = mkdtempSync(path.join(tmpdir(), "sagslab-editor-"));
    contentDir = path.join(root, "content");
    cpSync(FIXTURE_CONTENT_DIR, contentDir, { recursive: true });
    writeFileSync(path.join(contentDir, "eksempel", "07-fejl.mdx"), BROKEN_LESSON);
    app = await startAppServer({ env: { NODE_ENV: "development", BUILD_DIR: DEV_BUILD, CONTENT_DIR: contentDir } });
    ({ browser, page } = await launchBrowser());
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInWithKeyboard(page, app.url, DEMO.author, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const fileText = (name: string) => readFileSync(path.join(contentDir, "eksempel", name), "utf8");

  test("a broken activity: listed for the author marked Fejl, its errors in place of the content; a learner gets 404", async () => {
    await page.goto(`${app.url}/moduler/eksempel`);
    const item = page.locator(".activity-list li", { hasText: "En lektion med fejl" });
    expect(await item.innerText()).toMatch(/Fejl/);
    await item.getByRole("link", { name: "En lektion med fejl" }).click();
    await page.getByRole("heading", { level: 1, name: "En lektion med fejl" }).waitFor();
    expect(await page.getByText("Aktiviteten har 1 fejl og vises ikke for kursister").count()).toBe(1);
    const row = page.getByRole("table", { name: "Fejl i aktivitetens fil" }).getByRole("row").nth(1);
    expect(await row.getByRole("cell").allInnerTexts()).toEqual([
      expect.stringMatching(/eksempel\/07-fejl\.mdx$/),
      "10",
      "1",
      expect.stringMatching(/^Ukendt komponent <Callut>\..*Mente du <Callout>\?/),
    ]);
    await expectAccessibleAtBothWidths(page);
    await page.getByRole("link", { name: "Ret filen i editoren" }).click();
    await page.getByRole("heading", { level: 1, name: "Rediger 07-fejl.mdx" }).waitFor();

    const learner = await browser.newContext({ locale: "da-DK" });
    try {
      const learnerPage = await learner.newPage();
      await logInWithKeyboard(learnerPage, app.url, DEMO.learner, DEMO_PASSWORD);
      expect((await learnerPage.goto(`${app.url}/moduler/eksempel/eksempel-fejl`))?.status()).toBe(404);
      await learnerPage.goto(`${app.url}/moduler/eksempel`);
      expect(await learnerPage.getByText("En lektion med fejl").count()).toBe(0);
      // The editor is the author's: a learner is refused it, reading and saving.
      expect((await learnerPage.goto(`${app.url}${LESSON}`))?.status()).toBe(403);
      const posted = await learnerPage.request.post(`${app.url}${LESSON}`, {
        form: { intent: "save", source: "overskrevet", baseHash: "0000000000000000" },
      });
      expect(posted.status()).toBe(403);
      expect(fileText("01-velkommen.mdx")).not.toBe("overskrevet");
    } finally {
      await learner.close();
    }
  });

  test("edit with the keyboard: the preview follows the text before saving; saving writes the file and checks it", async () => {
    await page.goto(`${app.url}${LESSON}`);
    await page.locator(".cm-editor").waitFor();
    await expectAccessibleAtBothWidths(page);
    await page.locator("h1").focus();
    await tabTo(page, ".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nEn ny sætning om partshøring.\n");
    // The preview shows the unsaved text, rendered as the learner will see it.
    await page.locator(".editor-preview .prose", { hasText: "En ny sætning om partshøring." }).waitFor();
    expect(await page.getByText("Teksten i editoren, som den vil se ud – ikke gemt endnu.").count()).toBe(1);
    expect(fileText("01-velkommen.mdx")).not.toContain("partshøring");

    await tabTo(page, "button[value=save]");
    await page.keyboard.press("Enter");
    await page.getByText(/Filen er gemt kl\./).waitFor();
    expect(await page.getByText("Indholdskontrollen fandt ingen fejl i filen.").count()).toBe(1);
    // Focus moved to the message, so a screen reader hears it.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("editor-status"))).toBe(true);
    expect(fileText("01-velkommen.mdx")).toContain("\nEn ny sætning om partshøring.\n");
    expect(fileText("01-velkommen.mdx")).not.toContain("\r");

    // The learner's page shows the saved text at once (development compiles on change).
    await page.goto(`${app.url}/moduler/eksempel/eksempel-velkommen`);
    expect(await page.getByText("En ny sætning om partshøring.").count()).toBe(1);
  });

  test("an error appears in the gutter at its line and in the list, and the list's button goes to the line", async () => {
    await page.goto(`${app.url}${LESSON}`);
    await page.locator(".cm-editor").waitFor();
    expect(await errorMarkerLines(page)).toEqual([]);
    // Line 13 is `<Callout type="obs">`: misspell the type.
    await page.locator(".cm-line", { hasText: '<Callout type="obs">' }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("x");
    await page.getByRole("button", { name: "Gem og kontrollér" }).click();
    await page.getByText("Indholdskontrollen fandt 1 fejl i filen.", { exact: false }).waitFor();
    expect(fileText("01-velkommen.mdx")).toContain('<Callout type="obsx">');
    await page.locator(".cm-lint-marker-error").waitFor();
    expect(await errorMarkerLines(page)).toEqual([13]);
    const listed = page.locator(".editor-problem-list li");
    expect(await listed.innerText()).toMatch(/01-velkommen\.mdx:13:\d+ Ukendt type "obsx" i type på <Callout>/);
    await listed.getByRole("button", { name: "Gå til linje 13" }).click();
    expect(await page.locator(".cm-activeLine").innerText()).toBe('<Callout type="obsx">');
    await expectAccessibleAtBothWidths(page);

    // Put it right again: the marker goes.
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.getByRole("button", { name: "Gem og kontrollér" }).click();
    await page.getByText("Indholdskontrollen fandt ingen fejl i filen.").waitFor();
    expect(await errorMarkerLines(page)).toEqual([]);
  });

  test("the case map links each step to its line in the editor; the preview shows the map", async () => {
    const lines = fileText("03-case-hjaelpemiddel.mdx").split("\n");
    const lineOf = (start: string) => lines.findIndex((line) => line.startsWith(start)) + 1;
    const step = lineOf('<Step id="oplysning"');
    const outcome = lineOf('<Outcome id="bevilget"');
    await page.goto(`${app.url}/forfatter/case/eksempel-case-stol`);
    const edit = page.getByRole("link", { name: `Rediger linje ${step} (oplysning)` });
    expect(await edit.count()).toBe(1);
    await edit.click();
    await page.getByRole("heading", { level: 1, name: "Rediger 03-case-hjaelpemiddel.mdx" }).waitFor();
    expect(new URL(page.url()).search).toBe(`?linje=${step}`);
    await page.locator(".cm-editor").waitFor();
    expect(await page.locator(".cm-activeLine").innerText()).toBe('<Step id="oplysning" phase="oplysning">');
    expect(await page.locator(".editor-preview svg.case-map-svg").count()).toBe(1);
    expect(await page.getByText(/Højeste score: \d+ point/).count()).toBe(1);
    await page.getByRole("link", { name: `Afslutning bevilget: linje ${outcome}` }).click();
    expect(await page.locator(".cm-activeLine").innerText()).toBe('<Outcome id="bevilget" result="korrekt">');
    await expectAccessibleAtBothWidths(page);
  });

  test("a new activity from a template: the file is made, passes the check and opens in the editor", async () => {
    await page.goto(`${app.url}/forfatter/ny`);
    await page.getByLabel("Type").selectOption("case");
    await page.getByLabel("Filnavn").fill("Forkert navn");
    await page.getByLabel("Titel").fill("Case: Ny sag");
    await page.getByRole("button", { name: "Lav aktiviteten" }).click();
    await page.getByText("Navnet må kun have små bogstaver a-z, tal og bindestreg", { exact: false }).first().waitFor();
    await expectAccessibleAtBothWidths(page);
    await page.getByLabel("Filnavn").fill("ny-sag");
    await page.getByRole("button", { name: "Lav aktiviteten" }).click();
    await page.getByRole("heading", { level: 1, name: "Rediger 08-ny-sag.mdx" }).waitFor();
    expect(fileText("08-ny-sag.mdx")).toMatch(/^---\nid: eksempel-ny-sag\ntitle: "Case: Ny sag"\ntype: case\n/);
    expect(await page.getByRole("heading", { name: "Ingen fejl i filen" }).count()).toBe(1);
    expect(await page.locator(".editor-preview svg.case-map-svg").count()).toBe(1);
    // The same name again is refused, nothing is overwritten.
    await page.goto(`${app.url}/forfatter/ny`);
    await page.getByLabel("Filnavn").fill("ny-sag");
    await page.getByLabel("Titel").fill("Igen");
    await page.getByRole("button", { name: "Lav aktiviteten" }).click();
    await page
      .getByText(/Id'et "eksempel-ny-sag" eller filen/)
      .first()
      .waitFor();
    expect(existsSync(path.join(contentDir, "eksempel", "09-ny-sag.mdx"))).toBe(false);
  });

  test("a path outside the content folder or of another kind is refused", async () => {
    for (const address of [
      "/forfatter/rediger/eksempel/..%2F..%2Fpackage.json",
      "/forfatter/rediger/eksempel/01-velkommen.md",
      "/forfatter/rediger/..%2Fetc/module.mdx",
      "/forfatter/rediger/findes-ikke/module.mdx",
    ]) {
      expect((await page.request.get(`${app.url}${address}`)).status(), address).toBe(404);
    }
    const posted = await page.request.post(`${app.url}/forfatter/rediger/eksempel/..%2F..%2Fx.mdx`, {
      form: { intent: "save", source: "x", baseHash: "0000000000000000" },
    });
    expect(posted.status()).toBe(404);
    expect(existsSync(path.join(root, "x.mdx"))).toBe(false);
    // A form the editor does not know is refused with its Danish message; nothing is written.
    const before = fileText("01-velkommen.mdx");
    const unknown = await page.request.post(`${app.url}${LESSON}`, {
      form: { intent: "slet", source: "overskrevet", baseHash: "0000000000000000" },
    });
    expect(unknown.status()).toBe(400);
    expect(await unknown.text()).toContain("Ukendt handling.");
    expect(fileText("01-velkommen.mdx")).toBe(before);
  });

  test("without JavaScript the editor is a plain form: edit the textarea, save, see the check", async () => {
    const { browser: plain, page: noScript } = await launchBrowser({ javaScriptEnabled: false });
    try {
      await logInWithKeyboard(noScript, app.url, DEMO.author, DEMO_PASSWORD);
      await noScript.goto(`${app.url}${CASE}`);
      const area = noScript.getByLabel("Filens indhold (MDX)");
      expect(await area.getAttribute("spellcheck")).toBe("true");
      const source = await area.inputValue();
      await area.fill(source.replace('start="modtagelse"', 'start="modtagelsen"'));
      await noScript.getByRole("button", { name: "Gem og kontrollér" }).click();
      await noScript.getByText(/Filen er gemt kl\./).waitFor();
      expect(await noScript.locator(".editor-problem-list").innerText()).toMatch(
        /03-case-hjaelpemiddel\.mdx:12:\d+ start="modtagelsen" findes ikke.*Mente du "modtagelse"\?/,
      );
      expect(fileText("03-case-hjaelpemiddel.mdx")).toContain('start="modtagelsen"');
      await noScript.getByLabel("Filens indhold (MDX)").fill(source);
      await noScript.getByRole("button", { name: "Gem og kontrollér" }).click();
      await noScript.getByRole("heading", { name: "Ingen fejl i filen" }).waitFor();
      expect(fileText("03-case-hjaelpemiddel.mdx")).toBe(source);
    } finally {
      await plain.close();
    }
  });

  test("without JavaScript a refused form keeps what was written: a save over a change made meanwhile, a bad file name", async () => {
    const { browser: plain, page: noScript } = await launchBrowser({ javaScriptEnabled: false });
    const lessonFile = path.join(contentDir, "eksempel", "01-velkommen.mdx");
    const opened = fileText("01-velkommen.mdx");
    try {
      await logInWithKeyboard(noScript, app.url, DEMO.author, DEMO_PASSWORD);
      await noScript.goto(`${app.url}${LESSON}`);
      // Someone else saves the file after the page was opened.
      writeFileSync(lessonFile, `${opened}\nRettet et andet sted.\n`);
      const mine = `${opened}\nMin egen sætning.\n`;
      await noScript.getByLabel("Filens indhold (MDX)").fill(mine);
      await noScript.getByRole("button", { name: "Gem og kontrollér" }).click();
      await noScript.getByRole("alert").filter({ hasText: "Filen er ændret et andet sted" }).waitFor();
      expect(await noScript.getByText(/Filen er gemt kl\./).count()).toBe(0);
      expect(fileText("01-velkommen.mdx")).toContain("Rettet et andet sted.");
      expect(fileText("01-velkommen.mdx")).not.toContain("Min egen sætning.");
      // The author's text is still in the form, to copy.
      expect(await noScript.getByLabel("Filens indhold (MDX)").inputValue()).toContain("Min egen sætning.");

      const files = readdirSync(path.join(contentDir, "eksempel")).length;
      await noScript.goto(`${app.url}/forfatter/ny`);
      await noScript.getByLabel("Type").selectOption("quiz");
      await noScript.getByLabel("Filnavn").fill("Forkert navn");
      await noScript.getByLabel("Titel").fill("Quiz: Ny quiz");
      await noScript.getByRole("button", { name: "Lav aktiviteten" }).click();
      const summary = noScript.getByRole("alert");
      await summary.waitFor();
      expect(await summary.innerText()).toMatch(/Aktiviteten er ikke lavet[\s\S]*Navnet må kun have små bogstaver/);
      expect(await noScript.getByLabel("Type").inputValue()).toBe("quiz");
      expect(await noScript.getByLabel("Filnavn").inputValue()).toBe("Forkert navn");
      expect(await noScript.getByLabel("Titel").inputValue()).toBe("Quiz: Ny quiz");
      // The summary's message leads to its field.
      expect(await summary.getByRole("link", { name: /Navnet må kun have/ }).getAttribute("href")).toBe(
        `#${await noScript.getByLabel("Filnavn").getAttribute("id")}`,
      );
      expect(readdirSync(path.join(contentDir, "eksempel")).length).toBe(files);
    } finally {
      writeFileSync(lessonFile, opened);
      await plain.close();
    }
  });
});
