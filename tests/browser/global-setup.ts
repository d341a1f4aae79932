/**
 * Once per run of the tests against the production build (tests/browser, tests/fault): decide
 * whether the Chromium tests can run, build the app, compile the test course, and create a seeded
 * embedded database that each test file copies, so every file starts from the same state in about
 * a second. The build is made even without Chromium: the HTML and fault tests need no browser.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

export const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.resolve("tests/.artifacts");
export const FIXTURE_COURSE = path.join(ARTIFACTS, "fixture-course.json");
export const TEMPLATE_DATA_DIR = path.join(ARTIFACTS, "browser-template-db");
/** The course the browser tests play: the sample module, kept as a fixture (the real course is in content/). */
export const FIXTURE_CONTENT_DIR = path.resolve("tests/fixtures/content");

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const reason = `Chromium findes ikke (${CHROMIUM}); installér det med "apt-get install -y chromium".`;
    if (process.env.REQUIRE_BROWSER_TESTS === "1") throw new Error(`Browsertestene skal køre, men ${reason}`);
    console.warn(`\n⚠ Browsertestene springes over: ${reason}\n`);
    project.provide("browserSkipReason", reason);
  } else {
    project.provide("browserSkipReason", "");
  }
  const run = (command: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });

  // vitest sets NODE_ENV=test; the app under test is the production build.
  if (process.env.SKIP_BUILD !== "1") run("npx", ["remix", "build"], { NODE_ENV: "production" });
  mkdirSync(ARTIFACTS, { recursive: true });
  run("npx", ["tsx", "scripts/build-content.ts"], { CONTENT_DIR: FIXTURE_CONTENT_DIR, COURSE_FILE: FIXTURE_COURSE });
  if (!existsSync(path.resolve("build/content/course.json")) || process.env.SKIP_BUILD !== "1") {
    run("npx", ["tsx", "scripts/build-content.ts"]);
  }

  rmSync(TEMPLATE_DATA_DIR, { recursive: true, force: true });
  run("npx", ["tsx", "scripts/prepare-database.ts"], {
    DATA_DIR: TEMPLATE_DATA_DIR,
    COURSE_FILE: FIXTURE_COURSE,
    NODE_ENV: "production",
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    browserSkipReason: string;
  }
}
