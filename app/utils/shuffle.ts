/**
 * The order in which a learner sees a step's choices or a question's options: shuffled per
 * attempt, so that "always click the top one" teaches nothing, yet stable for that attempt on
 * every reload and device, with or without JavaScript. The order is a pure function of a seed
 * (e.g. the attempt id and the step id), so the server can show it and read a posted position
 * back without storing anything. Items marked `last` keep their file order at the end.
 */

/** A 32-bit hash of a string (cyrb53's mixing, folded to 32 bits): the seed of the generator. */
function hashSeed(seed: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < seed.length; index++) {
    const code = seed.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** mulberry32: a small, well-distributed generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The items in an order determined by `seed` (Fisher–Yates), those for which `isLast` holds
 * after the others in their original order. The input is not changed.
 */
export function seededShuffle<T>(items: readonly T[], seed: string, isLast: (item: T) => boolean = () => false): T[] {
  const free = items.filter((item) => !isLast(item));
  const last = items.filter((item) => isLast(item));
  const random = generator(hashSeed(seed));
  for (let index = free.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [free[index], free[other]] = [free[other]!, free[index]!];
  }
  return [...free, ...last];
}

/** The seed of a step's order in a case attempt. */
export const caseStepSeed = (attemptId: string, stepId: string) => `case:${attemptId}:${stepId}`;

/**
 * The seed of a question's order in a quiz attempt. A quiz attempt exists only once submitted,
 * so the form is seeded by the learner and the number of the attempt they are about to make:
 * the same on every reload and device until they submit, new for the next attempt.
 */
export const quizQuestionSeed = (userId: string, quizId: string, attemptNumber: number, questionId: string) =>
  `quiz:${userId}:${quizId}:${attemptNumber}:${questionId}`;
