/** MDX syntax errors in Danish at the right line, and the parse going on after each one. */
import { createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { expect, test } from "vitest";
import { parseWithRecovery } from "./mdx-errors";

const processor = createProcessor({ remarkPlugins: [remarkGfm] });
const check = (source: string) => {
  const { root, problems } = parseWithRecovery(source, (s) => processor.parse(s));
  return { parsed: root !== null, problems: problems.map((p) => `${p.line}:${p.column} ${p.message}`) };
};

test.each([
  [
    "curly quotes pasted from Word in an attribute",
    'Tekst.\n\n<Choice to="a" label=”Bevil”>\n\nGodt.\n\n</Choice>',
    '3:22 Brug lige anførselstegn " i attributter, ikke krøllede ” (som Word laver): skriv label="…".',
  ],
  [
    "a tag that is never closed",
    'Tekst.\n\n<Callout type="obs">\n\nIkke lukket.\n',
    "3:1 <Callout> er ikke lukket. Skriv </Callout>, hvor indholdet af <Callout> slutter, eller <Callout … /> (med / til sidst), hvis den ikke har indhold.",
  ],
  [
    "a tag closed after another one opened inside it",
    '<Case start="a">\n\n<Step id="a" phase="opstart">\n\nTekst.\n\n</Case>',
    "3:1 <Step> i linje 3 er ikke lukket, før </Case> i linje 7. Skriv </Step>, hvor indholdet af <Step> slutter.",
  ],
  [
    "an inline tag without a slash",
    'Se <LawRef law="SEL" section="96"> om det.',
    "1:4 <LawRef> er ikke lukket i samme afsnit. Skriv <LawRef … /> (med / til sidst), når den ikke har indhold, eller luk den med </LawRef> i samme afsnit.",
  ],
  [
    "a closing tag with nothing to close",
    "Tekst </Callout> mere.",
    "1:7 Afsluttende </Callout> uden et <Callout> før den. Slet den, eller skriv <Callout …> der, hvor indholdet begynder.",
  ],
  [
    "a < in the text",
    "Under <20 timer om ugen.",
    "1:7 Tegnet < starter et komponent-tag. Skriv „under“ eller „mindre end“ i stedet for <, eller ret tagget.",
  ],
  [
    "an HTML comment",
    "<!-- husk at rette -->\n\nTekst.",
    "1:1 HTML-kommentarer <!-- … --> kan ikke bruges i indholdet. Slet kommentaren.",
  ],
  [
    "an attribute value without quotes",
    '<Callout type=obs>\n\nTekst.\n\n</Callout>',
    '1:15 Værdien af type skal stå i anførselstegn: type="obs".',
  ],
  ["a number without braces", '<Choice to="a" points=2 label="x" />', "1:23 Tal i attributter skrives i krøllede parenteser: points={2}."],
  [
    "a brace that is never closed",
    "Tekst { mere tekst.\n\nOg mere.",
    "1:7 Krøllede parenteser { } starter JavaScript og kan ikke bruges i teksten. Omskriv teksten uden { og }.",
  ],
])("%s", (_what, source, message) => {
  expect(check(source)).toEqual({ parsed: true, problems: [message] });
});

test("after each syntax error the file is repaired and read on, so every error is found in one run", () => {
  const source = [
    'Under <20 timer.', // 1
    "",
    '<Choice to="a" label=”Bevil”>', // 3
    "",
    "Godt.",
    "",
    "</Choice>",
    "",
    "<Callout type=obs>", // 9
    "",
    "Tekst.",
    "",
    "</Callout>",
  ].join("\n");
  const { parsed, problems } = check(source);
  expect(parsed).toBe(true);
  expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["1:7", "3:22", "9:15"]);
});
