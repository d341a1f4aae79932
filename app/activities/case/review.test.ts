import { expect, test } from "vitest";
import type { CaseDefinition } from "~/activities/case/content";
import { idealWay, judgeCase, judgeChoice, reviewDecisions, unlockSentence, type DecisionMade } from "./review";
import { choice, outcome, sampleCase, step } from "./test-cases";

/**
 * Like "12 timer til Malthe": the good measurement needs a plan made earlier; without it the
 * offered choices are a wrong decision (ends forkert) and going back to make the plan.
 */
const planCase: CaseDefinition = {
  start: "grundlag",
  steps: [
    step("grundlag", [
      choice("udmaal", { id: "plan", points: 2, sets: ["plan"], label: "Lav en døgnrytmeplan" }),
      choice("skema", { id: "skema", label: "Send et skema" }),
    ]),
    step("skema", [
      choice("grundlag", { id: "tilbage", label: "Kortlæg behovet på en anden måde" }),
      choice("udmaal", { id: "brug", label: "Brug skemaet" }),
    ]),
    step("udmaal", [
      choice("bevilling", { id: "opgaver", points: 2, requires: ["plan"], label: "Udmål ud fra planen" }),
      choice("hjemvist", { id: "samlever", label: "Fasthold 12 timer" }),
      choice("grundlag", { id: "mere", label: "Indhent flere oplysninger først" }),
    ]),
  ],
  outcomes: [outcome("bevilling", "korrekt"), outcome("hjemvist", "forkert")],
};

/** Decisions as the server stores them: a choice's points count only the first time it is made. */
function play(definition: CaseDefinition, path: [stepId: string, choiceId: string][]): DecisionMade[] {
  const made = new Set<string>();
  return path.map(([stepId, choiceId]) => {
    const key = `${stepId}/${choiceId}`;
    const points = made.has(key)
      ? 0
      : definition.steps.find((s) => s.id === stepId)!.choices.find((c) => c.id === choiceId)!.points;
    made.add(key);
    return { stepId, choiceId, points };
  });
}

test("a choice that ends the case forkert is never called best, even when nothing better was offered", () => {
  const review = reviewDecisions(
    planCase,
    play(planCase, [
      ["grundlag", "skema"],
      ["skema", "brug"],
      ["udmaal", "samlever"],
    ]),
  );
  const last = review[2]!;
  expect(last.verdict).toBe("not-best");
  expect(last.bestChoice?.label).toBe("Udmål ud fra planen");
  expect(unlockSentence(last)).toBe(
    "„Udmål ud fra planen“ kunne først vælges, når du havde valgt „Lav en døgnrytmeplan“.",
  );
  expect(review[0]).toMatchObject({ verdict: "not-best", bestChoice: { id: "plan" } });
});

test("the best choice of an all-zero step is the one that leads on best", () => {
  // At "skema" both choices earn 0: going back to make the plan beats measuring from the form.
  expect(judgeCase(planCase).steps.skema!.best).toEqual(["tilbage"]);
  const [, second] = reviewDecisions(
    planCase,
    play(planCase, [
      ["grundlag", "skema"],
      ["skema", "brug"],
    ]),
  );
  expect(second).toMatchObject({ verdict: "not-best", bestChoice: { id: "tilbage" }, unlockedBy: [] });

  const zeroCase: CaseDefinition = {
    start: "a",
    steps: [
      step("a", [
        choice("b", { id: "videre" }),
        choice("forkert", { id: "afslag" }),
        choice("delvist", { id: "kort" }),
        choice("b", { id: "ogsaa-videre" }),
      ]),
      step("b", [choice("korrekt", { id: "bevil", points: 2 })]),
    ],
    outcomes: [outcome("korrekt", "korrekt"), outcome("forkert", "forkert"), outcome("delvist", "delvist")],
  };
  const judged = judgeCase(zeroCase).steps.a!;
  expect(judged.best).toEqual(["videre", "ogsaa-videre"]);
  expect(judged.doomed).toEqual(["afslag"]);
  expect(judgeChoice(zeroCase, { stepId: "a", choiceId: "kort", flags: [] }).verdict).toBe("not-best");
  expect(judgeChoice(zeroCase, { stepId: "a", choiceId: "afslag", flags: [] }).verdict).toBe("not-best");
});

test("the best of what was offered, when the best needed an earlier choice, is partly right and says why", () => {
  const review = reviewDecisions(
    planCase,
    play(planCase, [
      ["grundlag", "skema"],
      ["skema", "brug"],
      ["udmaal", "mere"],
      ["grundlag", "plan"],
      ["udmaal", "opgaver"],
    ]),
  );
  expect(review[2]).toMatchObject({ verdict: "partial", points: 0, bestChoice: { id: "opgaver" } });
  expect(unlockSentence(review[2]!)).toContain("„Lav en døgnrytmeplan“");
  // Self-correction: the plan made the second time earns its points, and the review says what it put right.
  expect(review[3]).toMatchObject({ verdict: "best", points: 2, corrects: 1, repeatOf: null });
  expect(review[4]).toMatchObject({ verdict: "best", points: 2 });
});

test("a best choice on a step that only a mistake leads to corrects that mistake", () => {
  const recovery: CaseDefinition = {
    start: "modtagelse",
    steps: [
      step("modtagelse", [
        choice("samtykke", { id: "kontakt", points: 2 }),
        choice("datter", { id: "selv-skaffe" }),
        choice("hjemvist", { id: "afslag" }),
      ]),
      step("datter", [choice("samtykke", { id: "tilbyd", points: 1 }), choice("hjemvist", { id: "fasthold" })]),
      step("samtykke", [choice("bevilling", { id: "afgoer", points: 2 })]),
    ],
    outcomes: [outcome("bevilling", "korrekt"), outcome("hjemvist", "forkert")],
  };
  const review = reviewDecisions(
    recovery,
    play(recovery, [
      ["modtagelse", "selv-skaffe"],
      ["datter", "tilbyd"],
      ["samtykke", "afgoer"],
    ]),
  );
  expect(review.map((r) => r.verdict)).toEqual(["not-best", "best", "best"]);
  expect(review[1]).toMatchObject({ corrects: 1, points: 1 });
  // Back on the ideal route: an ordinary good choice corrects nothing.
  expect(review[2]!.corrects).toBeNull();
});

test("in a loop a repeated best choice earns nothing the second time, and the review says where it paid", () => {
  const review = reviewDecisions(
    sampleCase,
    play(sampleCase, [
      ["start", "investigate"],
      ["investigated", "back"],
      ["start", "investigate"],
      ["investigated", "decide-well"],
    ]),
  );
  expect(review[1]).toMatchObject({ verdict: "not-best", bestChoice: { id: "decide-well" }, unlockedBy: [] });
  expect(review[2]).toMatchObject({ verdict: "best", points: 0, choicePoints: 2, repeatOf: 1 });
  expect(review[3]).toMatchObject({ verdict: "best", points: 3 });
});

test("a loop back that would pay again never looks better than the right decision here", () => {
  // Going back re-walks choices worth 4 points; deciding now is worth 2. Deciding is best.
  const loop: CaseDefinition = {
    start: "a",
    steps: [
      step("a", [choice("b", { id: "oplys", points: 4 })]),
      step("b", [choice("korrekt", { id: "afgoer", points: 2 }), choice("a", { id: "tilbage" })]),
    ],
    outcomes: [outcome("korrekt", "korrekt")],
  };
  expect(judgeCase(loop).steps.b!.best).toEqual(["afgoer"]);
});

test("a choice that earned some points but not the most is partly right", () => {
  const verdict = judgeChoice(sampleCase, { stepId: "investigated", choiceId: "decide-badly", flags: ["oplyst"] });
  expect(verdict).toMatchObject({ verdict: "partial", bestChoice: { id: "decide-well", points: 3 }, unlockedBy: [] });
});

test("where every way on ends forkert no choice is best, and the review says so", () => {
  const lost: CaseDefinition = {
    start: "a",
    steps: [
      step("a", [choice("korrekt", { id: "godt", points: 1 }), choice("b", { id: "sendt" })]),
      step("b", [choice("forkert", { id: "klage" }), choice("forkert", { id: "fasthold", points: 1 })]),
    ],
    outcomes: [outcome("korrekt", "korrekt"), outcome("forkert", "forkert")],
  };
  const verdict = judgeChoice(lost, { stepId: "b", choiceId: "fasthold", flags: [] });
  expect(verdict).toMatchObject({ verdict: "not-best", bestChoice: null, noGoodWayLeft: true });
  expect(judgeChoice(lost, { stepId: "a", choiceId: "sendt", flags: [] }).verdict).toBe("not-best");
});

test("every choice on the best path of the sample case is judged best", () => {
  const review = reviewDecisions(
    sampleCase,
    play(sampleCase, [
      ["start", "investigate"],
      ["investigated", "decide-well"],
    ]),
  );
  expect(review.every((r) => r.verdict === "best" && r.corrects === null)).toBe(true);
});

test("the unlock sentence names every missing flag and every choice that sets it", () => {
  expect(
    unlockSentence({
      bestChoice: { id: "x", label: "Bevil", points: 2 },
      unlockedBy: [["Indhent lægeerklæringen", "Ring til lægen"], ["Partshør"]],
    }),
  ).toBe(
    "„Bevil“ kunne først vælges, når du havde valgt „Indhent lægeerklæringen“ eller „Ring til lægen“ og „Partshør“.",
  );
  expect(unlockSentence({ bestChoice: null, unlockedBy: [] })).toBeNull();
});

test("the ideal way takes a best choice at every step and ends where a good attempt ends", () => {
  expect(idealWay(planCase)).toEqual({
    choices: [
      { stepId: "grundlag", choiceId: "plan" },
      { stepId: "udmaal", choiceId: "opgaver" },
    ],
    outcomeId: "bevilling",
  });
});
