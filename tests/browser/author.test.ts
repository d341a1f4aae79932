/**
 * The author's side: the overview with check results and drafts, a case map, a step preview
 * where choices are taken without storing anything, the quiz answers, and a course with an
 * error in it. Learners and trainers are refused every author page; drafts stay hidden from them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { compileContent } from "~/content/compile.server";
import { startAppServer, type AppServer } from "./app-server";
import { closeSession, openSession } from "./session";
import { DEMO, DEMO_PASSWORD, expectAccessible, launchBrowser, logInWithKeyboard } from "./browser";
import { FIXTURE_CONTENT_DIR } from "./global-setup";

const skipReason = inject("browserSkipReason");
const CASE_MAP = "/forfatter/case/eksempel-case-stol";
const AUTHOR_PAGES = [
  "/forfatter/live",
  "/forfatter",
  CASE_MAP,
  `${CASE_MAP}/trin/udkast?flag=laegeerklaering`,
  "/forfatter/quiz/eksempel-quiz",
  "/forfatter/case/kladde-stor-sag",
  "/forfatter/rediger/eksempel/01-velkommen.mdx",
  "/forfatter/ny",
];

async function newPageAs(browser: Browser, url: string, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "da-DK" });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await logInWithKeyboard(page, url, email, DEMO_PASSWORD);
  return page;
}

describe.skipIf(Boolean(skipReason))("the author pages", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openSession({ email: DEMO.author }));
  });
  afterAll(() => closeSession({ app, browser }));

  test("the overview lists every module, drafts marked, each activity with type, id, time, legal basis and its check result", async () => {
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Forfatter" }).click();
    await page.getByRole("heading", { level: 1, name: "Forfatter: hele kurset" }).waitFor();
    expect(await page.getByText("Indholdskontrollen fandt ingen fejl").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 2 }).allInnerTexts()).toEqual([
      "Eksempelmodul – sådan virker Sagslab",
      "Kladdemodul – en stor sag Kladde",
    ]);
    const caseRow = page.getByRole("row", { name: /Case: Birthe søger om en el-kørestol/ });
    expect(await caseRow.getByRole("cell").allInnerTexts()).toEqual([
      "Case",
      "eksempel-case-stol",
      "10 min.",
      "RSL § 10, FVL § 24",
      "✓ Ingen fejl",
      expect.stringContaining("Kort"),
    ]);
    expect(await page.getByRole("row").filter({ hasText: "Ingen fejl" }).count()).toBe(7);
    // The draft's long case has its best choice as the longest label in 4 of 6 steps: the length
    // warning stands under its module, naming the file and the case, and stops nothing.
    expect(await page.getByText(/Den har 1 advarsel/).innerText()).toMatch(/det længste/);
    const draftCase = page.getByRole("row", { name: /^Case: En lang sag om hjemmehjælp/ });
    expect(await draftCase.innerText()).toMatch(/Ingen fejl\s+! 1 advarsel/);
    const warnings = page.getByRole("table", { name: "Advarsler i Kladdemodul – en stor sag" });
    expect(await warnings.locator("tbody tr").allInnerTexts()).toEqual([
      expect.stringMatching(
        /kladde\/01-stor-sag\.mdx\s+11\s+1\s+Advarsel: I casen „Case: En lang sag om hjemmehjælp“ har det bedste valg den længste tekst i 4 af 6 trin med flere valg \(67 %\)/,
      ),
    ]);
    await expectAccessible(page);
  });

  test("the case map: SVG laid out by phase, best path and maximum score, and a table of the same graph", async () => {
    await page.goto(`${app.url}/forfatter`);
    await page.getByRole("link", { name: "Kort over Case: Birthe søger om en el-kørestol" }).click();
    await page.getByRole("heading", { level: 1, name: "Kort: Case: Birthe søger om en el-kørestol" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(CASE_MAP);
    expect(await page.getByText("Højeste score: 7 point").count()).toBe(1);
    const svg = page.locator("svg.case-map-svg");
    expect(await svg.locator(".map-phase").count()).toBe(3);
    expect(await svg.locator(".map-node").count()).toBe(8);
    expect(await svg.locator(".map-edge").count()).toBe(10);
    expect(await svg.locator(".map-edge-best").count()).toBe(4);
    expect(await svg.locator(".map-result-forkert text").allTextContents()).toEqual([
      "afslag-uoplyst",
      "Afslutning · Forkert",
    ]);
    const table = page.getByRole("table", { name: /Alle trin og afslutninger/ });
    expect(await table.getByRole("row").count()).toBe(9);
    expect(await table.getByRole("row", { name: /^udkast/ }).innerText()).toMatch(
      /Bedste vej, valg 4: „Henvis til lægeerklæringen og de oplysninger, der er lagt vægt på“ \(2 point · kræver laegeerklaering\) → bevilget/,
    );
    await expectAccessible(page);
  });

  test("a large draft case of 22 steps is laid out without overlaps", async () => {
    await page.goto(`${app.url}/forfatter/case/kladde-stor-sag`);
    expect(await page.getByText("22 trin, 3 afslutninger, 28 valg").count()).toBe(1);
    const boxes = await page
      .locator("svg.case-map-svg .map-node > rect:first-child")
      .evaluateAll((rects) =>
        rects
          .map((rect) => (rect as SVGRectElement).getBBox())
          .map(({ x, y, width, height }) => ({ x, y, width, height })),
      );
    expect(boxes).toHaveLength(25);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
      }
    }
    await expectAccessible(page);
  });

  test("preview: open a step from the map, see every choice with points and targets, take choices, nothing is stored", async () => {
    await page.goto(`${app.url}${CASE_MAP}`);
    await page.getByRole("link", { name: "oplysning – forhåndsvis" }).click();
    await page.getByRole("heading", { level: 1, name: /^Trin: oplysning/ }).waitFor();
    expect(await page.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual([
      "„Indhent en lægeerklæring med Birthes samtykke“",
      "„Bed Birthe om selv at skaffe alle papirer“",
      "„Ingen af delene: vent, til Birthe selv sender noget“",
    ]);
    expect(
      await page.getByText("Id laege · 2 point · sætter laegeerklaering · fører til trinnet laegesvar").count(),
    ).toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: /^Tag dette valg\W+Indhent en lægeerklæring/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Trin: laegesvar/ }).waitFor();
    expect(page.url()).toMatch(/\/trin\/laegesvar\?flag=laegeerklaering&vej=oplysning%2Flaege$/);
    expect(await page.getByRole("heading", { name: /Tilbagemelding på „Indhent en lægeerklæring/ }).count()).toBe(1);
    expect(await page.getByText("Lægeerklæring af 20. marts").count()).toBe(1);
    await page.getByRole("link", { name: /^Tag dette valg\W+Skriv et udkast/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Trin: udkast/ }).waitFor();
    // The flag set two steps ago makes the best choice available.
    expect(await page.getByText("Tilbydes ikke kursisten nu").count()).toBe(0);
    await page.getByRole("link", { name: /^Tag dette valg\W+Henvis til lægeerklæringen/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Afslutning: bevilget/ }).waitFor();
    expect(await page.locator(".module-facts").innerText()).toMatch(/Korrekt[\s\S]*Score på vejen hertil\s*5 point/);
    await expectAccessible(page);

    // The author's own case page still has no attempt: the preview stored nothing.
    await page.goto(`${app.url}/moduler/eksempel/eksempel-case-stol`);
    expect(await page.getByRole("button", { name: "Start casen" }).count()).toBe(1);
  });

  test("a bad preview address gets a Danish 400", async () => {
    const response = await page.goto(`${app.url}${CASE_MAP}/trin/udkast?flag=ukendt`);
    expect(response?.status()).toBe(400);
    expect(await page.getByText('Flaget "ukendt" bruges ikke i casen.').count()).toBe(1);
    expect((await page.goto(`${app.url}${CASE_MAP}/trin/findes-ikke`))?.status()).toBe(404);
    expect((await page.goto(`${app.url}/forfatter/case/eksempel-quiz`))?.status()).toBe(404);
  });

  test("the quiz: every question with the correct options marked in words and the explanations", async () => {
    await page.goto(`${app.url}/forfatter`);
    await page.getByRole("link", { name: /Svar og forklaringer til Quiz/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Svar og forklaringer/ }).waitFor();
    expect(await page.getByRole("heading", { level: 2 }).count()).toBe(4);
    expect(await page.getByRole("heading", { name: "Forklaring", exact: true }).count()).toBe(4);
    expect(await page.locator(".option-correct").allInnerTexts()).toContain(
      "✓ Rigtigt: Kommunen, der skal træffe afgørelsen (kommune)",
    );
    expect(await page.getByText("Det følger af officialprincippet").count()).toBe(1);
    await expectAccessible(page);
  });

  test("an administrator may open the author pages; a learner and a trainer get 403 on every one", async () => {
    const admin = await newPageAs(browser, app.url, DEMO.admin);
    expect((await admin.goto(`${app.url}/forfatter`))?.status()).toBe(200);
    await admin.context().close();

    for (const email of [DEMO.learner, DEMO.trainer]) {
      const other = await newPageAs(browser, app.url, email);
      expect(await other.getByRole("link", { name: "Forfatter" }).count()).toBe(0);
      for (const url of AUTHOR_PAGES) {
        expect((await other.goto(`${app.url}${url}`))?.status(), `${email} ${url}`).toBe(403);
      }
      expect(await other.getByRole("heading", { level: 1 }).innerText()).toBe("Du har ikke adgang");
      await expectAccessible(other);
      await other.context().close();
    }
  });

  test("in production the editor is off and the author pages say why; a save is refused and changes nothing", async () => {
    await page.goto(`${app.url}/forfatter`);
    expect(await page.getByText(/Redigering i browseren er slået fra i drift/).count()).toBe(1);
    expect(await page.getByRole("link", { name: /^Rediger/ }).count()).toBe(0);
    for (const address of ["/forfatter/rediger/eksempel/01-velkommen.mdx", "/forfatter/ny"]) {
      await page.goto(`${app.url}${address}`);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(/Redigering er slået fra|Ny aktivitet/);
      expect(await page.getByText(/indholdet er kompileret ind i bygningen/).count()).toBe(1);
      await expectAccessible(page);
    }
    const posted = await page.request.post(`${app.url}/forfatter/rediger/eksempel/01-velkommen.mdx`, {
      form: { intent: "save", source: "overskrevet", baseHash: "0000000000000000" },
    });
    expect(posted.status()).toBe(403);
    expect(await posted.text()).toMatch(/slået fra i drift/);
    expect(readFileSync(path.join(FIXTURE_CONTENT_DIR, "eksempel", "01-velkommen.mdx"), "utf8")).not.toBe(
      "overskrevet",
    );
  });

  test("a draft module is hidden from the learner (catalogue, direct address: 404) and open to the author", async () => {
    const learner = await newPageAs(browser, app.url, DEMO.learner);
    expect(await learner.locator(".module-card-title").allInnerTexts()).toEqual([
      "Eksempelmodul – sådan virker Sagslab",
    ]);
    for (const url of [
      "/moduler/kladde",
      "/moduler/kladde/kladde-stor-sag",
      "/moduler/kladde/tjeklister",
      "/moduler/kladde/bevis",
    ]) {
      expect((await learner.goto(`${app.url}${url}`))?.status(), url).toBe(404);
    }
    await learner.context().close();

    expect((await page.goto(`${app.url}/moduler/kladde`))?.status()).toBe(200);
    expect((await page.goto(`${app.url}/moduler/kladde/kladde-stor-sag`))?.status()).toBe(200);
  });
});

describe.skipIf(Boolean(skipReason))("the author pages on a course with errors", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let root: string;

  beforeAll(async () => {
    // The sample course with one step that no choice leads to: what `npm run dev` shows an author.
    root = mkdtempSync(path.join(tmpdir(), "sagslab-broken-"));
    const contentDir = path.join(root, "content");
    cpSync(FIXTURE_CONTENT_DIR, contentDir, { recursive: true });
    const caseFile = path.join(contentDir, "eksempel", "03-case-hjaelpemiddel.mdx");
    const island = `<Step id="oede" phase="opfoelgning">\n\nHertil fører intet valg.\n\n<Choice to="bevilget" label="Afslut" topic="opfoelgning">\n\nSlut.\n\n</Choice>\n\n</Step>\n\n`;
    writeFileSync(
      caseFile,
      readFileSync(caseFile, "utf8").replace('<Outcome id="bevilget"', `${island}<Outcome id="bevilget"`),
    );
    const course = await compileContent(contentDir, root);
    const courseFile = path.join(root, "course.json");
    writeFileSync(courseFile, JSON.stringify(course));
    app = await startAppServer({ courseFile });
    ({ browser, page } = await launchBrowser());
    await logInWithKeyboard(page, app.url, DEMO.author, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test("the error is shown with file, line and the Danish message; the map marks the step that cannot be reached", async () => {
    await page.goto(`${app.url}/forfatter`);
    expect(await page.getByText("Indholdskontrollen fandt 1 fejl i 1 fil").count()).toBe(1);
    const problems = page.getByRole("table", { name: "Fejl i Eksempelmodul – sådan virker Sagslab" });
    expect(await problems.getByRole("row").nth(1).getByRole("cell").allInnerTexts()).toEqual([
      "content/eksempel/03-case-hjaelpemiddel.mdx",
      expect.stringMatching(/^\d+$/),
      "1",
      'Trinnet "oede" kan ikke nås fra start ("modtagelse"): intet valg, som kursisten kan træffe, fører hertil.',
    ]);
    expect(await page.getByRole("row", { name: /Case: Birthe/ }).innerText()).toMatch(
      /kan ikke spilles[\s\S]*✗ 1 fejl/,
    );
    await expectAccessible(page);

    await page.getByRole("link", { name: "Kort over Case: Birthe søger om en el-kørestol" }).click();
    await page.getByRole("heading", { level: 1, name: "Kort: Case: Birthe søger om en el-kørestol" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(CASE_MAP);
    expect(await page.getByText("Casen kan ikke spilles af kursister").count()).toBe(1);
    expect(await page.locator("svg .map-unreachable text").allTextContents()).toEqual([
      "oede",
      "Trin · Opfølgning",
      "Kan ikke nås",
    ]);
    expect(await page.locator(".case-map-table").getByRole("row", { name: /^oede/ }).innerText()).toMatch(
      /Kan ikke nås/,
    );
    await expectAccessible(page);
  });
});
