import { expect, test } from "vitest";
import { activity, compileActivity, compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { formatProblem } from "./problems";
import { LAW_SOURCES, LAWS } from "./vocabulary";

test("a module and its lessons are read in file-name order, keyed on the frontmatter id", async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/02-anden.mdx": activity({ id: "anden-lektion", title: "Anden", type: "lesson", estimatedMinutes: 5 }, "## To\n\nTekst."),
    "test/01-foerste.mdx": activity({ id: "foerste-lektion", title: "Første", type: "lesson", estimatedMinutes: 5 }, "## En\n\nTekst."),
  });
  expect(course.problems).toEqual([]);
  const [module] = course.modules;
  expect(module).toMatchObject({ id: "test", title: "Testmodul", legalBasis: ["RSL § 10"], draft: false });
  expect(module!.introHtml).toContain("<p>Introduktion til testmodulet.</p>");
  expect(module!.activities.map((a) => a.id)).toEqual(["foerste-lektion", "anden-lektion"]);
  expect(module!.activities[0]).toMatchObject({ type: "lesson", required: true, file: "content/test/01-foerste.mdx" });
});

test("LawRef renders as a readable citation and Callout as a labelled note", async () => {
  const course = await compileActivity(
    "lesson",
    `Se <LawRef law="SEL" section="96" subsection="1" />, <LawRef law="FVL" section="22-24" /> og <LawRef law="SEL" section="95" subsection="4" sentence="4" />.

<Callout type="obs">

Husk partshøring.

</Callout>`,
  );
  expect(course.problems).toEqual([]);
  const lesson = course.modules[0]!.activities[0]!;
  if (lesson.type !== "lesson") throw new Error("expected a lesson");
  expect(lesson.html).toContain("serviceloven § 96, stk. 1");
  expect(lesson.html).toContain("forvaltningsloven §§ 22-24");
  expect(lesson.html).toContain("serviceloven § 95, stk. 4, 4. pkt.");
  expect(lesson.html).toMatch(/role="note" aria-label="OBS".*Husk partshøring/s);
});

test("LawRef links to the law on Retsinformation in the same tab, marked as external for screen readers", async () => {
  const course = await compileActivity(
    "lesson",
    `Se <LawRef law="SEL" section="96" subsection="1" /> og <LawRef law="UDLBEK" section="5" />.`,
  );
  const lesson = course.modules[0]!.activities[0]!;
  if (lesson.type !== "lesson") throw new Error("expected a lesson");
  const link = /<a class="lawref" href="([^"]+)"[^>]*>(.*?)<\/a>/.exec(lesson.html);
  expect(link?.[1]).toBe(LAW_SOURCES.SEL!.url);
  expect(link?.[1]).toMatch(/^https:\/\/www\.retsinformation\.dk\/eli\/lta\/\d{4}\/\d+$/);
  expect(link?.[2]).toBe('serviceloven § 96, stk. 1<span class="sr-only"> (lovteksten på Retsinformation, eksternt link)</span>');
  expect(lesson.html).not.toContain("target=");
  // A law whose official address is not verified is cited without a link.
  expect(lesson.html).toContain('<span class="lawref" data-law="UDLBEK" data-section="5">udlandsbekendtgørelsen § 5</span>');
});

test("every law code has an ELI address on Retsinformation or is deliberately unlinked", () => {
  for (const code of Object.keys(LAWS) as (keyof typeof LAWS)[]) {
    const source = LAW_SOURCES[code];
    if (source) expect(source.url, code).toMatch(/^https:\/\/www\.retsinformation\.dk\/eli\/lta\/\d{4}\/\d+$/);
  }
  expect(Object.keys(LAW_SOURCES).sort()).toEqual(Object.keys(LAWS).sort());
});

test("a file with a wrong frontmatter field gives an error naming the file and the line", async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/01-lektion.mdx": "---\nid: lektion\ntitle: Lektion\ntype: lektion\nestimatedMinutes: 5\n---\n\nTekst.\n",
  });
  expect(course.problems.map(formatProblem)).toEqual([
    "content/test/01-lektion.mdx:4:7 type skal være en af: lesson, case, quiz, evaluation, begrundelse.",
  ]);
  expect(course.modules[0]!.activities).toEqual([]);
});

test("a misspelt frontmatter field is named at its line with the field it was meant to be", async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/01-lektion.mdx": "---\nid: lektion\ntitel: Lektion\ntype: lesson\nestimatedMinutes: 5\n---\n\nTekst.\n",
  });
  // One mistake, one message, at the misspelt key, with the field it was meant to be.
  expect(course.problems.map(formatProblem)).toEqual([
    "content/test/01-lektion.mdx:3:1 Ukendt felt i frontmatter: titel. Mente du title? (Feltet title mangler.)",
  ]);
});

test("a missing field with no misspelling nearby is named on the first line", async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/01-lektion.mdx": "---\nid: lektion\ntype: lesson\nestimatedMinutes: 5\n---\n\nTekst.\n",
  });
  expect(course.problems.map(formatProblem)).toEqual(["content/test/01-lektion.mdx:1:1 Feltet title mangler i frontmatter."]);
});

test("a module without module.mdx, a bad folder name and a bad file name are reported", async () => {
  const course = await compileFiles({
    "Forkert Navn/module.mdx": MODULE_MDX,
    "uden-modul/01-lektion.mdx": activity({ id: "a", title: "A", type: "lesson", estimatedMinutes: 1 }, "Tekst."),
    "test/module.mdx": MODULE_MDX,
    "test/lektion.mdx": activity({ id: "b", title: "B", type: "lesson", estimatedMinutes: 1 }, "Tekst."),
  });
  const messages = course.problems.map(formatProblem).join("\n");
  expect(messages).toMatch(/content\/Forkert Navn:1:1 Mappenavnet "Forkert Navn"/);
  expect(messages).toMatch(/content\/uden-modul:1:1 Modulet "uden-modul" mangler filen module.mdx/);
  expect(messages).toMatch(/content\/test\/lektion.mdx:1:1 Filnavnet "lektion.mdx" skal have formen NN-navn.mdx/);
});

test("an unknown component and an unknown attribute are reported where they are written", async () => {
  const course = await compileActivity("lesson", `Tekst.\n\n<Boks farve="rød">x</Boks>\n\n<Callout type="obs" farve="rød">\n\ny\n\n</Callout>`);
  expect(course.problems.map(formatProblem)).toEqual([
    expect.stringMatching(/^content\/test\/01-aktivitet\.mdx:10:1 Ukendt komponent <Boks>/),
    expect.stringMatching(/^content\/test\/01-aktivitet\.mdx:12:21 Ukendt attribut farve på <Callout>/),
  ]);
});

test("JavaScript in content is refused", async () => {
  const course = await compileActivity("lesson", "Der er {1 + 1} fejl.");
  expect(course.problems[0]?.message).toMatch(/Krøllede parenteser/);
});

test("an MDX syntax error is reported with its line", async () => {
  const course = await compileActivity("lesson", "Tekst.\n\n<Callout type=\"obs\">\n\nIkke lukket.\n");
  expect(course.problems.map(formatProblem)).toEqual([
    "content/test/01-aktivitet.mdx:10:1 <Callout> er ikke lukket. Skriv </Callout>, hvor indholdet af <Callout> slutter, eller <Callout … /> (med / til sidst), hvis den ikke har indhold.",
  ]);
});

test("the same activity id in two files is an error", async () => {
  const lesson = activity({ id: "samme", title: "A", type: "lesson", estimatedMinutes: 1 }, "Tekst.");
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/01-a.mdx": lesson,
    "test/02-b.mdx": lesson,
  });
  expect(course.problems.map(formatProblem)).toEqual([
    'content/test/02-b.mdx:2:1 Aktivitets-id\'et "samme" er allerede brugt i content/test/01-a.mdx. Id\'er skal være unikke i hele kurset.',
  ]);
});

test("a checklist renders as labelled checkboxes and is gathered for its module", async () => {
  const course = await compileActivity(
    "lesson",
    `<Checklist id="tjek" title="Er sagen oplyst?">\n\n- Lægeerklæring\n- Partshøring\n\n</Checklist>`,
  );
  expect(course.problems).toEqual([]);
  const [checklist] = course.modules[0]!.checklists;
  expect(checklist).toMatchObject({ id: "tjek", title: "Er sagen oplyst?", activityId: "test-aktivitet" });
  expect(checklist!.html).toContain('<legend class="checklist-title">Er sagen oplyst?</legend>');
  expect(checklist!.html).toContain('<input class="form-checkbox" type="checkbox" id="tjek-2" name="tjek-2"/><label class="form-label" for="tjek-2">Partshøring</label>');
});

test("headings: the highest level in the file becomes <h2> under the page title, the levels below keep their order", async () => {
  const course = await compileActivity("lesson", "# Overskrift\n\nTekst.\n\n## Under\n\nMere.\n\n# Næste");
  expect(course.problems).toEqual([]);
  const lesson = course.modules[0]!.activities[0]!;
  expect(lesson.type === "lesson" && lesson.html.match(/<h\d>[^<]*<\/h\d>/g)).toEqual([
    "<h2>Overskrift</h2>",
    "<h3>Under</h3>",
    "<h2>Næste</h2>",
  ]);
});

test("a skipped heading level is an error at the heading", async () => {
  const course = await compileActivity("lesson", "# Overskrift\n\n### For dybt");
  expect(course.problems.map(formatProblem)).toEqual([
    'content/test/01-aktivitet.mdx:10:1 Overskriften "For dybt" springer et niveau over: den har ### og kommer efter en overskrift med #. Brug ##.',
  ]);
});

test("a case file becomes a graph with HTML fragments: situations, documents, feedback and outcomes", async () => {
  const course = await compileActivity(
    "case",
    `Introduktion til casen.

<Case start="a">

<Step id="a" phase="opstart">

Borgeren søger om **hjælp**.

<Document id="ansoegning" title="Ansøgning">

Jeg søger.

</Document>

<Choice to="b" label="Undersøg" points={2} topic="sagsoplysning" sets="oplyst">

Godt, jf. <LawRef law="RSL" section="11 a" />.

</Choice>

<Choice id="straks" to="slut" label="Afgør straks" topic="sagsoplysning">

For tidligt.

</Choice>

</Step>

<Step id="b" phase="afgoerelse">

Sagen er oplyst.

<Choice to="slut" label="Bevil" points={1} topic="afgoerelse" requires="oplyst">Rigtigt.</Choice>

</Step>

<Outcome id="slut" result="korrekt">

Borgeren får hjælp.

</Outcome>

</Case>`,
  );
  expect(course.problems).toEqual([]);
  const activity = course.modules[0]!.activities[0]!;
  if (activity.type !== "case") throw new Error("expected a case");
  expect(activity.introHtml).toBe("<p>Introduktion til casen.</p>");
  expect(activity.analysis).toEqual({
    maxScore: 3,
    bestOutcomeId: "slut",
    bestPath: [
      { stepId: "a", choiceId: "b" },
      { stepId: "b", choiceId: "slut" },
    ],
  });
  const [first, second] = activity.case.steps;
  expect(first).toMatchObject({
    id: "a",
    phase: "opstart",
    situationHtml: "<p>Borgeren søger om <strong>hjælp</strong>.</p>",
    documents: [{ id: "ansoegning", title: "Ansøgning", html: "<p>Jeg søger.</p>" }],
  });
  expect(first!.choices).toEqual([
    expect.objectContaining({ id: "b", to: "b", points: 2, sets: ["oplyst"], requires: [], feedbackHtml: expect.stringContaining("retssikkerhedsloven § 11 a") }),
    expect.objectContaining({ id: "straks", to: "slut", points: 0, topic: "sagsoplysning" }),
  ]);
  expect(second!.choices[0]).toMatchObject({ requires: ["oplyst"], feedbackHtml: "Rigtigt." });
  expect(activity.case.outcomes).toEqual([expect.objectContaining({ id: "slut", result: "korrekt", html: "<p>Borgeren får hjælp.</p>" })]);
});
