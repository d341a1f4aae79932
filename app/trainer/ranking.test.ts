import { expect, test } from "vitest";
import { MIN_ANSWERS, rankGroups, rankWeakest, wilsonLowerBound } from "./ranking";

const place = (id: string, wrong: number, total: number, topic = "sagsoplysning") => ({ id, wrong, total, topic });

test("the Wilson lower bound grows with the evidence: 1 of 1 ranks below 11 of 22", () => {
  expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.207, 3);
  expect(wilsonLowerBound(11, 22)).toBeCloseTo(0.307, 3);
  expect(wilsonLowerBound(0, 10)).toBe(0);
  expect(wilsonLowerBound(0, 0)).toBe(0);
  expect(wilsonLowerBound(10, 10)).toBeLessThan(1);
  expect(wilsonLowerBound(20, 20)).toBeGreaterThan(wilsonLowerBound(10, 10));
});

test("a place needs at least five answers and one wrong to be listed", () => {
  const ranked = rankWeakest([
    place("one-of-one", 1, 1),
    place("four-of-four", 4, 4),
    place("none-wrong", 0, 30),
    place("five", 2, MIN_ANSWERS),
  ]);
  expect(ranked.map((p) => p.id)).toEqual(["five"]);
  expect(ranked[0]).toMatchObject({ wrongShare: 40 });
});

test("more evidence ranks higher than a higher share on few answers; the list is cut at the limit", () => {
  const ranked = rankWeakest(
    [place("small-but-bad", 4, 5), place("half-of-many", 40, 80), place("some", 3, 30), place("more", 9, 30)],
    { limit: 3 },
  );
  // 4 of 5 (80 %) has a lower bound of 0.38; 40 of 80 (50 %) has 0.39.
  expect(ranked.map((p) => p.id)).toEqual(["half-of-many", "small-but-bad", "more"]);
});

test("ties: same figures keep course order; a higher share wins a tie on the bound", () => {
  const ranked = rankWeakest([place("b", 5, 10), place("a", 5, 10), place("c", 6, 10)]);
  expect(ranked.map((p) => p.id)).toEqual(["c", "b", "a"]);
});

test("groups sum their places, rank the same way, keep clean and thin groups at the end", () => {
  const groups = rankGroups(
    [
      place("q1", 1, 10, "frister"),
      place("q2", 9, 10, "begrundelse"),
      place("q3", 5, 10, "begrundelse"),
      place("q4", 0, 20, "partshoering"),
      place("q5", 2, 3, "udland"),
      place("nothing", 0, 0, "personkreds"),
    ],
    (p) => p.topic,
    (key) => key.toUpperCase(),
  );
  expect(groups.map((g) => [g.key, g.label, g.wrong, g.total, g.tooFew])).toEqual([
    ["begrundelse", "BEGRUNDELSE", 14, 20, false],
    ["frister", "FRISTER", 1, 10, false],
    // Nothing wrong: listed, after the groups with mistakes.
    ["partshoering", "PARTSHOERING", 0, 20, false],
    // 2 of 3: too few answers to rank beside the others, though the share is high.
    ["udland", "UDLAND", 2, 3, true],
  ]);
  expect(groups[0]!.weakest.map((p) => p.id)).toEqual(["q2", "q3"]);
  expect(groups.find((g) => g.key === "partshoering")!.weakest).toEqual([]);
});
