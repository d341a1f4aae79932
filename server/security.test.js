import { expect, test } from "vitest";
import { isCrossOriginWrite } from "./security.js";

const post = (headers) => ({ method: "POST", headers: { host: "sagslab.example", ...headers } });

test("a form post from the same site passes", () => {
  expect(isCrossOriginWrite(post({ origin: "https://sagslab.example", "sec-fetch-site": "same-origin" }))).toBe(false);
});

test("a post from another site is refused, by Origin or by Sec-Fetch-Site", () => {
  expect(isCrossOriginWrite(post({ origin: "https://ondt.example" }))).toBe(true);
  expect(isCrossOriginWrite(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
  expect(isCrossOriginWrite(post({ origin: "null" }))).toBe(true);
});

test("reading a page is never refused, and a client without Origin (a script) is not a browser attack", () => {
  expect(isCrossOriginWrite({ method: "GET", headers: { host: "a", origin: "https://b" } })).toBe(false);
  expect(isCrossOriginWrite(post({}))).toBe(false);
});
