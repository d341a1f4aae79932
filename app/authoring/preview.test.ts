import { expect, test } from "vitest";
import { sampleCase } from "~/activities/case/test-cases";
import { buildStepPreview, previewQuery, previewQuerySchema, validatePreviewState, type PreviewState } from "./preview";

const href = (placeId: string, state: PreviewState) => `/p/${placeId}${previewQuery(state)}`;

test("any step opens directly: every choice with points, target, feedback and whether it is offered now", () => {
  const preview = buildStepPreview(sampleCase, "investigated", { flags: [], path: [] }, href)!;
  expect(preview.kind).toBe("step");
  if (preview.kind !== "step") return;
  expect(preview.situationHtml).toBe("<p>Situation investigated</p>");
  expect(preview.documents.map((d) => d.id)).toEqual(["laegeerklaering"]);
  expect(preview.choices.map((c) => [c.id, c.points, c.to, c.offered])).toEqual([
    ["decide-well", 3, "good", false],
    ["decide-badly", 1, "partial", true],
    ["back", 0, "start", true],
  ]);
  expect(preview.choices[0]!.feedbackHtml).toBe("<p>Feedback på decide-well</p>");
  // Not offered: the link shows the same step with the missing flag set.
  expect(preview.choices[0]!.href).toBe("/p/investigated?flag=oplyst");
  expect(preview.choices[1]!.href).toBe("/p/partial?vej=investigated%2Fdecide-badly");
});

test("taking choices is stepped by the case machine: flags set, points counted once, feedback of the last choice", () => {
  const start = buildStepPreview(sampleCase, "start", { flags: [], path: [] }, href)!;
  if (start.kind !== "step") throw new Error("expected a step");
  expect(start.choices[0]!.href).toBe("/p/investigated?flag=oplyst&vej=start%2Finvestigate");

  const state = { flags: ["oplyst"], path: ["start/investigate", "investigated/back", "start/investigate"] };
  const again = buildStepPreview(sampleCase, "investigated", state, href)!;
  if (again.kind !== "step") throw new Error("expected a step");
  expect(again.score).toBe(2);
  expect(again.lastChoice).toEqual({ label: "Undersøg", feedbackHtml: "<p>Feedback på investigate</p>", points: 2 });
  expect(again.choices.find((c) => c.id === "decide-well")!.offered).toBe(true);
  expect(again.documents.map((d) => d.id)).toEqual(["laegeerklaering", "ansoegning"]);

  const end = buildStepPreview(
    sampleCase,
    "good",
    { flags: ["oplyst"], path: [...state.path, "investigated/decide-well"] },
    href,
  )!;
  expect(end).toMatchObject({ kind: "outcome", result: "korrekt", resultLabel: "Korrekt", score: 5 });
});

test("an unknown place is null; unknown flags and choices in the address are refused in Danish", () => {
  expect(buildStepPreview(sampleCase, "nowhere", { flags: [], path: [] }, href)).toBeNull();
  const parsed = previewQuerySchema.parse({ flag: "nope", vej: [] });
  expect(validatePreviewState(sampleCase, parsed)).toEqual({ error: 'Flaget "nope" bruges ikke i casen.' });
  expect(validatePreviewState(sampleCase, { flag: [], vej: ["start/fly"] })).toEqual({
    error: 'Valget "start/fly" findes ikke i casen.',
  });
  expect(previewQuerySchema.safeParse({ flag: [], vej: ["no-slash"] }).error?.issues[0]?.message).toBe(
    "Vejen i adressen skal have formen trin/valg.",
  );
  expect(validatePreviewState(sampleCase, { flag: ["oplyst", "oplyst"], vej: [] })).toEqual({
    flags: ["oplyst"],
    path: [],
  });
});
