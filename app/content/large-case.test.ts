/**
 * Issue 15: a large case with hubs of investigations in any order is checked, not refused. The
 * time is measured by `npm run bench:case` (no timed assertion here); this proves the check
 * completes and is right: no problems, the maximum score by construction, and a best path that
 * ends korrekt and scores that maximum when replayed on the case's machine.
 */
import { expect, test } from "vitest";
import { analyseCase, replay } from "~/activities/case/analysis";
import { createCaseMachine, currentPlace } from "~/activities/case/machine";
import { compileFiles, MODULE_MDX } from "../../tests/content-helpers";
import { LARGE_CASE_MAX_SCORE, largeCaseMdx } from "../../tests/large-case";

test("a generated case of 50 steps, 5 hubs of 4 investigations in any order and 8 flags is checked and correct", async () => {
  const course = await compileFiles({ "stor/module.mdx": MODULE_MDX, "stor/01-case.mdx": largeCaseMdx() });
  expect(course.problems).toEqual([]);
  const activity = course.modules[0]!.activities[0]!;
  if (activity.type !== "case") throw new Error("expected a case");
  const definition = activity.case;
  expect(definition.steps).toHaveLength(50);
  expect(new Set(definition.steps.flatMap((s) => s.choices.flatMap((c) => [...c.sets, ...c.requires]))).size).toBe(8);

  expect(activity.analysis.maxScore).toBe(LARGE_CASE_MAX_SCORE);
  expect(activity.analysis.bestOutcomeId).toBe("bevilget");
  const end = replay(
    createCaseMachine(definition),
    activity.analysis.bestPath.map((c) => c.choiceId),
  );
  expect(currentPlace(end)).toBe("bevilget");
  expect(end.context.score).toBe(LARGE_CASE_MAX_SCORE);

  // Far fewer situations than the limit, though the ways through it are astronomically many.
  const { situationCount, tooLarge } = analyseCase(definition);
  expect(tooLarge).toBe(false);
  expect(situationCount).toBeLessThan(100_000);
});
