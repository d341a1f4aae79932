/**
 * The review over the real course (issue 11): every case is played along its best path and along
 * one way to each outcome, and the review is read for every decision. No choice that ends the case
 * forkert is ever called best, and the way of best choices ends korrekt.
 */
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { pathsToOutcomes, replay } from "../../app/activities/case/analysis";
import { createCaseMachine } from "../../app/activities/case/machine";
import { idealWay, judgeChoice, reviewDecisions, type DecisionMade } from "../../app/activities/case/review";
import { compileContent } from "../../app/content/compile.server";
import type { CaseActivity, CaseDefinition } from "../../app/activities/case/content";
import type { CompiledCourse } from "../../app/content/types";

let course: CompiledCourse;
beforeAll(async () => {
  course = await compileContent(path.resolve("content"), process.cwd());
}, 60_000);

const cases = () => course.modules.flatMap((m) => m.activities).filter((a): a is CaseActivity => a.type === "case");

/** The decisions of a way through the case, with the points the server would store. */
function decisionsOf(definition: CaseDefinition, choiceIds: string[]): DecisionMade[] {
  const machine = createCaseMachine(definition);
  return choiceIds.map((choiceId, index) => {
    const before = replay(machine, choiceIds.slice(0, index));
    const after = replay(machine, choiceIds.slice(0, index + 1));
    return { stepId: String(before.value), choiceId, points: after.context.score - before.context.score };
  });
}

test("no review ever calls a choice that leads to forkert best; best choices all the way end korrekt", () => {
  expect(cases().length).toBeGreaterThanOrEqual(10);
  for (const activity of cases()) {
    const { case: definition } = activity;
    const forkert = new Set(definition.outcomes.filter((o) => o.result === "forkert").map((o) => o.id));
    const ways = [
      activity.analysis.bestPath.map((c) => c.choiceId),
      ...pathsToOutcomes(createCaseMachine(definition), definition).values(),
    ];
    for (const way of ways) {
      for (const decision of reviewDecisions(definition, decisionsOf(definition, way))) {
        const choice = definition.steps
          .find((s) => s.id === decision.stepId)!
          .choices.find((c) => c.id === decision.choiceId)!;
        if (forkert.has(choice.to)) expect(decision.verdict, `${activity.id}: ${choice.label}`).not.toBe("best");
      }
    }
    // Making a best choice at every step (what "ca. N i alt" counts) ends korrekt, and the review agrees.
    const ideal = idealWay(definition);
    expect(definition.outcomes.find((o) => o.id === ideal?.outcomeId)?.result, activity.id).toBe("korrekt");
    const reviewed = reviewDecisions(
      definition,
      decisionsOf(
        definition,
        ideal!.choices.map((c) => c.choiceId),
      ),
    );
    expect(
      reviewed.map((d) => d.verdict),
      activity.id,
    ).toEqual(reviewed.map(() => "best"));
    // Whatever flags are set, a choice into a forkert outcome is never judged best.
    const allFlags = [...new Set(definition.steps.flatMap((s) => s.choices.flatMap((c) => c.sets)))];
    for (const step of definition.steps) {
      for (const choice of step.choices.filter((c) => forkert.has(c.to))) {
        for (const flags of [[], allFlags]) {
          expect(judgeChoice(definition, { stepId: step.id, choiceId: choice.id, flags }).verdict).not.toBe("best");
        }
      }
    }
  }
});
