import { expect, test } from "vitest";
import { readEvaluationForm } from "./answers";
import type { EvaluationDefinition } from "./content";

const evaluation: EvaluationDefinition = {
  id: "e",
  items: [
    { kind: "likert", id: "kendskab", statement: "Øget kendskab." },
    { kind: "likert", id: "praksis", statement: "Påvirker min praksis." },
    { kind: "text", id: "forbedringer", label: "Hvad kan gøres bedre?" },
  ],
};

test("a draft may leave statements unanswered; a submission may not", () => {
  const entries: [string, string][] = [
    ["likert-kendskab", "hoej"],
    ["text-forbedringer", "  Mere tid  "],
  ];
  expect(readEvaluationForm(evaluation, entries, { submitting: false })).toEqual({
    ok: true,
    answers: { kendskab: "hoej", forbedringer: "Mere tid" },
  });
  expect(readEvaluationForm(evaluation, entries, { submitting: true })).toEqual({
    ok: false,
    message: "Evalueringen er ikke indsendt.",
    errors: { "likert-praksis": "Vælg et svar til: „Påvirker min praksis.“" },
  });
});

test("'Ved ikke' is an answer; a value off the scale or an unknown item is refused", () => {
  expect(
    readEvaluationForm(
      evaluation,
      [
        ["likert-kendskab", "ved-ikke"],
        ["likert-praksis", "slet-ikke"],
      ],
      { submitting: true },
    ).ok,
  ).toBe(true);
  expect(readEvaluationForm(evaluation, [["likert-kendskab", "10"]], { submitting: false })).toMatchObject({
    ok: false,
    message: "Svaret er ikke et af svarene på skalaen.",
  });
  expect(readEvaluationForm(evaluation, [["likert-andet", "hoej"]], { submitting: false })).toMatchObject({
    ok: false,
  });
});

test("a free text over the limit is refused with its length", () => {
  const result = readEvaluationForm(evaluation, [["text-forbedringer", "x".repeat(2001)]], { submitting: false });
  expect(result).toMatchObject({
    ok: false,
    errors: { "text-forbedringer": "Svaret må højst være 2000 tegn (det er 2001)." },
  });
});
