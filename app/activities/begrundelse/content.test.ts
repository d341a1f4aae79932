import { expect, test } from "vitest";
import { compileActivity } from "../../../tests/content-helpers";
import { formatProblem } from "~/content/problems";

const BODY = `Indledningen.

<Begrundelse>

<Document id="ansoegning" title="Ansøgning">Jeg søger om hjælp.</Document>

<Task>Du har givet afslag. Skriv begrundelsen til borgeren.</Task>

<Criterion id="retsgrundlag" topic="begrundelse" label="Henviser til reglerne">Se <LawRef law="FVL" section="24" />.</Criterion>
<Criterion id="fakta" topic="sagsoplysning" label="Nævner de faktiske oplysninger">Forklaring om fakta.</Criterion>
<Criterion id="klage" topic="klagevejledning" label="Giver klagevejledning">Forklaring om klage.</Criterion>

<ModelAnswer>Du får afslag efter reglerne.</ModelAnswer>

</Begrundelse>`;

test("a begrundelse compiles to its task, documents, criteria and model answer; minLength defaults to 300", async () => {
  const course = await compileActivity("begrundelse", BODY);
  expect(course.problems).toEqual([]);
  const activity = course.modules[0]!.activities[0]!;
  if (activity.type !== "begrundelse") throw new Error("expected a begrundelse");
  expect(activity.introHtml).toBe("<p>Indledningen.</p>");
  expect(activity.begrundelse).toMatchObject({
    minLength: 300,
    maxLength: 10_000,
    taskHtml: "Du har givet afslag. Skriv begrundelsen til borgeren.",
    documents: [{ id: "ansoegning", title: "Ansøgning", html: "Jeg søger om hjælp." }],
    modelAnswerHtml: "Du får afslag efter reglerne.",
  });
  expect(activity.begrundelse.criteria.map((c) => [c.id, c.topic, c.label])).toEqual([
    ["retsgrundlag", "begrundelse", "Henviser til reglerne"],
    ["fakta", "sagsoplysning", "Nævner de faktiske oplysninger"],
    ["klage", "klagevejledning", "Giver klagevejledning"],
  ]);
  expect(activity.begrundelse.criteria[0]!.explanationHtml).toContain("forvaltningsloven § 24");
});

test("minLength is read; the version changes when a criterion does", async () => {
  const first = (await compileActivity("begrundelse", BODY.replace("<Begrundelse>", "<Begrundelse minLength={500}>")))
    .modules[0]!.activities[0]!;
  const second = (await compileActivity("begrundelse", BODY.replace("Forklaring om fakta.", "Ny forklaring.")))
    .modules[0]!.activities[0]!;
  if (first.type !== "begrundelse") throw new Error("expected a begrundelse");
  expect(first.begrundelse.minLength).toBe(500);
  expect(first.version).not.toBe(second.version);
});

test("the begrundelse components stand only in a begrundelse, not in a lesson", async () => {
  const course = await compileActivity("lesson", `<Criterion id="a" topic="begrundelse" label="A">Tekst.</Criterion>`);
  expect(course.problems.map(formatProblem)).toEqual([
    "content/test/01-aktivitet.mdx:8:1 <Criterion> kan ikke stå øverst i filen; den skal stå i <Begrundelse>.",
  ]);
});

test("a second <Task> and an empty model answer are refused at their lines", async () => {
  const course = await compileActivity("begrundelse", BODY.replace("<Task>", "<Task>Første.</Task>\n\n<Task>"));
  expect(course.problems.map(formatProblem)).toEqual([
    "content/test/01-aktivitet.mdx:16:1 En begrundelse må kun have én <Task>; denne er nummer 2.",
  ]);
  const empty = await compileActivity("begrundelse", BODY.replace("Du får afslag efter reglerne.", ""));
  expect(empty.problems.map(formatProblem)).toEqual([
    "content/test/01-aktivitet.mdx:20:1 <ModelAnswer> er tom. Skriv mønsterbesvarelsen, som kursisten ser efter sin egen tekst.",
  ]);
});
