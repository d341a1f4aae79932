import { expect, test } from "vitest";
import { agreementByCriterion, metCount, selfHigherSentence } from "./agreement";

const criteria = [
  { id: "retsgrundlag", label: "Henvisning til retsgrundlaget" },
  { id: "fakta", label: "De faktiske oplysninger" },
  { id: "klage", label: "Klagevejledning" },
];

test("shares of Opfyldt by the learners and by the trainer, and agreement on the texts both rated", () => {
  const figures = agreementByCriterion(criteria, [
    {
      self: { retsgrundlag: "opfyldt", fakta: "opfyldt", klage: "delvist" },
      trainer: { retsgrundlag: "delvist", fakta: "opfyldt", klage: "delvist" },
    },
    {
      self: { retsgrundlag: "opfyldt", fakta: "delvist", klage: "opfyldt" },
      trainer: { retsgrundlag: "ikke-opfyldt", fakta: "opfyldt", klage: "opfyldt" },
    },
    // Self-assessed, not yet rated by the trainer: counts for the learners' share only.
    { self: { retsgrundlag: "delvist", fakta: "opfyldt", klage: "opfyldt" }, trainer: null },
    // Submitted, not self-assessed, but rated by the trainer: the trainer's share only.
    { self: null, trainer: { retsgrundlag: "opfyldt", fakta: "ikke-opfyldt", klage: "opfyldt" } },
  ]);
  expect(figures[0]).toEqual({
    criterionId: "retsgrundlag",
    label: "Henvisning til retsgrundlaget",
    self: { met: 2, of: 3, percent: 67 },
    trainer: { met: 1, of: 3, percent: 33 },
    agreement: { met: 0, of: 2, percent: 0 },
    selfHigher: 2,
    selfLower: 0,
  });
  expect(figures[1]).toMatchObject({ agreement: { met: 1, of: 2, percent: 50 }, selfHigher: 0, selfLower: 1 });
  expect(figures[2]).toMatchObject({ agreement: { met: 2, of: 2, percent: 100 }, selfHigher: 0, selfLower: 0 });
  expect(selfHigherSentence(figures)).toBe(
    "Deltagerne vurderer sig selv højere end du på: Henvisning til retsgrundlaget.",
  );
});

test("no ratings give no percent, and the sentence lists several criteria in Danish", () => {
  const none = agreementByCriterion(criteria, []);
  expect(none[0]).toMatchObject({
    self: { of: 0, percent: null },
    trainer: { percent: null },
    agreement: { percent: null },
  });
  expect(selfHigherSentence(none)).toBeNull();
  const all = agreementByCriterion(criteria, [
    {
      self: { retsgrundlag: "opfyldt", fakta: "delvist", klage: "opfyldt" },
      trainer: { retsgrundlag: "delvist", fakta: "ikke-opfyldt", klage: "ikke-opfyldt" },
    },
  ]);
  expect(selfHigherSentence(all)).toBe(
    "Deltagerne vurderer sig selv højere end du på: Henvisning til retsgrundlaget, De faktiske oplysninger og Klagevejledning.",
  );
});

test("as many higher as lower is not 'higher'", () => {
  const figures = agreementByCriterion(criteria.slice(0, 1), [
    { self: { retsgrundlag: "opfyldt" }, trainer: { retsgrundlag: "delvist" } },
    { self: { retsgrundlag: "delvist" }, trainer: { retsgrundlag: "opfyldt" } },
  ]);
  expect(selfHigherSentence(figures)).toBeNull();
});

test("criteria met, as the export counts them", () => {
  expect(metCount({ retsgrundlag: "opfyldt", fakta: "delvist", klage: "opfyldt" }, criteria)).toBe("2 af 3");
  expect(metCount(null, criteria)).toBe("");
});
