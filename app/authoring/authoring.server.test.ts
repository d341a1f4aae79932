import { expect, test } from "vitest";
import { activity, compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { authorOverview } from "./authoring.server";
import { buildCaseMap } from "./case-map";

const BROKEN_CASE = activity(
  { id: "test-case", title: "En case med et øde trin", type: "case", estimatedMinutes: 5 },
  `<Case start="a">

<Step id="a" phase="opstart">

Hvad gør du?

<Choice to="slut" label="Afgør" points={1} topic="afgoerelse">

Fint.

</Choice>

</Step>

<Step id="oede" phase="oplysning">

Hertil fører intet valg.

<Choice to="slut" label="Afgør" topic="afgoerelse">

Fint.

</Choice>

</Step>

<Outcome id="slut" result="korrekt">

Slut.

</Outcome>

</Case>`,
);

test("a case that breaks a graph rule is kept for the author's map, never as a playable activity", async () => {
  const course = await compileFiles({ "test/module.mdx": MODULE_MDX, "test/01-case.mdx": BROKEN_CASE });
  const [module] = course.modules;
  expect(module!.activities).toEqual([]);
  expect(module!.unplayableCases?.map((c) => c.id)).toEqual(["test-case"]);
  expect(course.problems.map((p) => `${p.file}:${p.line}`)).toEqual(["content/test/01-case.mdx:22"]);

  const overview = authorOverview(course);
  expect(overview.modules[0]!.activities).toMatchObject([
    { id: "test-case", type: "case", playable: false, problemCount: 1 },
  ]);
  expect(overview.modules[0]!.problems).toHaveLength(1);
  expect(overview.otherProblems).toEqual([]);

  const map = buildCaseMap(module!.unplayableCases![0]!.case);
  expect(map.nodes.find((n) => n.id === "oede")).toMatchObject({ unreachable: true });
});

test("a file that does not compile at all still has its row in the module's activity table", async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX,
    "test/02-ødelagt.mdx": "---\ntitle: Uden id og type\n---\n\nTekst.\n",
  });
  expect(course.problems.length).toBeGreaterThan(0);
  const [module] = authorOverview(course).modules;
  expect(module!.activities).toMatchObject([
    {
      id: "",
      title: "02-ødelagt.mdx",
      type: null,
      typeLabel: "Kan ikke kompileres",
      playable: false,
      file: "content/test/02-ødelagt.mdx",
    },
  ]);
  expect(module!.activities[0]!.problemCount).toBe(course.problems.length);
});

test("drafts are listed for the author with their flag", async () => {
  const course = await compileFiles({
    "test/module.mdx": MODULE_MDX.replace("estimatedMinutes: 10", "estimatedMinutes: 10\ndraft: true"),
  });
  expect(authorOverview(course).modules).toMatchObject([{ id: "test", draft: true, activities: [] }]);
});
