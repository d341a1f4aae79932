import { expect, test } from "vitest";
import { compileActivity } from "../../../tests/content-helpers";
import { formatProblem } from "~/content/problems";
import { statementBefore, type EvaluationActivity } from "./content";

const EVALUATION = (followUp: string) => `<Evaluation id="e">

<Likert id="praksis" statement="Forløbet vil påvirke min praksis." />

${followUp}

</Evaluation>`;

test("<FollowUp afterDays> is read with its own statements, compared with the evaluation's by id", async () => {
  const course = await compileActivity(
    "evaluation",
    EVALUATION(`<FollowUp afterDays={120}>

<Likert id="praksis-efter" statement="Forløbet har påvirket min praksis." />

<FreeText id="eksempel" label="Giv et eksempel." />

</FollowUp>`),
  );
  expect(course.problems.map(formatProblem)).toEqual([]);
  const evaluation = course.modules[0]!.activities[0] as EvaluationActivity;
  // The evaluation's own items are only its direct statements; the follow-up's are apart.
  expect(evaluation.evaluation.items.map((i) => i.id)).toEqual(["praksis"]);
  expect(evaluation.evaluation.followUp).toEqual({
    afterDays: 120,
    items: [
      { kind: "likert", id: "praksis-efter", statement: "Forløbet har påvirket min praksis." },
      { kind: "text", id: "eksempel", label: "Giv et eksempel." },
    ],
  });
  expect(statementBefore(evaluation.evaluation, "praksis-efter")?.id).toBe("praksis");
  expect(statementBefore(evaluation.evaluation, "eksempel")).toBeNull();
  // The follow-up is not part of what the learner reads with the evaluation.
  expect(evaluation.introHtml).not.toContain("påvirket");
});

test("without afterDays the follow-up comes about three months after; an empty or second follow-up is refused", async () => {
  const plain = await compileActivity(
    "evaluation",
    EVALUATION(`<FollowUp>

<Likert id="efter" statement="Efter." />

</FollowUp>`),
  );
  expect((plain.modules[0]!.activities[0] as EvaluationActivity).evaluation.followUp?.afterDays).toBe(90);
  const bad = await compileActivity(
    "evaluation",
    EVALUATION(`<FollowUp afterDays={90}>

</FollowUp>

<FollowUp afterDays={3}>

<Likert id="efter" statement="Efter." />

</FollowUp>`),
  );
  const messages = bad.problems.map(formatProblem).join("\n");
  expect(messages).toContain("Opfølgningen har hverken <Likert> eller <FreeText>.");
  expect(messages).toContain("En evaluering kan have én <FollowUp>");
  expect(messages).toMatch(/afterDays/);
});
