import { expect, test } from "vitest";
import { decodeSpreadsheetText, planImport, readImportFile, type ImportLookups } from "./import";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes for the Danish letters (as Excel's plain "CSV" writes them). */
function windows1252(text: string): Uint8Array {
  const map: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9 };
  return Uint8Array.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

const DANISH_EXCEL =
  "Navn;E-mail;Rolle;Kommune;Hold\r\nSøren Ærø;soren@egeby.dk;Sagsbehandler;Egeby Kommune;abcd 2345\r\n";

test("Excel's three Danish CSV flavours read the same: semicolons in UTF-8 with BOM, UTF-8 without, and Windows-1252", () => {
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(DANISH_EXCEL)]);
  for (const bytes of [withBom, utf8(DANISH_EXCEL), windows1252(DANISH_EXCEL)]) {
    const file = readImportFile(bytes);
    expect(file).toEqual({
      ok: true,
      hasCohortColumn: true,
      rows: [
        {
          line: 2,
          name: "Søren Ærø",
          email: "soren@egeby.dk",
          role: "Sagsbehandler",
          organisation: "Egeby Kommune",
          cohortCode: "abcd 2345",
        },
      ],
    });
  }
  expect(decodeSpreadsheetText(windows1252("Åse"))).toBe("Åse");
});

test("commas work too, with quoted names that contain the delimiter; columns in any order; blank lines skipped", () => {
  const file = readImportFile(
    utf8('kommune,e-mail,navn,rolle\n"Egeby Kommune","bente@egeby.dk","Hansen, Bente",underviser\n\n,,,\n'),
  );
  expect(file).toMatchObject({
    ok: true,
    hasCohortColumn: false,
    rows: [{ name: "Hansen, Bente", email: "bente@egeby.dk", role: "underviser", cohortCode: "" }],
  });
  // In a semicolon file, a comma in a name is just a comma.
  const semi = readImportFile(utf8("navn;e-mail;rolle;kommune\nHansen, Bente;b@egeby.dk;;Egeby\n"));
  expect(semi).toMatchObject({ ok: true, rows: [{ name: "Hansen, Bente", role: "" }] });
});

test("a file that is not what we expect gets one Danish sentence saying what to do", () => {
  expect(readImportFile(utf8(""))).toEqual({ ok: false, error: "Filen er tom." });
  expect(readImportFile(utf8("navn;e-mail\nA;a@b.dk\n"))).toEqual({
    ok: false,
    error:
      "Filen mangler kolonnerne „rolle“, „kommune“. Første linje skal være overskrifterne navn, e-mail, rolle, kommune og eventuelt hold.",
  });
  expect(readImportFile(utf8("navn;e-mail;rolle;kommune\n"))).toEqual({
    ok: false,
    error: "Filen har overskrifter, men ingen brugere.",
  });
  const broken = readImportFile(utf8('navn;e-mail;rolle;kommune\n"Ikke lukket;a@b.dk;;Egeby\n'));
  expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/^Filen kan ikke læses som CSV/) });
});

const lookups: ImportLookups = {
  users: new Map([["eksisterer@egeby.dk", { id: "u1", name: "Eva Eksisterer", cohortIds: new Set(["c-old"]) }]]),
  organisations: new Map([["egeby kommune", { id: "o1", name: "Egeby Kommune" }]]),
  cohorts: new Map([
    ["ABCD-2345", { id: "c1", name: "Hold A", expired: false }],
    ["GAML-2020", { id: "c-old", name: "Gammelt hold", expired: true }],
  ]),
};
const row = (
  line: number,
  fields: Partial<Record<"name" | "email" | "role" | "organisation" | "cohortCode", string>>,
) => ({
  line,
  name: "Navn Navnesen",
  email: `linje${line}@egeby.dk`,
  role: "",
  organisation: "egeby kommune ",
  cohortCode: "",
  ...fields,
});

test("the plan says per row what will be created, what exists, and each error in Danish", () => {
  const plan = planImport(
    [
      row(2, { role: "Underviser", cohortCode: "abcd 2345" }),
      row(3, { email: "Eksisterer@Egeby.dk", cohortCode: "ABCD-2345" }),
      row(4, { name: "", email: "ikke-en-adresse", role: "chef", organisation: "Fjernby", cohortCode: "XXXX" }),
      row(5, { email: "linje2@egeby.dk" }),
      row(6, { cohortCode: "GAML-2020" }),
    ],
    lookups,
  );
  expect(plan.counts).toEqual({ create: 1, exists: 1, error: 3 });
  expect(plan.rows[0]).toMatchObject({
    status: "create",
    role: "trainer",
    organisationId: "o1",
    organisationName: "Egeby Kommune",
    cohort: { id: "c1", name: "Hold A" },
  });
  expect(plan.rows[1]).toMatchObject({
    status: "exists",
    userId: "u1",
    existingName: "Eva Eksisterer",
    cohort: { id: "c1" },
  });
  expect(plan.rows[2]).toMatchObject({
    status: "error",
    errors: [
      "Navnet mangler.",
      "„ikke-en-adresse“ er ikke en gyldig e-mailadresse.",
      "Rollen „chef“ findes ikke. Skriv en af: sagsbehandler, underviser, forfatter, administrator.",
      "Kommunen „Fjernby“ findes ikke. Opret den under Administration, eller ret stavningen.",
      "Der findes intet hold med koden „XXXX“.",
    ],
  });
  expect(plan.rows[3]).toMatchObject({ status: "error", errors: ["E-mailadressen står også i linje 2."] });
  expect(plan.rows[4]).toMatchObject({ status: "error", errors: ["Holdet „Gammelt hold“ er afsluttet."] });
});

test("an existing user already on the cohort is left as they are", () => {
  const plan = planImport([row(2, { email: "eksisterer@egeby.dk" })], {
    ...lookups,
    users: new Map([["eksisterer@egeby.dk", { id: "u1", name: "Eva", cohortIds: new Set(["c1"]) }]]),
  });
  expect(plan.rows[0]).toMatchObject({ status: "exists", cohort: null });
});

test("an empty role means sagsbehandler; English role keys are accepted", () => {
  const plan = planImport([row(2, {}), row(3, { role: "author" }), row(4, { role: "ADMINISTRATOR" })], lookups);
  expect(plan.rows.map((r) => (r.status === "create" ? r.role : r.status))).toEqual(["learner", "author", "admin"]);
});

test("control characters in a cell (a NUL from a broken export) are dropped, not stored", () => {
  const file = readImportFile(utf8("navn;e-mail;rolle;kommune\nBen\u0000te;bente@egeby.dk;;Egeby\n"));
  expect(file).toMatchObject({ ok: true, rows: [{ name: "Bente" }] });
});
