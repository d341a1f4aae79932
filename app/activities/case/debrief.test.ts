import { expect, test } from "vitest";
import type { ChecklistDefinition } from "~/content/types";
import type { CaseDefinition } from "./content";
import { citedProvisions, debriefByTopic, legalBasisProvisions } from "./debrief";
import { choice, outcome, step } from "./test-cases";

const ref = (law: string, section: string) =>
  `<a class="lawref" href="#" rel="external" data-law="${law}" data-section="${section}">${law} § ${section}</a>`;

const definition: CaseDefinition = {
  start: "a",
  steps: [
    step("a", [
      choice("b", { id: "oplys", points: 2, topic: "sagsoplysning", feedbackHtml: `<p>Se ${ref("RSL", "10")}</p>` }),
      choice("forkert", { id: "afslag", topic: "sagsoplysning", feedbackHtml: `<p>${ref("RSL", "11 a")}</p>` }),
    ]),
    step("b", [
      choice("korrekt", { id: "begrund", points: 2, topic: "begrundelse", feedbackHtml: `<p>${ref("FVL", "24")}</p>` }),
      choice("korrekt", { id: "kort", topic: "begrundelse", feedbackHtml: `<p>${ref("FVL", "22")}</p>` }),
    ]),
  ],
  outcomes: [outcome("korrekt", "korrekt"), outcome("forkert", "forkert")],
};
const bestPath = [
  { stepId: "a", choiceId: "oplys" },
  { stepId: "b", choiceId: "begrund" },
];
const lessons = [
  { id: "l-oplys", title: "Sagens oplysning", html: `<p>${ref("RSL", "10-12")}</p>`, legalBasis: [] },
  { id: "l-begrund", title: "Afgørelsens form", html: "<p>Tekst</p>", legalBasis: ["FVL §§ 22-24"] },
  { id: "l-andet", title: "Noget andet", html: `<p>${ref("SEL", "96")}</p>`, legalBasis: ["SEL § 96, stk. 1"] },
];
const checklists: ChecklistDefinition[] = [
  {
    id: "tjek-oplys",
    title: "Er sagen oplyst?",
    html: `<fieldset>${ref("RSL", "11 a")}</fieldset>`,
    activityId: "l-oplys",
  },
  { id: "tjek-begrund", title: "Er afgørelsen begrundet?", html: "<fieldset></fieldset>", activityId: "l-begrund" },
];

test("points are grouped by topic against what the best path gives each topic", () => {
  const debrief = debriefByTopic({
    definition,
    bestPath,
    decisions: [
      { stepId: "a", choiceId: "oplys", points: 2 },
      { stepId: "b", choiceId: "kort", points: 0 },
    ],
    lessons,
    checklists,
  });
  expect(debrief.map((t) => [t.label, t.earned, t.possible])).toEqual([
    ["Sagsoplysning", 2, 2],
    ["Begrundelse", 0, 2],
  ]);
  // A topic with no points lost links to nothing; a weak one to the lesson and checklist that cover it.
  expect(debrief[0]).toMatchObject({ lesson: null, checklist: null });
  expect(debrief[1]).toMatchObject({
    lesson: { id: "l-begrund", title: "Afgørelsens form" },
    checklist: { id: "tjek-begrund", activityId: "l-begrund" },
  });
});

test("a weak topic finds the lesson citing the provisions its feedback cites", () => {
  const [oplysning] = debriefByTopic({
    definition,
    bestPath,
    decisions: [{ stepId: "a", choiceId: "afslag", points: 0 }],
    lessons,
    checklists,
  });
  expect(oplysning).toMatchObject({
    earned: 0,
    possible: 2,
    lesson: { id: "l-oplys" },
    checklist: { id: "tjek-oplys" },
  });
});

test("provisions are read from LawRef links and from legalBasis, ranges expanded", () => {
  expect([...citedProvisions(`${ref("RSL", "10-12")} ${ref("RSL", "11 a")}`)]).toEqual([
    "RSL § 10",
    "RSL § 11",
    "RSL § 12",
    "RSL § 11 a",
  ]);
  expect([
    ...legalBasisProvisions(["FVL §§ 22-24", "SEL § 96, stk. 1", "Principafgørelse 17-21", "RSL §§ 3 og 10-12"]),
  ]).toEqual(["FVL § 22", "FVL § 23", "FVL § 24", "SEL § 96", "RSL § 3", "RSL § 10", "RSL § 11", "RSL § 12"]);
});

test("a lesson whose legal basis names the provision wins over one that only mentions it in passing", () => {
  const [oplysning] = debriefByTopic({
    definition,
    bestPath,
    decisions: [{ stepId: "a", choiceId: "afslag", points: 0 }],
    lessons: [
      {
        id: "l-velkommen",
        title: "Velkommen",
        html: `<p>Sådan ser en henvisning ud: ${ref("RSL", "10")}</p>`,
        legalBasis: [],
      },
      { id: "l-oplyst", title: "Sagen skal være oplyst", html: `<p>${ref("RSL", "11")}</p>`, legalBasis: ["RSL § 10"] },
    ],
    checklists: [],
  });
  expect(oplysning!.lesson).toEqual({ id: "l-oplyst", title: "Sagen skal være oplyst" });
});
