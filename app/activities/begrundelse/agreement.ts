/**
 * Self-assessment beside the trainer's assessment, per criterion (the seed's selvevaluering and
 * ekstern evaluering): the share of texts rated Opfyldt by the learners themselves and by the
 * trainer, and how often the two agree on the same text. Pure.
 */
import type { CriterionRatingValue } from "~/content/vocabulary";

type Ratings = Readonly<Record<string, CriterionRatingValue>>;

export interface AssessedText {
  /** The learner's own ratings, or null before the self-assessment. */
  self: Ratings | null;
  /** The trainer's ratings, or null before the trainer has assessed the text. */
  trainer: Ratings | null;
}

export interface Share {
  met: number;
  of: number;
  /** Whole percent, or null when nobody rated it. */
  percent: number | null;
}

export interface CriterionAgreement {
  criterionId: string;
  label: string;
  /** Rated Opfyldt by the learners themselves. */
  self: Share;
  /** Rated Opfyldt by the trainer. */
  trainer: Share;
  /** Of the texts both rated: how many got the same rating from both. */
  agreement: Share;
  /** Of the texts both rated: the learner rated higher than the trainer, and lower. */
  selfHigher: number;
  selfLower: number;
}

const SCORE: Record<CriterionRatingValue, number> = { opfyldt: 2, delvist: 1, "ikke-opfyldt": 0 };

const share = (met: number, of: number): Share => ({
  met,
  of,
  percent: of === 0 ? null : Math.round((100 * met) / of),
});

export function agreementByCriterion(
  criteria: readonly { id: string; label: string }[],
  texts: readonly AssessedText[],
): CriterionAgreement[] {
  return criteria.map((criterion) => {
    let selfOf = 0;
    let selfMet = 0;
    let trainerOf = 0;
    let trainerMet = 0;
    let pairs = 0;
    let same = 0;
    let selfHigher = 0;
    let selfLower = 0;
    for (const text of texts) {
      const self = text.self?.[criterion.id];
      const trainer = text.trainer?.[criterion.id];
      if (self) {
        selfOf += 1;
        if (self === "opfyldt") selfMet += 1;
      }
      if (trainer) {
        trainerOf += 1;
        if (trainer === "opfyldt") trainerMet += 1;
      }
      if (self && trainer) {
        pairs += 1;
        if (self === trainer) same += 1;
        else if (SCORE[self] > SCORE[trainer]) selfHigher += 1;
        else selfLower += 1;
      }
    }
    return {
      criterionId: criterion.id,
      label: criterion.label,
      self: share(selfMet, selfOf),
      trainer: share(trainerMet, trainerOf),
      agreement: share(same, pairs),
      selfHigher,
      selfLower,
    };
  });
}

/** The criteria on which learners more often rate themselves higher than the trainer than lower. */
export const ratedHigherBySelf = (figures: readonly CriterionAgreement[]) =>
  figures.filter((figure) => figure.selfHigher > figure.selfLower);

/** "Deltagerne vurderer sig selv højere end du på: …", or null when they do not on any criterion. */
export function selfHigherSentence(figures: readonly CriterionAgreement[]): string | null {
  const higher = ratedHigherBySelf(figures);
  if (higher.length === 0) return null;
  const labels = higher.map((figure) => figure.label);
  const list = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(", ")} og ${labels.at(-1)!}`;
  return `Deltagerne vurderer sig selv højere end du på: ${list}.`;
}

/** Criteria met, counted for the export: "3 af 5". */
export const metCount = (ratings: Ratings | null, criteria: readonly { id: string }[]) =>
  ratings ? `${criteria.filter((criterion) => ratings[criterion.id] === "opfyldt").length} af ${criteria.length}` : "";
