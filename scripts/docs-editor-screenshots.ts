/**
 * `npx tsx scripts/docs-editor-screenshots.ts`: the screenshots of the browser editor in
 * docs/images/. The editor exists only in development, so this builds a development build (into
 * tests/.artifacts/dev-build, as the editor's browser tests do) unless SKIP_BUILD=1, and runs it on
 * a temporary copy of content/ (the real content is never written) and a fresh embedded database.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DOCS_IMAGES, photographAsAuthor } from "./docs-app";

const BUILD_DIR = path.resolve("tests/.artifacts/dev-build");
const LESSON = "/forfatter/rediger/bpa/01-personkreds.mdx";
const CASE = "/forfatter/rediger/bpa/02-case-als.mdx";

if (process.env.SKIP_BUILD !== "1") {
  execFileSync("npx", ["remix", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "development", BUILD_DIR },
  });
}
const root = mkdtempSync(path.join(tmpdir(), "sagslab-docs-editor-"));
const contentDir = path.join(root, "content");
cpSync("content", contentDir, { recursive: true });

await photographAsAuthor(
  {
    port: Number(process.env.PORT ?? 3971),
    root,
    env: { NODE_ENV: "development", BUILD_DIR, CONTENT_DIR: contentDir },
    // A development build compiles the course when it starts.
    startSeconds: 60,
    stepTimeoutMs: 60_000,
  },
  async (page, base) => {
    await page.goto(`${base}${LESSON}`);
    await page.locator(".cm-editor").waitFor();
    await page.locator(".editor-layout").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector(".editor-layout")?.scrollIntoView());
    await page.screenshot({ path: path.join(DOCS_IMAGES, "editor-lektion.png") });

    // A case with a misspelt start: the error in the gutter and the list, the map beside.
    await page.goto(`${base}${CASE}`);
    await page.locator(".cm-editor").waitFor();
    const start = page.locator(".cm-line", { hasText: "<Case start=" }).first();
    await start.click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("x");
    await page.getByRole("button", { name: "Gem og kontrollér" }).click();
    await page.locator(".cm-lintRange-error").first().waitFor();
    await page.locator(".cm-lintRange-error").first().scrollIntoViewIfNeeded();
    await page.locator(".cm-lint-marker-error").first().waitFor();
    await page.evaluate(() => document.querySelector(".editor-layout")?.scrollIntoView());
    await page.screenshot({ path: path.join(DOCS_IMAGES, "editor-case-fejl.png") });
  },
);
console.log(`Skærmbilleder af editoren gemt i ${path.relative(process.cwd(), DOCS_IMAGES)}/`);
