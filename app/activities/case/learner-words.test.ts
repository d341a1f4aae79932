import { expect, test } from "vitest";
import {
  choiceAtPosition,
  decisionCounter,
  orderedChoices,
  resumeSentence,
  reviewLine,
  verdictHeading,
} from "./learner-words";
import type { ReviewedDecision } from "./review";
import { choice } from "./test-cases";

const reviewed = (overrides: Partial<ReviewedDecision>): ReviewedDecision => ({
  verdict: "best",
  bestChoice: null,
  unlockedBy: [],
  noGoodWayLeft: false,
  number: 1,
  stepId: "s",
  choiceId: "c",
  points: 2,
  choicePoints: 2,
  repeatOf: null,
  corrects: null,
  ...overrides,
});

test("the verdict after a choice is told in words and a tone, with the points", () => {
  expect(verdictHeading("best", 2)).toEqual({ text: "Godt valg", points: "2 point", tone: "success" });
  expect(verdictHeading("partial", 1)).toEqual({ text: "Delvis rigtigt", points: "1 point", tone: "warning" });
  expect(verdictHeading("not-best", 0)).toEqual({ text: "Ikke det bedste valg", points: "0 point", tone: "error" });
});

test("a review line names the best choice, why it was not offered, and what a choice corrected", () => {
  expect(reviewLine(reviewed({})).heading).toBe("Bedste valg");
  const missed = reviewLine(
    reviewed({
      verdict: "not-best",
      points: 0,
      bestChoice: { id: "b", label: "Bevil BPA", points: 2 },
      unlockedBy: [["Indhent lægeerklæringen"]],
    }),
  );
  expect(missed.heading).toBe("Ikke det bedste valg – det bedste var: Bevil BPA");
  expect(missed.tone).toBe("error");
  expect(missed.notes).toEqual(["„Bevil BPA“ kunne først vælges, når du havde valgt „Indhent lægeerklæringen“."]);
  expect(reviewLine(reviewed({ corrects: 2 })).notes).toEqual([
    "Dette valg rettede op på beslutning 2, og du fik point for det.",
  ]);
  expect(reviewLine(reviewed({ points: 0, repeatOf: 1 })).notes).toEqual([
    "Du fik pointene for dette valg første gang, du traf det (beslutning 1).",
  ]);
  expect(reviewLine(reviewed({ verdict: "not-best", noGoodWayLeft: true })).notes[0]).toMatch(/ikke længere ende godt/);
});

test("where the learner is: the decision number against the best path's length, and on return", () => {
  expect(decisionCounter(3, 8)).toBe("Beslutning 3 · ca. 8 i alt");
  expect(decisionCounter(9, 8)).toBe("Beslutning 9 · ca. 9 i alt");
  expect(resumeSentence(3)).toBe("Du fortsætter, hvor du slap (beslutning 3).");
});

test("a step's choices keep one order per attempt, and a posted position finds the choice shown there", () => {
  const offered = [choice("a"), choice("b"), choice("c"), choice("d", { id: "ingen" })];
  const last = (c: { id: string }) => c.id === "ingen";
  const order = orderedChoices("attempt-1", "step", offered, last);
  expect(orderedChoices("attempt-1", "step", offered, last)).toEqual(order);
  expect(order[3]!.id).toBe("ingen");
  expect(choiceAtPosition(order, "0")).toBe(order[0]);
  expect(choiceAtPosition(order, "4")).toBeUndefined();
  expect(choiceAtPosition(order, "x")).toBeUndefined();
  const firsts = new Set(Array.from({ length: 30 }, (_, i) => orderedChoices(`attempt-${i}`, "step", offered)[0]!.id));
  expect(firsts.size).toBeGreaterThan(1);
});
