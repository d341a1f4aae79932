/**
 * When a module evaluation's follow-up (`<FollowUp afterDays>`) is asked, months after the
 * course. Per cohort: `afterDays` after the cohort's end date, unless the cohort's trainer has set
 * another date. A learner is asked once they have submitted the evaluation, from the earliest
 * such date among their cohorts that have the module. Pure: dates are YYYY-MM-DD strings.
 */
import { addDays } from "~/utils/danish";

/** `afterDays` when the evaluation does not say: about three months. */
export const DEFAULT_FOLLOW_UP_DAYS = 90;

export interface FollowUpDate {
  opensOn: string;
  /** True when the trainer has moved it from the date the content gives. */
  moved: boolean;
}

/** The day a cohort's follow-up opens: the trainer's date, or `afterDays` after the end. */
export function followUpOpensOn(cohortEndsOn: string, afterDays: number, trainerDate?: string | null): FollowUpDate {
  return trainerDate
    ? { opensOn: trainerDate, moved: true }
    : { opensOn: addDays(cohortEndsOn, afterDays), moved: false };
}

export interface FollowUpMembership {
  endsOn: string;
  moduleIds: readonly string[];
  /** The trainer's dates, by evaluation id. */
  dates: ReadonlyMap<string, string>;
}

export interface FollowUpEvaluation {
  id: string;
  moduleId: string;
  afterDays: number;
}

export interface DueFollowUp {
  activityId: string;
  opensOn: string;
}

/**
 * The follow-ups a learner should be asked today: for each evaluation with a follow-up that
 * they have submitted and whose follow-up they have not, the earliest opening day among their
 * cohorts that have its module, if that day has come.
 */
export function dueFollowUps(input: {
  evaluations: readonly FollowUpEvaluation[];
  memberships: readonly FollowUpMembership[];
  submittedEvaluations: ReadonlySet<string>;
  submittedFollowUps: ReadonlySet<string>;
  today: string;
}): DueFollowUp[] {
  const due: DueFollowUp[] = [];
  for (const evaluation of input.evaluations) {
    if (!input.submittedEvaluations.has(evaluation.id) || input.submittedFollowUps.has(evaluation.id)) continue;
    const days = input.memberships
      .filter((m) => m.moduleIds.includes(evaluation.moduleId))
      .map((m) => followUpOpensOn(m.endsOn, evaluation.afterDays, m.dates.get(evaluation.id)).opensOn)
      .sort();
    const opensOn = days[0];
    if (opensOn !== undefined && opensOn <= input.today) due.push({ activityId: evaluation.id, opensOn });
  }
  return due;
}
