import { expect, test } from "vitest";
import { closest, didYouMean, editDistance } from "./suggest";

test("edit distance counts insertions, deletions, substitutions and swapped neighbours", () => {
  expect(editDistance("titel", "title")).toBe(1);
  expect(editDistance("sagsoplysing", "sagsoplysning")).toBe(1);
  expect(editDistance("abc", "abc")).toBe(0);
  expect(editDistance("", "abc")).toBe(3);
});

test("the closest known word is suggested when it is close enough to be a slip", () => {
  expect(closest("titel", ["id", "title", "type"])).toBe("title");
  expect(closest("choice", ["Choice", "Case"])).toBe("Choice");
  expect(closest("udmåling", ["udmaaling", "udland"])).toBe("udmaaling");
  expect(closest("laegeerklaring", ["laegeerklaering", "samtykke"])).toBe("laegeerklaering");
  expect(closest("jura", ["sagsoplysning", "frister"])).toBeUndefined();
});

test('"Mente du …?" reads as a sentence after the message, or is left out', () => {
  expect(didYouMean("opstrat", ["opstart", "oplysning"])).toBe(' Mente du "opstart"?');
  expect(didYouMean("xyz", ["opstart"])).toBe("");
});
