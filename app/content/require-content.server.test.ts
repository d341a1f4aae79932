/**
 * Issue 15: a broken activity is shown to its author with its errors, where the content would
 * be, and never to a learner or trainer (404), also in development.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { useCourseForTests } from "./content.server";
import { requireActivity, requireActivityOrBroken } from "./require-content.server";

const LESSON = (id: string, body: string) => `---
id: ${id}
title: Lektion ${id}
type: lesson
estimatedMinutes: 5
---

${body}
`;

beforeAll(async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/01-god.mdx": LESSON("god", "Alt er i orden."),
    "test/02-fejl.mdx": LESSON("fejl-lektion", "<Callut>Stavet forkert.</Callut>"),
    // Frontmatter that cannot be read: the file is listed under its file name.
    "test/03-uden-id.mdx": "---\ntitle: Case: kolon\n---\n\nTekst.\n",
  });
  useCourseForTests(course);
});
afterAll(() => useCourseForTests(undefined));

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof Response ? error.status : 500),
  );

test("the compiled module lists its broken activity files, by id or else by file name", async () => {
  const found = await requireActivityOrBroken({ moduleId: "test", activityId: "god" }, "author");
  expect(found.module.brokenActivities).toEqual([
    { id: "fejl-lektion", title: "Lektion fejl-lektion", type: "lesson", file: "content/test/02-fejl.mdx" },
    { id: "03-uden-id", title: "03-uden-id", type: "lesson", file: "content/test/03-uden-id.mdx" },
  ]);
});

test("an author and an administrator get the broken activity with its errors at their lines", async () => {
  for (const role of ["author", "admin"] as const) {
    const found = await requireActivityOrBroken({ moduleId: "test", activityId: "fejl-lektion" }, role);
    expect(found.activity).toBeNull();
    expect(found.broken?.problems.map((p) => [p.line, p.message])).toEqual([
      [8, expect.stringMatching(/^Ukendt komponent <Callut>\..*Mente du <Callout>\?/)],
    ]);
  }
});

test("a learner and a trainer never see a broken activity: 404", async () => {
  for (const role of ["learner", "trainer"] as const) {
    expect(await status(requireActivityOrBroken({ moduleId: "test", activityId: "fejl-lektion" }, role))).toBe(404);
    expect(await status(requireActivityOrBroken({ moduleId: "test", activityId: "03-uden-id" }, role))).toBe(404);
  }
  // The action's lookup refuses it for everyone: a broken activity takes no answers.
  expect(await status(requireActivity({ moduleId: "test", activityId: "fejl-lektion" }, "author"))).toBe(404);
  expect(await status(requireActivity({ moduleId: "test", activityId: "god" }, "learner"))).toBe(200);
});
