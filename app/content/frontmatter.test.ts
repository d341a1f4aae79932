/** The frontmatter's YAML errors in Danish, at the line (and column) of the faulty key. */
import { expect, test } from "vitest";
import { readFrontmatter } from "./frontmatter";

const problemsOf = (yaml: string) =>
  readFrontmatter(`---\n${yaml}\n---\n\nTekst.\n`).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

test.each([
  [
    "a title with a colon (line 3, at the colon)",
    "id: a\ntype: case\ntitle: Case: Ingrid søger om BPA",
    '4:12 Værdien af title indeholder et kolon. Sæt titlen i anførselstegn, når den indeholder kolon: title: "Case: Ingrid søger om BPA"',
  ],
  [
    "a list item indented differently (line 5 of the YAML)",
    'id: a\ntitle: x\nlegalBasis:\n  - "SEL § 96"\n - "RSL § 10"',
    '6:1 Punkterne i listen legalBasis skal være rykket lige meget ind, f.eks. to mellemrum før hvert "- ".',
  ],
  [
    "curly quotes pasted from Word",
    "id: a\ntitle: ”Hjælp: en sag”",
    '3:8 Værdien af title står i krøllede anførselstegn (som Word laver). Brug lige anførselstegn " omkring den: title: "Hjælp: en sag"',
  ],
  [
    "a quote that is never closed",
    'id: a\ntitle: "Jonas søger\ntype: case',
    '3:8 Anførselstegnet " omkring værdien af title bliver ikke lukket. Sæt " også efter værdien.',
  ],
  [
    "a missing comma in a list",
    'id: a\nlegalBasis: ["SEL § 96" "RSL § 10"]',
    '3:25 Der mangler et komma mellem punkterne i listen legalBasis, f.eks. ["SEL § 96", "RSL § 10"].',
  ],
  ["a field written twice", "id: a\nid: b", "3:1 Feltet id står to gange i frontmatter (første gang i linje 2). Slet den ene."],
  [
    "a line without a colon",
    "id: a\ntitle",
    '3:1 Linjen "title" mangler et kolon. Felter i frontmatter skrives som navn: værdi, f.eks. title: Min titel.',
  ],
  ["a tab used for indentation", "id: a\n\ttype: case", "3:1 Brug mellemrum, ikke tabulatortegn, til at rykke ind i frontmatter."],
  [
    "an indented field",
    "id: a\n  type: case",
    "3:1 Linjen er rykket ind, så den læses som en del af id. Felter i frontmatter skal stå helt ude til venstre.",
  ],
  [
    "a value that starts with a character YAML reserves",
    "id: a\ntitle: @kommune",
    '3:8 Værdien af title begynder med @, som har en særlig betydning i YAML. Sæt titlen i anførselstegn: title: "@kommune"',
  ],
])("%s", (_what, yaml, message) => {
  expect(problemsOf(yaml)).toEqual([message]);
});

test("every YAML error is reported at once, and the readable fields are kept", () => {
  const frontmatter = readFrontmatter(
    '---\nid: a\ntitle: Case: Ingrid\ntype: case\nestimatedMinutes: 5\nlegalBasis: ["a" "b"]\n---\n\nTekst.\n',
  );
  expect(frontmatter.problems.map((p) => p.line)).toEqual([3, 6]);
  expect(frontmatter.data).toEqual({ id: "a", type: "case", estimatedMinutes: 5 });
  expect([...frontmatter.unreadable]).toEqual(["title", "legalBasis"]);
});

test("the body keeps its line numbers: the frontmatter lines are emptied", () => {
  const { body } = readFrontmatter("---\nid: a\n---\n\n# Overskrift\n");
  expect(body.split("\n")).toEqual(["", "", "", "", "# Overskrift", ""]);
});

test("a file without frontmatter, and frontmatter that is never closed", () => {
  expect(readFrontmatter("# Hej\n").problems[0]?.message).toBe(
    "Filen skal begynde med frontmatter mellem to linjer med ---.",
  );
  expect(readFrontmatter("---\nid: a\n\nTekst\n").problems[0]?.message).toMatch(/^Frontmatter er ikke afsluttet/);
});
