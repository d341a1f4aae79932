import { expect, test } from "vitest";
import { fitToPage, PAGE_LINES, placeLines, type BriefPlace } from "./brief";

const place = (n: number, textLength: number): BriefPlace => ({
  heading: `Case ${n}, trin 2`,
  where: "Borgerstyret personlig assistance (BPA)",
  figure: "6 af 8 (75 %) svarede forkert i første forsøg",
  situation: "s".repeat(textLength),
  wrongChoice: "Afgør nu (6 gange)",
  explanation: "e".repeat(textLength),
});

test("a place's printed lines grow with its texts, and a missing wrong choice or explanation takes none", () => {
  expect(placeLines(place(1, 300), "case")).toBeGreaterThan(placeLines(place(1, 100), "case"));
  const bare = { ...place(1, 100), wrongChoice: null, explanation: "" };
  expect(placeLines(bare, "quiz")).toBeLessThan(placeLines(place(1, 100), "quiz"));
});

test("the brief's list holds what one page holds: fewer places when their texts are long, never more than the limit", () => {
  const short = Array.from({ length: 10 }, (_, i) => place(i, 60));
  const long = Array.from({ length: 10 }, (_, i) => place(i, 300));
  expect(fitToPage(short, "case", 6)).toHaveLength(6);
  const fitted = fitToPage(long, "case", 6);
  expect(fitted.length).toBeLessThan(6);
  expect(fitted.reduce((sum, p) => sum + placeLines(p, "case"), 0)).toBeLessThanOrEqual(PAGE_LINES);
  // Taken in rank order: the page is the first places, not the shortest.
  expect(fitted.map((p) => p.heading)).toEqual(long.slice(0, fitted.length).map((p) => p.heading));
});

test("the weakest place is always printed, even when it alone fills the page", () => {
  const huge = place(1, 5000);
  expect(placeLines(huge, "case")).toBeGreaterThan(PAGE_LINES);
  expect(fitToPage([huge, place(2, 60)], "case", 6).map((p) => p.heading)).toEqual(["Case 1, trin 2"]);
  expect(fitToPage([], "quiz", 6)).toEqual([]);
});
