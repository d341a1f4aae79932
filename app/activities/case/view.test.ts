import { expect, test } from "vitest";
import { createCaseMachine, initialSnapshot, nextSnapshot, type CaseSnapshot } from "./machine";
import { choice, outcome, sampleCase, step } from "./test-cases";
import { shownChoices } from "./decide";
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
    decisions.push({
      seq: decisions.length + 1,
      stepId,
      choiceId,
      targetId: choice.to,
      points: next.context.score - snapshot.context.score,
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

function attemptArgs(choiceIds: string[], acknowledged = choiceIds.length): [AttemptState, DecisionRecord[]] {
  const { attempt, decisions } = attemptAfter(choiceIds, acknowledged);
  return [attempt, decisions];
}

test("a step shows its situation, the documents reached and only the labels of the choices offered now", () => {
  const { attempt, decisions } = attemptAfter([]);
  const view = buildCaseView(machine, sampleCase, attempt, decisions);
  expect(view).toEqual({
    state: "step",
    seq: 0,
    stepNumber: 1,
    // The ideal way: investigate, then decide well.
    counter: "Beslutning 1 · ca. 2 i alt",
    resume: null,
    phaseLabel: "Opstart",
    situation: { key: "situation", html: "<p>Situation start</p>" },
    documents: [{ key: "d0", title: "Dokument ansoegning", html: "<p>ansoegning</p>", isNew: true }],
    // In the order attempt "a1" shows them; each button posts its position.
    choices: shownChoices("a1", sampleCase.steps[0]!, sampleCase.steps[0]!.choices).map((choice, position) => ({
      value: String(position),
      label: choice.label,
    })),
  });
  if (view.state === "step") {
    expect(view.choices.map((c) => c.label).sort()).toEqual(["Afgør nu", "Undersøg"]);
  }
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
    feedback: { key: "feedback", html: "<p>Feedback på investigate</p>" },
  });
  expect(view.documents.map((d) => d.title)).toEqual(["Dokument laegeerklaering", "Dokument ansoegning"]);
  expect(JSON.stringify(view)).not.toContain("decide-well");
});

test("once the investigation has set its flag, the choice that needs it is offered", () => {
  const { attempt, decisions } = attemptAfter(["investigate"]);
  const view = buildCaseView(machine, sampleCase, attempt, decisions);
  expect(view.state === "step" && view.choices.map((c) => c.label).sort()).toEqual([
    "Afgør kort",
    "Afgør med begrundelse",
    "Tilbage",
  ]);
});

test("right after a choice: the verdict and its points, by the review's rule", () => {
  const good = buildCaseView(machine, sampleCase, ...attemptArgs(["investigate"], 0));
  expect(good.state === "feedback" && good.verdict).toEqual({
    text: "Godt valg",
    points: "2 point",
    tone: "success",
    notes: [],
  });
  const partial = buildCaseView(machine, sampleCase, ...attemptArgs(["investigate", "decide-badly"], 1));
  expect(partial.state === "feedback" && partial.verdict).toMatchObject({
    text: "Delvis rigtigt",
    points: "1 point",
    tone: "warning",
  });
  const wrong = buildCaseView(machine, sampleCase, ...attemptArgs(["decide-now"], 0));
  expect(wrong.state === "feedback" && wrong.verdict).toMatchObject({
    text: "Ikke det bedste valg",
    points: "0 point",
    tone: "error",
  });
});

test("coming back to an unfinished attempt says where the learner is; right after acting it does not", () => {
  const [attempt, decisions] = attemptArgs(["investigate"]);
  expect(buildCaseView(machine, sampleCase, attempt, decisions, { returning: true })).toMatchObject({
    state: "step",
    counter: "Beslutning 2 · ca. 2 i alt",
    resume: "Du fortsætter, hvor du slap (beslutning 2).",
  });
  expect(buildCaseView(machine, sampleCase, attempt, decisions, { returning: false })).toMatchObject({ resume: null });
  // A fresh attempt has nothing to continue.
  expect(buildCaseView(machine, sampleCase, ...attemptArgs([]), { returning: true })).toMatchObject({ resume: null });
});

test("at the outcome: result, pass, score as points and share, a true review and the debrief by topic", () => {
  const { attempt, decisions } = attemptAfter(["investigate", "decide-badly"]);
  const lessons = [{ id: "l-begrund", title: "Begrundelse af afgørelser", html: "<p>Tekst</p>", legalBasis: [] }];
  const view = buildCaseView(machine, sampleCase, attempt, decisions, {
    debrief: {
      moduleId: "m",
      bestPath: [
        { stepId: "start", choiceId: "investigate" },
        { stepId: "investigated", choiceId: "decide-well" },
      ],
      lessons,
      checklists: [{ id: "tjek", title: "Er afgørelsen begrundet?", html: "", activityId: "l-begrund" }],
    },
  });
  expect(view).toMatchObject({
    state: "outcome",
    result: "delvist",
    resultLabel: "Delvist korrekt",
    passed: false,
    score: 3,
    maxScore: 5,
    percent: 60,
  });
  if (view.state !== "outcome") return;
  expect(view.review).toEqual([
    expect.objectContaining({ number: 1, chosenLabel: "Undersøg", points: 2, heading: "Bedste valg", tone: "success" }),
    expect.objectContaining({
      number: 2,
      chosenLabel: "Afgør kort",
      points: 1,
      heading: "Delvis rigtigt – det bedste var: Afgør med begrundelse",
      tone: "warning",
    }),
  ]);
  expect(view.debrief).toEqual([
    { label: "Sagsoplysning", earned: 2, possible: 2, lesson: null, checklist: null },
    {
      label: "Begrundelse",
      earned: 1,
      possible: 3,
      lesson: { title: "Begrundelse af afgørelser", to: "/moduler/m/l-begrund" },
      checklist: { title: "Er afgørelsen begrundet?", to: "/moduler/m/tjeklister#tjekliste-tjek" },
    },
  ]);
});

test("a case that passes at delvist says so at a delvist outcome; a choice into forkert is never called best", () => {
  const { attempt, decisions } = attemptAfter(["investigate", "decide-badly"]);
  const lenient = { ...sampleCase, pass: "delvist" as const };
  expect(buildCaseView(createCaseMachine(lenient), lenient, attempt, decisions)).toMatchObject({ passed: true });
  const lost = buildCaseView(machine, sampleCase, ...attemptArgs(["decide-now"]));
  expect(lost.state === "outcome" && lost.review.map((r) => r.heading)).toEqual([
    "Ikke det bedste valg – det bedste var: Undersøg",
  ]);
});

test("a case whose ideal way cannot be taken as it stands gives no estimate of its length", () => {
  const gated = {
    start: "a",
    steps: [
      step("a", [
        choice("b", { id: "direct", points: 5, requires: ["x"] }),
        choice("c", { id: "detour", sets: ["x"] }),
      ]),
      step("b", [choice("end", { id: "finish" })]),
      step("c", [choice("a", { id: "back" })]),
    ],
    outcomes: [outcome("end", "korrekt")],
  };
  const gatedMachine = createCaseMachine(gated);
  const snapshot = initialSnapshot(gatedMachine);
  const view = buildCaseView(
    gatedMachine,
    gated,
    {
      id: "a1",
      status: "active",
      snapshot: {
        status: snapshot.status,
        value: snapshot.value,
        context: snapshot.context,
        children: {},
        historyValue: {},
      },
      decisionCount: 0,
      acknowledgedCount: 0,
      score: 0,
      maxScore: 5,
      outcomeId: null,
    },
    [],
  );
  expect(view).toMatchObject({ state: "step", counter: "Beslutning 1" });
});
