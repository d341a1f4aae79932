/**
 * Which places a cohort gets wrong most, ranked so that evidence counts: "11 of 22 wrong" must
 * rank above "1 of 1 wrong". Each place (a case step, a quiz question) or group of places (a
 * topic, a phase) is ranked by the lower bound of the Wilson score interval of its wrong share:
 * the share it is at least, with 95 % confidence, given how few answers there are. Places with
 * fewer than MIN_ANSWERS answers, and places nobody got wrong, are not ranked. Pure.
 */

/** Fewer first-attempt answers than this, and a place is not ranked: one answer says little. */
export const MIN_ANSWERS = 5;

/** At most this many weakest places at the top of the cohort page and in the brief. */
export const WEAKEST_LIMIT = 10;

/** z for a two-sided 95 % interval. */
const Z = 1.96;

/**
 * The lower bound of the Wilson score interval for `k` of `n` (0 when n is 0). Unlike the plain
 * share it grows with the evidence: 1 of 1 gives 0.21, 11 of 22 gives 0.31.
 */
export function wilsonLowerBound(k: number, n: number, z = Z): number {
  if (n <= 0) return 0;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export interface Evidence {
  wrong: number;
  total: number;
}

export type Ranked<T> = T & {
  /** Whole per cent of answers that were wrong. */
  wrongShare: number;
  /** The Wilson lower bound, 0–1. */
  lowerBound: number;
};

const withFigures = <T extends Evidence>(item: T): Ranked<T> => ({
  ...item,
  wrongShare: item.total === 0 ? 0 : Math.round((100 * item.wrong) / item.total),
  lowerBound: wilsonLowerBound(item.wrong, item.total),
});

/**
 * Worst first by the lower bound; on a tie the higher share, then more answers, then the
 * original order (course order), so the same figures always give the same list.
 */
function compareRanked(a: Ranked<Evidence> & { index: number }, b: Ranked<Evidence> & { index: number }) {
  return b.lowerBound - a.lowerBound || b.wrong * a.total - a.wrong * b.total || b.total - a.total || a.index - b.index;
}

/**
 * The places worth the classroom's time: at least `minimum` answers, at least one wrong, worst
 * first, at most `limit`. `items` come in course order, which settles exact ties.
 */
export function rankWeakest<T extends Evidence>(
  items: readonly T[],
  { minimum = MIN_ANSWERS, limit = WEAKEST_LIMIT }: { minimum?: number; limit?: number } = {},
): Ranked<T>[] {
  return items
    .map((item, index) => ({ ...withFigures(item), index }))
    .filter((item) => item.total >= minimum && item.wrong > 0)
    .sort(compareRanked)
    .slice(0, limit)
    .map(({ index: _index, ...item }) => item as unknown as Ranked<T>);
}

export interface RankedGroup<T extends Evidence> extends Evidence {
  key: string;
  label: string;
  wrongShare: number;
  lowerBound: number;
  /** Too few answers to rank: listed after the ranked groups. */
  tooFew: boolean;
  /** The group's own weakest places, ranked the same way. */
  weakest: Ranked<T>[];
}

/**
 * The same ranking one level up: the places summed per group (topic or phase), every group
 * with answers listed, the ranked ones first. A group with no wrong answers is listed too (it
 * tells the trainer what went well), after the others; a group with fewer than `minimum`
 * answers comes last, marked.
 */
export function rankGroups<T extends Evidence>(
  items: readonly T[],
  groupOf: (item: T) => string | null,
  labelOf: (key: string) => string,
  { minimum = MIN_ANSWERS, perGroup = 3 }: { minimum?: number; perGroup?: number } = {},
): RankedGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const rows = [...groups.entries()]
    .map(([key, members], index) => {
      const total = members.reduce((sum, m) => sum + m.total, 0);
      const wrong = members.reduce((sum, m) => sum + m.wrong, 0);
      return {
        ...withFigures({ wrong, total }),
        key,
        label: labelOf(key),
        tooFew: total < minimum,
        weakest: rankWeakest(members, { minimum, limit: perGroup }),
        index,
      };
    })
    .filter((group) => group.total > 0);
  return rows
    .sort((a, b) => Number(a.tooFew) - Number(b.tooFew) || compareRanked(a, b))
    .map(({ index: _index, ...group }) => group);
}
