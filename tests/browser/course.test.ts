/**
 * Every page of the real course (content/), opened as a learner, passes axe: catalogue, module
 * pages, every lesson, every case (its introduction and its first decision), every quiz and
 * evaluation, and the printable checklists.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { formatDanishDate } from "../../app/content/legal-date";
import type { CompiledCourse } from "../../app/content/types";
import type { AppServer } from "./app-server";
import { closeSession, openSession } from "./session";
import { DEMO, expectAccessible } from "./browser";

const skipReason = inject("browserSkipReason");
const COURSE_FILE = path.resolve("build/content/course.json");

describe.skipIf(Boolean(skipReason))("every page of the course", () => {
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let course: CompiledCourse;

  beforeAll(async () => {
    course = JSON.parse(readFileSync(COURSE_FILE, "utf8")) as CompiledCourse;
    ({ app, browser, page } = await openSession({ email: DEMO.learner, courseFile: COURSE_FILE }));
  });
  afterAll(() => closeSession({ app, browser }));

  test("the catalogue lists the five modules", async () => {
    await page.goto(app.url);
    expect(await page.locator(".module-card-title").allInnerTexts()).toEqual(
      course.modules.filter((m) => !m.draft).map((m) => m.title),
    );
    await expectAccessible(page);
  });

  test("each module: its page, every activity, and its checklists", async () => {
    for (const module of course.modules.filter((m) => !m.draft)) {
      const response = await page.goto(`${app.url}/moduler/${module.id}`);
      expect(response?.status(), module.id).toBe(200);
      expect(await page.locator(".module-legal-date").innerText(), module.id).toBe(
        `Retsgrundlag pr. ${formatDanishDate(module.legalAsOf)}`,
      );
      await expectAccessible(page);
      for (const activity of module.activities) {
        const url = `${app.url}/moduler/${module.id}/${activity.id}`;
        expect((await page.goto(url))?.status(), activity.id).toBe(200);
        expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(activity.title);
        await expectAccessible(page);
        if (activity.type === "case") {
          await page.getByRole("button", { name: "Start casen" }).click();
          await page.getByRole("heading", { name: /Beslutning 1/ }).waitFor();
          await expectAccessible(page);
        }
      }
      await page.goto(`${app.url}/moduler/${module.id}/tjeklister`);
      expect(await page.locator(".checklist-section").count(), module.id).toBe(module.checklists.length);
      await expectAccessible(page);
    }
    // About 70 pages, each checked by axe: on the shared 2-core machine this takes minutes, not seconds.
  }, 600_000);
});
