import { expect, test } from "vitest";
import { MAX_INVITEES, parseInviteeList } from "./invitee-list";

test("names and addresses are read the ways people paste them", () => {
  expect(
    parseInviteeList(
      "Bente Hansen bente@egeby.dk\r\nHansen, Ole; OLE@Egeby.dk\n\n  Åse Ærø <aase@egeby.dk>  \nKarl Kok,karl@egeby.dk",
    ),
  ).toEqual({
    ok: true,
    invitees: [
      { name: "Bente Hansen", email: "bente@egeby.dk" },
      { name: "Hansen, Ole", email: "ole@egeby.dk" },
      { name: "Åse Ærø", email: "aase@egeby.dk" },
      { name: "Karl Kok", email: "karl@egeby.dk" },
    ],
  });
});

test("each line's problem is named in Danish, with its line number", () => {
  expect(parseInviteeList("Bente Hansen\nole@egeby\nkarl@egeby.dk\nA a@b.dk\nB A@b.dk")).toEqual({
    ok: false,
    errors: [
      "Linje 1: der mangler en e-mailadresse.",
      "Linje 2: „ole@egeby“ er ikke en gyldig e-mailadresse.",
      "Linje 3: skriv deltagerens navn foran e-mailadressen.",
      "Linje 5: a@b.dk står også tidligere i listen.",
    ],
  });
  expect(parseInviteeList("  \n ")).toEqual({
    ok: false,
    errors: ["Skriv mindst én deltager: navn og e-mailadresse."],
  });
  const long = Array.from({ length: MAX_INVITEES + 1 }, (_, i) => `Person ${i} p${i}@egeby.dk`).join("\n");
  expect(parseInviteeList(long)).toMatchObject({ ok: false, errors: [expect.stringMatching(/højst inviteres 50/)] });
});
