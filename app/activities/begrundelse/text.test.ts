import { expect, test } from "vitest";
import { countCharacters, lengthHint, readRatings, readText } from "./text";

const limits = { minLength: 300, maxLength: 10_000 };

test("characters are counted as the learner sees them: a posted line break is one, blanks around the text none, an emoji one", () => {
  expect(countCharacters("  Kære Birthe\r\n\r\nDu får  ")).toBe(19);
  expect(countCharacters("👍")).toBe(1);
  expect(countCharacters("")).toBe(0);
});

test("a draft may be short; a text to submit must reach minLength; nothing may pass the maximum", () => {
  expect(readText("Kort.", limits, { submitting: false })).toEqual({ ok: true, text: "Kort.", length: 5 });
  expect(readText("Kort.", limits, { submitting: true })).toEqual({
    ok: false,
    length: 5,
    message: "Teksten er for kort til at blive indsendt: mindst 300 tegn, og den er 5. Skriv 295 tegn mere.",
  });
  expect(readText("x".repeat(300), limits, { submitting: true })).toMatchObject({ ok: true, length: 300 });
  expect(readText("x".repeat(10_001), limits, { submitting: false })).toEqual({
    ok: false,
    length: 10_001,
    message: "Teksten er for lang: højst 10.000 tegn, og den er 10.001. Gør den 1 tegn kortere.",
  });
  expect(readText(null, limits, { submitting: false })).toMatchObject({ ok: false });
  expect(readText("a\r\nb", limits, { submitting: false })).toMatchObject({ text: "a\nb" });
});

test("the hint under the textarea", () => {
  expect(lengthHint(120, limits)).toBe("120 tegn – mindst 300");
  expect(lengthHint(1200, limits)).toBe("1.200 tegn");
  expect(lengthHint(10_200, limits)).toBe("10.200 tegn – højst 10.000");
});

const criteria = [
  { id: "retsgrundlag", label: "Henviser til reglerne" },
  { id: "klage", label: "Giver klagevejledning" },
];

test("every criterion must be rated, on the scale, and only the begrundelse's own criteria", () => {
  expect(
    readRatings(criteria, [
      ["rating-retsgrundlag", "opfyldt"],
      ["rating-klage", "ikke-opfyldt"],
      ["intent", "x"],
    ]),
  ).toEqual({
    ok: true,
    ratings: { retsgrundlag: "opfyldt", klage: "ikke-opfyldt" },
  });
  expect(readRatings(criteria, [["rating-retsgrundlag", "delvist"]])).toEqual({
    ok: false,
    message: "Vurdér alle kriterier, før du gemmer: et kriterium mangler.",
    errors: { "rating-klage": "Vurdér kriteriet: „Giver klagevejledning“" },
  });
  expect(readRatings(criteria, [])).toMatchObject({
    ok: false,
    message: "Vurdér alle kriterier, før du gemmer: 2 kriterier mangler.",
  });
  expect(readRatings(criteria, [["rating-retsgrundlag", "10"]])).toMatchObject({
    ok: false,
    message: "Vurderingen skal være Opfyldt, Delvist eller Ikke opfyldt.",
  });
  expect(readRatings(criteria, [["rating-andet", "opfyldt"]])).toMatchObject({
    ok: false,
    message: "Vurderingen nævner et kriterium, som ikke findes i opgaven.",
  });
});
