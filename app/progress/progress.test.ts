import { expect, test } from "vitest";
import type { CourseModule } from "~/content/types";
import type { LessonActivity } from "~/activities/lesson/content";
import { moduleProgress } from "./progress";

const lesson = (id: string, required = true): LessonActivity => ({
  id,
  moduleId: "m",
  title: id,
  type: "lesson",
  estimatedMinutes: 1,
  required,
  legalBasis: [],
  file: `${id}.mdx`,
  version: "v",
  html: "",
});

const module: CourseModule = {
  id: "m",
  title: "M",
  summary: "",
  order: 1,
  legalBasis: [],
  estimatedMinutes: 10,
  legalAsOf: "2026-12-01",
  draft: false,
  introHtml: "",
  file: "m/module.mdx",
  activities: [lesson("a"), lesson("b"), lesson("kilder", false)],
  checklists: [],
};

test("progress counts required activities only; optional ones never block completion", () => {
  expect(moduleProgress(module, new Set())).toMatchObject({ completed: 0, required: 2, percent: 0, complete: false });
  expect(moduleProgress(module, new Set(["a", "kilder"]))).toMatchObject({
    completed: 1,
    percent: 50,
    complete: false,
  });
  const done = moduleProgress(module, new Set(["a", "b"]));
  expect(done).toMatchObject({ completed: 2, percent: 100, complete: true, missing: [] });
});

test("what is missing is listed in module order", () => {
  expect(moduleProgress(module, new Set(["b"])).missing.map((m) => m.id)).toEqual(["a"]);
});
