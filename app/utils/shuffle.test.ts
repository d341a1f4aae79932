import { expect, test } from "vitest";
import { caseStepSeed, quizQuestionSeed, seededShuffle } from "./shuffle";

const choices = ["a", "b", "c", "d"];

test("the same seed gives the same order every time (a reload, another device)", () => {
  const seed = caseStepSeed("0b6f6a0e-5d0c-4c6e-9a51-1e0f1d2b3c4d", "ansoegning");
  const first = seededShuffle(choices, seed);
  for (let run = 0; run < 20; run++) expect(seededShuffle(choices, seed)).toEqual(first);
  expect([...first].sort()).toEqual(choices);
});

test("the order differs between attempts and between learners", () => {
  const orders = new Set<string>();
  for (let attempt = 0; attempt < 50; attempt++) {
    orders.add(seededShuffle(choices, caseStepSeed(`attempt-${attempt}`, "ansoegning")).join(""));
  }
  // 24 possible orders; 50 attempts that always gave the file order would give one.
  expect(orders.size).toBeGreaterThan(10);
  const learnerA = seededShuffle(choices, quizQuestionSeed("learner-a", "bpa-quiz", 1, "q1")).join("");
  const differs = ["learner-b", "learner-c", "learner-d", "learner-e"].some(
    (learner) => seededShuffle(choices, quizQuestionSeed(learner, "bpa-quiz", 1, "q1")).join("") !== learnerA,
  );
  expect(differs).toBe(true);
});

test("two steps of one attempt are ordered independently", () => {
  const orders = new Set<string>();
  for (const stepId of ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"]) {
    orders.add(seededShuffle(choices, caseStepSeed("one-attempt", stepId)).join(""));
  }
  expect(orders.size).toBeGreaterThan(2);
});

test("items marked last stay at the end, in their file order", () => {
  const items = [{ id: "a" }, { id: "none", last: true }, { id: "b" }, { id: "c" }, { id: "all", last: true }];
  for (let seed = 0; seed < 200; seed++) {
    const order = seededShuffle(items, `seed-${seed}`, (item) => item.last === true).map((item) => item.id);
    expect(order.slice(3)).toEqual(["none", "all"]);
    expect([...order.slice(0, 3)].sort()).toEqual(["a", "b", "c"]);
  }
});

test("no position favours any choice: over 1,000 seeds each choice takes each place about equally", () => {
  const seeds = 1000;
  const counts = choices.map(() => choices.map(() => 0));
  for (let seed = 0; seed < seeds; seed++) {
    seededShuffle(choices, caseStepSeed(`attempt-${seed}`, "step")).forEach((choice, position) => {
      counts[choices.indexOf(choice)]![position]! += 1;
    });
  }
  // Expected 250 each; a fair shuffle stays well within ±25 % (the binomial sd is about 14).
  for (const row of counts) for (const count of row) expect(count).toBeGreaterThan(187);
  for (const row of counts) for (const count of row) expect(count).toBeLessThan(313);
  // In particular the first choice in the file is not on top more often than the others.
  expect(counts[0]![0]).toBeLessThan(313);
});

test("one or no items are returned as they are", () => {
  expect(seededShuffle([], "x")).toEqual([]);
  expect(seededShuffle(["only"], "x")).toEqual(["only"]);
});
