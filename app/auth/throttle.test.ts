import { expect, test } from "vitest";
import { ACCOUNT_AT_ADDRESS, ACCOUNT_EVERYWHERE, waitAfterFailures } from "./throttle.server";

test("the wait grows with each failure after the free ones, up to minutes rather than a long lockout", () => {
  expect([4, 5, 6, 7, 20].map((n) => waitAfterFailures(n, ACCOUNT_AT_ADDRESS))).toEqual([0, 15, 30, 60, 300]);
  expect(waitAfterFailures(19, ACCOUNT_EVERYWHERE)).toBe(0);
  expect(waitAfterFailures(20, ACCOUNT_EVERYWHERE)).toBe(30);
  expect(waitAfterFailures(40, ACCOUNT_EVERYWHERE)).toBe(15 * 60);
});
