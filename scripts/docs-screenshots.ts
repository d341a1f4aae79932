/**
 * `npx tsx scripts/docs-screenshots.ts`: the screenshots in docs/images/ of the author pages.
 * Runs the production build (run `npm run build` first) on a fresh embedded database in a
 * temporary folder, signs in as the demo author and photographs the pages with Chromium.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DOCS_IMAGES, photographAsAuthor } from "./docs-app";

const CASE = process.env.DOCS_CASE ?? "bpa-case-als";

await photographAsAuthor(
  {
    port: Number(process.env.PORT ?? 3970),
    root: mkdtempSync(path.join(tmpdir(), "sagslab-docs-")),
    env: { NODE_ENV: "production" },
    startSeconds: 30,
  },
  async (page, base) => {
    await page.goto(`${base}/forfatter`);
    await page.screenshot({ path: path.join(DOCS_IMAGES, "forfatter-oversigt.png") });

    await page.goto(`${base}/forfatter/case/${CASE}`);
    await page.locator(".map-legend").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector("h2")?.scrollIntoView());
    await page.screenshot({ path: path.join(DOCS_IMAGES, "forfatter-kort.png") });

    await page.getByRole("link", { name: /Forhåndsvis casen fra start/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Trin:/ }).waitFor();
    await page.screenshot({ path: path.join(DOCS_IMAGES, "forfatter-trin.png") });
  },
);
console.log(`Skærmbilleder gemt i ${path.relative(process.cwd(), DOCS_IMAGES)}/`);
