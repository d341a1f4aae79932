import { expect, test } from "vitest";
import { CODE_ALPHABET, cohortOpen, joinCodeFrom, normaliseJoinCode } from "./join-code";

test("a join code is two groups of four readable characters", () => {
  const code = joinCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 255]));
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect([...code.replace("-", "")].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
  expect(code).not.toMatch(/[01OIL]/);
});

test("what a learner types is normalised to the stored form", () => {
  expect(normaliseJoinCode("  demo-2026 ")).toBe("DEMO-2026");
  expect(normaliseJoinCode("abcd 2345")).toBe("ABCD-2345");
  expect(normaliseJoinCode("abcd – 2345")).toBe("ABCD-2345");
});

test("a cohort takes members until and including its last day", () => {
  expect(cohortOpen({ ends_on: "2026-03-01" }, "2026-03-01")).toBe(true);
  expect(cohortOpen({ ends_on: "2026-03-01" }, "2026-03-02")).toBe(false);
});
