/**
 * Decisions stored before the review's rule (migration 0011 left their verdict null) are judged
 * again by that rule, once, when the server starts: the verdict, `was_best` and the best choice to
 * name, replayed from the case version the attempt was played on. The trainer's figures and a
 * participant's page read `was_best`, so an old wrong choice no longer counts as a best one there.
 * A decision whose case version the platform no longer has keeps its null verdict.
 */
import type { DB } from "~/db/database.server";
import { casePassedCondition } from "~/progress/passing.server";
import type { CaseActivity, CaseDefinition } from "./content";
import { reviewDecisions } from "./review";

export async function rejudgeStoredDecisions(db: DB, cases: readonly CaseActivity[]): Promise<number> {
  const attempts = await db
    .selectFrom("case_attempts as a")
    .select(["a.id", "a.activity_id", "a.case_version"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("case_decisions as d")
          .select("d.seq")
          .whereRef("d.attempt_id", "=", "a.id")
          .where("d.verdict", "is", null),
      ),
    )
    .execute();
  if (attempts.length === 0) return 0;
  const current = new Map(cases.map((activity) => [activity.id, activity]));
  const stored = new Map<string, CaseDefinition | null>();
  const definitionOf = async (activityId: string, version: string): Promise<CaseDefinition | null> => {
    const activity = current.get(activityId);
    if (activity?.version === version) return activity.case;
    const key = `${activityId}@${version}`;
    if (!stored.has(key)) {
      const row = await db
        .selectFrom("case_versions")
        .select("definition")
        .where("activity_id", "=", activityId)
        .where("version", "=", version)
        .executeTakeFirst();
      stored.set(key, row ? (row.definition as CaseDefinition) : null);
    }
    return stored.get(key)!;
  };

  let judged = 0;
  for (const attempt of attempts) {
    const definition = await definitionOf(attempt.activity_id, attempt.case_version);
    if (!definition) continue;
    await db.transaction().execute(async (trx) => {
      const decisions = await trx
        .selectFrom("case_decisions")
        .select(["seq", "step_id", "choice_id", "points"])
        .where("attempt_id", "=", attempt.id)
        .orderBy("seq")
        .execute();
      const reviewed = reviewDecisions(
        definition,
        decisions.map((d) => ({ stepId: d.step_id, choiceId: d.choice_id, points: d.points })),
      );
      for (const [index, decision] of decisions.entries()) {
        const verdict = reviewed[index]!;
        await trx
          .updateTable("case_decisions")
          .set({
            verdict: verdict.verdict,
            was_best: verdict.verdict === "best",
            best_choice_id: verdict.verdict === "best" ? decision.choice_id : (verdict.bestChoice?.id ?? null),
          })
          .where("attempt_id", "=", attempt.id)
          .where("seq", "=", decision.seq)
          .where("verdict", "is", null)
          .execute();
        judged += 1;
      }
    });
  }
  return judged;
}

/**
 * Completions of a case recorded by the earlier rule, which marked a case complete whenever an
 * attempt ended, also in `forkert`: withdrawn, once at start-up, where the learner has no attempt
 * that passes by today's rule (`casePassedCondition`). The attempts and decisions themselves stay;
 * only the record that the case was solved goes, so the trainer's figures count passed, as the
 * module page and the certificate do. Returns how many were withdrawn.
 */
export async function withdrawCompletionsOfUnpassedCases(db: DB, cases: readonly CaseActivity[]): Promise<number> {
  if (cases.length === 0) return 0;
  const result = await db
    .deleteFrom("activity_completions")
    .where("activity_type", "=", "case")
    .where(
      "activity_id",
      "in",
      cases.map((c) => c.id),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("case_attempts")
            .select("case_attempts.id")
            .whereRef("case_attempts.user_id", "=", "activity_completions.user_id")
            .whereRef("case_attempts.activity_id", "=", "activity_completions.activity_id")
            .where((inner) => casePassedCondition(inner, [...cases])),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
