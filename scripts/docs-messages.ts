/**
 * `npm run docs:messages`: writes the list of every message of the content check, each with its
 * example from the rule fixtures (tests/content-rules.ts, proved by app/content/rules.test.ts),
 * into docs/authoring.md between its two markers. scripts/docs-messages.test.ts fails when the
 * guide's list is not what this would write, so the guide stays true to the check.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RULE_TITLES, RULES } from "../tests/content-rules";

export const GUIDE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/authoring.md");
export const START = "<!-- beskeder:start (skrevet af npm run docs:messages; ret dem ikke her) -->";
export const END = "<!-- beskeder:slut -->";

/** The list as Markdown: a heading-less block of one bold title and one example per rule. */
export function renderMessages(): string {
  const blocks = RULES.map(([, fixture, messages]) => {
    const title = RULE_TITLES[fixture];
    if (!title) throw new Error(`RULE_TITLES has no Danish title for ${fixture}`);
    return [
      `**${title}** ([eksempel](../tests/fixtures/content-rules/${fixture}))`,
      "",
      "```text",
      ...messages,
      "```",
    ].join("\n");
  });
  return [START, "", ...blocks.flatMap((block) => [block, ""]), END].join("\n");
}

/** The guide with its list replaced by the current one. */
export function guideWithMessages(guide: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/authoring.md lacks the markers ${START} … ${END}`);
  return guide.slice(0, start) + renderMessages() + guide.slice(end + END.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(GUIDE, guideWithMessages(readFileSync(GUIDE, "utf8")));
  console.log(`docs/authoring.md: ${RULES.length} regler med deres beskeder.`);
}
