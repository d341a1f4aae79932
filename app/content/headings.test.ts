import { createProcessor } from "@mdx-js/mdx";
import { expect, test } from "vitest";
import { normaliseHeadings } from "./headings";

const outline = (source: string) => {
  const root = createProcessor().parse(source) as unknown as Parameters<typeof normaliseHeadings>[0];
  const problems = normaliseHeadings(root);
  const depths = (root.children ?? []).filter((n) => n.type === "heading").map((n) => n.depth);
  return { depths, problems: problems.map((p) => `${p.line}:${p.column} ${p.message}`) };
};

test.each([
  ["#", "# A\n\n## B\n\n### C\n\n## D"],
  ["##", "## A\n\n### B\n\n#### C\n\n### D"],
  ["###", "### A\n\n#### B\n\n##### C\n\n#### D"],
])("with %s as the highest level it becomes <h2> and the levels below keep their order", (_top, source) => {
  expect(outline(source)).toEqual({ depths: [2, 3, 4, 3], problems: [] });
});

test("going back up any number of levels is fine; only a skipped level is an error, named where it is", () => {
  expect(outline("# A\n\n## B\n\n### C\n\n# D\n\n### E")).toEqual({
    depths: [2, 3, 4, 2, 4],
    problems: ['9:1 Overskriften "E" springer et niveau over: den har ### og kommer efter en overskrift med #. Brug ##.'],
  });
});

test("a first heading below the file's highest level skips the level under the page title", () => {
  expect(outline("### Indledning\n\n# Hoveddel").problems).toEqual([
    '1:1 Overskriften "Indledning" springer et niveau over: den har ### og kommer efter sidens titel. Brug #.',
  ]);
});
