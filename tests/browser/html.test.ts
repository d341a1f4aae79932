/**
 * Every page type of the real course, as each role sees it, is valid HTML by the W3C Nu Html
 * Checker (vnu-jar) and contains no NUL byte. Pages are fetched over HTTP, not through Chromium:
 * the bytes the server sends are what is checked.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CompiledCourse } from "../../app/content/types";
import { startAppServer, type AppServer } from "./app-server";
import { DEMO, DEMO_PASSWORD } from "./browser";
import { HttpClient, type RawResponse } from "./http-client";

const COURSE_FILE = path.resolve("build/content/course.json");
const VNU_JAR = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

function javaMissing(): string {
  const java = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (java.error || java.status !== 0)
    return 'Java findes ikke; W3C-kontrollen kræver "apt-get install -y default-jre-headless".';
  return "";
}
// Needs Java, not Chromium: the pages are fetched over HTTP.
const skipReason = javaMissing();
if (skipReason && (process.env.CI || process.env.REQUIRE_BROWSER_TESTS === "1")) {
  throw new Error(`HTML-kontrollen skal køre, men: ${skipReason}`);
}

interface CheckedPage {
  label: string;
  response: RawResponse;
}

describe.skipIf(Boolean(skipReason))("the HTML of every page type", () => {
  let app: AppServer;
  let course: CompiledCourse;
  const pages: CheckedPage[] = [];

  const visit = async (
    client: HttpClient,
    label: string,
    pathname: string,
    expectedStatus: number | number[] = 200,
  ) => {
    const response = await client.get(pathname);
    expect([expectedStatus].flat(), `${label} (${pathname})`).toContain(response.status);
    pages.push({ label: `${label} (${pathname})`, response });
    return response;
  };

  beforeAll(async () => {
    course = JSON.parse(readFileSync(COURSE_FILE, "utf8")) as CompiledCourse;
    app = await startAppServer({ courseFile: COURSE_FILE });

    const anonymous = new HttpClient(app.url);
    await visit(anonymous, "login", "/login");
    await visit(anonymous, "not found", "/findes-ikke", 404);
    await visit(anonymous, "forgotten password", "/glemt-adgangskode");
    await visit(anonymous, "password reset, unknown link", "/nulstil-adgangskode/ukendt", [200, 400, 404, 410]);
    await visit(anonymous, "invitation, unknown link", "/invitation/ukendt", [200, 400, 404, 410]);
    await visit(anonymous, "certificate check", "/bevis");
    const empty = await visit(anonymous, "certificate check, no code typed", "/bevis?kode=", 400);
    expect(empty.text).toContain("Skriv kontrolkoden, som den står nederst på kursusbeviset.");
    await visit(anonymous, "certificate check, unknown code", "/bevis/UKENDT", [200, 404]);

    const learner = new HttpClient(app.url);
    await learner.logIn(DEMO.learner, DEMO_PASSWORD);
    await visit(learner, "catalogue", "/");
    await visit(learner, "join a cohort", "/tilmeld");
    await visit(learner, "join link, unknown code", "/tilmeld/ABCD-EFGH", [200, 400, 404]);
    await visit(learner, "my account", "/min-konto");
    await visit(learner, "log out", "/logout");
    await visit(learner, "forbidden", "/admin", 403);
    for (const module of course.modules.filter((m) => !m.draft)) {
      await visit(learner, "module", `/moduler/${module.id}`);
      await visit(learner, "checklists", `/moduler/${module.id}/tjeklister`);
      // 403 until the module is completed: the page then explains what is missing.
      await visit(learner, "certificate", `/moduler/${module.id}/bevis`, [200, 403]);
      for (const activity of module.activities) {
        const here = `/moduler/${module.id}/${activity.id}`;
        const page = await visit(learner, activity.type, here);
        if (activity.type === "case") {
          expect((await learner.post(here, { intent: "case.start" })).status).toBe(302);
          await visit(learner, "case, first decision", here);
          expect((await learner.post(here, { intent: "case.choose", seq: "0", choice: "0" })).status).toBe(302);
          await visit(learner, "case, feedback", here);
        }
        if (activity.type === "quiz") {
          const submissionId = /name="submissionId" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
          const attemptNumber = /name="attemptNumber" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
          const firstOptions = new Map<string, string>();
          for (const [, name, value] of page.text.matchAll(/name="(q-[^"]+)"[^>]*value="([^"]+)"/g)) {
            if (!firstOptions.has(name!)) firstOptions.set(name!, value!);
          }
          const unanswered = await learner.post(here, { intent: "quiz.submit", submissionId, attemptNumber });
          expect(unanswered.status).toBe(400);
          pages.push({ label: `quiz, unanswered (${here})`, response: unanswered });
          const answers = Object.fromEntries(firstOptions);
          expect(
            (await learner.post(here, { intent: "quiz.submit", submissionId, attemptNumber, ...answers })).status,
          ).toBe(302);
        }
      }
    }

    const trainer = new HttpClient(app.url);
    await trainer.logIn(DEMO.trainer, DEMO_PASSWORD);
    const cohorts = await visit(trainer, "cohorts", "/underviser");
    await visit(trainer, "new cohort", "/underviser/hold/ny");
    const cohort = /href="(\/underviser\/hold\/[0-9a-f-]{36})"/.exec(cohorts.text)?.[1];
    expect(cohort, "the demo cohort is listed").toBeDefined();
    const dashboard = await visit(trainer, "cohort dashboard", cohort!);
    await visit(trainer, "cohort settings", `${cohort!}/indstillinger`);
    await visit(trainer, "classroom brief", `${cohort!}/brief`);
    const participant = /href="(\/underviser\/hold\/[0-9a-f-]{36}\/deltager\/[0-9a-f-]{36})"/.exec(dashboard.text)?.[1];
    expect(participant, "the dashboard links a participant").toBeDefined();
    await visit(trainer, "participant", participant!);

    const author = new HttpClient(app.url);
    await author.logIn(DEMO.author, DEMO_PASSWORD);
    const overview = await visit(author, "author overview", "/forfatter");
    const caseMap = /href="(\/forfatter\/case\/[^"/]+)"/.exec(overview.text)?.[1];
    const quizAnswers = /href="(\/forfatter\/quiz\/[^"/]+)"/.exec(overview.text)?.[1];
    const map = await visit(author, "case map", caseMap!);
    const step = /href="(\/forfatter\/case\/[^"]+\/trin\/[^"]+)"/.exec(map.text)?.[1];
    await visit(author, "step preview", step!.replaceAll("&amp;", "&"));
    await visit(author, "quiz answers", quizAnswers!);

    const admin = new HttpClient(app.url);
    await admin.logIn(DEMO.admin, DEMO_PASSWORD);
    const administration = await visit(admin, "administration", "/admin");
    await visit(admin, "audit log", "/admin/logbog");
    const user = /href="(\/admin\/brugere\/[0-9a-f-]{36})"/.exec(administration.text)?.[1];
    expect(user, "the administration links a user").toBeDefined();
    await visit(admin, "a user's data", user!);
    await visit(admin, "import", "/admin/import");
    await visit(admin, "sent mails", "/admin/mail");
  }, 180_000);
  afterAll(() => app?.stop());

  test("no response contains a NUL byte", () => {
    const withNul = pages.filter((page) => page.response.bytes.includes(0)).map((page) => page.label);
    expect(withNul).toEqual([]);
    // The course is long enough that React's 2,048-byte buffers end inside Danish letters.
    expect(pages.filter((page) => page.response.bytes.length > 20_000).length).toBeGreaterThan(20);
  });

  test("every page is valid HTML (W3C Nu Html Checker: 0 errors)", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "sagslab-vnu-"));
    try {
      const files = pages.map((page, index) => {
        const file = path.join(folder, `${String(index).padStart(3, "0")}.html`);
        writeFileSync(file, page.response.bytes);
        return file;
      });
      const labels = new Map(files.map((file, index) => [`file:${file}`, pages[index]!.label]));
      // --exit-zero-always: the messages are read from the JSON, not from the exit code.
      const output = execFileSync(
        "java",
        ["-Xss8m", "-jar", VNU_JAR, "--format", "json", "--exit-zero-always", "--stdout", ...files],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const { messages } = JSON.parse(output) as {
        messages: { type: string; url: string; message: string; lastLine?: number; extract?: string }[];
      };
      const errors = messages
        .filter((message) => message.type === "error" || message.type === "non-document-error")
        .map((message) => `${labels.get(message.url) ?? message.url}:${message.lastLine ?? "?"} ${message.message}`);
      expect(errors).toEqual([]);
      expect(pages.length).toBeGreaterThan(60);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
