import { expect, test } from "vitest";
import { hashPassword, verifyPassword } from "./password.server";

test("a password verifies against its hash and a wrong one does not", async () => {
  const hash = await hashPassword("sagslab-demo");
  expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(hash).not.toContain("sagslab-demo");
  expect(await verifyPassword("sagslab-demo", hash)).toBe(true);
  expect(await verifyPassword("sagslab-dem0", hash)).toBe(false);
});

test("the same password hashes differently each time (salted)", async () => {
  expect(await hashPassword("hemmelig")).not.toEqual(await hashPassword("hemmelig"));
});

test("a malformed stored hash never verifies", async () => {
  expect(await verifyPassword("x", "plaintext")).toBe(false);
});
