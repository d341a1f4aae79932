import { expect, test } from "vitest";
import { mayEnter } from "./roles";

test("every role may take the course; only trainers, authors and admins enter their areas", () => {
  expect(mayEnter("learner", "course")).toBe(true);
  expect(mayEnter("learner", "trainer")).toBe(false);
  expect(mayEnter("learner", "author")).toBe(false);
  expect(mayEnter("learner", "admin")).toBe(false);
  expect(mayEnter("trainer", "trainer")).toBe(true);
  expect(mayEnter("trainer", "author")).toBe(false);
  expect(mayEnter("author", "author")).toBe(true);
  expect(mayEnter("author", "admin")).toBe(false);
  expect(mayEnter("admin", "trainer")).toBe(true);
  expect(mayEnter("admin", "author")).toBe(true);
  expect(mayEnter("admin", "admin")).toBe(true);
});
