import { expect, test } from "vitest";
import { createCaseMachine, nextSnapshot, initialSnapshot, type CaseSnapshot } from "./machine";
import { sampleCase } from "./test-cases";
import { buildCaseView, type AttemptState, type DecisionRecord } from "./view";

const machine = createCaseMachine(sampleCase);

function attemptAfter(
  choiceIds: string[],
  acknowledged = choiceIds.length,
): { attempt: AttemptState; decisions: DecisionRecord[] } {
  let snapshot: CaseSnapshot = initialSnapshot(machine);
  const decisions: DecisionRecord[] = [];
  for (const choiceId of choiceIds) {
    const stepId = String(snapshot.value);
    const step = sampleCase.steps.find((s) => s.id === stepId)!;
    const choice = step.choices.find((c) => c.id === choiceId)!;
    const next = nextSnapshot(machine, snapshot, choiceId);
    const best = [...step.choices].sort((a, b) => b.points - a.points)[0]!;
    decisions.push({
      seq: decisions.length + 1,
      stepId,
      choiceId,
      targetId: choice.to,
      points: next.context.score - snapshot.context.score,
      wasBest: best.id === choiceId,
      bestChoiceId: best.id,
    });
    snapshot = next;
  }
  return {
    attempt: {
      id: "a1",
      status: snapshot.status === "done" ? "finished" : "active",
      snapshot: {
        status: snapshot.status,
        value: snapshot.value,
        context: snapshot.context,
        children: {},
        historyValue: {},
      },
      decisionCount: decisions.length,
      acknowledgedCount: acknowledged,
      score: snapshot.context.score,
      maxScore: 5,
      outcomeId: null,
    },
    decisions,
  };
}

test("a step shows its situation, the documents reached and only the labels of the choices offered now", () => {
  const { attempt, decisions } = attemptAfter([]);
  const view = buildCaseView(machine, sampleCase, attempt, decisions);
  expect(view).toEqual({
    state: "step",
    seq: 0,
    stepNumber: 1,
    phaseLabel: "Opstart",
    situationHtml: "<p>Situation start</p>",
    documents: [{ key: "d0", title: "Dokument ansoegning", html: "<p>ansoegning</p>", isNew: true }],
    choices: [
      { value: "0", label: "Undersøg" },
      { value: "1", label: "Afgør nu" },
    ],
  });
  // Nothing about points, targets, flags or other steps.
  const text = JSON.stringify(view);
  for (const secret of ["points", "investigated", "remitted", "oplyst", "requires", "Feedback"]) {
    expect(text).not.toContain(secret);
  }
});

test("after a choice the feedback of that choice is shown, and the case file grows newest first", () => {
  const { attempt, decisions } = attemptAfter(["investigate"], 0);
  const view = buildCaseView(machine, sampleCase, attempt, decisions);
  expect(view).toMatchObject({
    state: "feedback",
    seq: 1,
    chosenLabel: "Undersøg",
    feedbackHtml: "<p>Feedback på investigate</p>",
  });
  expect(view.documents.map((d) => d.title)).toEqual(["Dokument laegeerklaering", "Dokument ansoegning"]);
  expect(JSON.stringify(view)).not.toContain("decide-well");
});

test("once the investigation has set its flag, the choice that needs it is offered", () => {
  const { attempt, decisions } = attemptAfter(["investigate"]);
  const view = buildCaseView(machine, sampleCase, attempt, decisions);
  expect(view.state === "step" && view.choices.map((c) => c.label)).toEqual([
    "Afgør med begrundelse",
    "Afgør kort",
    "Tilbage",
  ]);
});

test("at the outcome: result, score as points and share, and a review saying where a better choice existed", () => {
  const { attempt, decisions } = attemptAfter(["investigate", "decide-badly"]);
  const view = buildCaseView(machine, sampleCase, attempt, decisions);
  expect(view).toMatchObject({
    state: "outcome",
    result: "delvist",
    resultLabel: "Delvist korrekt",
    score: 3,
    maxScore: 5,
    percent: 60,
  });
  if (view.state !== "outcome") return;
  expect(view.review).toEqual([
    expect.objectContaining({ number: 1, chosenLabel: "Undersøg", points: 2, betterChoiceLabel: null }),
    expect.objectContaining({
      number: 2,
      chosenLabel: "Afgør kort",
      points: 1,
      betterChoiceLabel: "Afgør med begrundelse",
    }),
  ]);
});
