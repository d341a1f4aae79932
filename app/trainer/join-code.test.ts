import { expect, test } from "vitest";
import { CODE_ALPHABET, certificateCodeFrom, joinCodeFrom, joinLinkFor, normaliseJoinCode } from "./join-code";

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

test("the join link leads to the join page of the code", () => {
  expect(joinLinkFor("https://sagslab.example", "K7QM-3XPA")).toBe("https://sagslab.example/tilmeld/K7QM-3XPA");
});

test("a certificate code is three groups of four readable characters and is read back as typed", () => {
  const code = certificateCodeFrom(new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 200, 255]));
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(normaliseJoinCode(code.toLowerCase().replaceAll("-", " "))).toBe(code);
});
