/** The guide lists every rule fixture's messages exactly as the check gives them (issue 15, item 7). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { RULES } from "../tests/content-rules";
import { GUIDE, guideWithMessages } from "./docs-messages";

test("docs/authoring.md holds the current list of messages (run npm run docs:messages)", () => {
  const guide = readFileSync(GUIDE, "utf8");
  expect(guide).toBe(guideWithMessages(guide));
});

test("every rule fixture is in the list, so every rule has its example", () => {
  const fixtures = readdirSync(path.resolve(__dirname, "../tests/fixtures/content-rules")).filter(
    (name) => name !== "multi-error.mdx", // several rules at once, tested on its own
  );
  expect(RULES.map(([, fixture]) => fixture).sort()).toEqual(expect.arrayContaining(fixtures.sort()));
  expect(new Set(RULES.map(([, fixture]) => fixture))).toEqual(new Set(fixtures));
});
