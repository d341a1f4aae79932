/**
 * "Mente du …?": the known word closest to a misspelt one, by edit distance (insertions,
 * deletions, substitutions and swaps of two neighbouring letters, ignoring case). Used for every
 * message about an unknown id, topic, phase, flag, attribute, component or frontmatter field.
 */

/** The optimal-string-alignment distance between two words (Damerau–Levenshtein without re-edits). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** Danish letters an author may type for the ASCII spelling ids use (udmåling → udmaaling). */
const asAscii = (word: string) =>
  word.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa").replace(/é/g, "e");

/**
 * The candidate closest to `word`, if it is close enough to be a slip: at most a third of the
 * word's letters wrong (at least one), or the same word in other case or with æ, ø, å.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const typed = asAscii(word);
  if (typed === "") return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const distance = editDistance(typed, asAscii(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(typed.length, best.candidate.length) / 3));
  return best.distance <= allowed ? best.candidate : undefined;
}

/** ` Mente du "x"?` (with a leading space), or nothing when no known word is close. */
export function didYouMean(word: string, candidates: Iterable<string>, format = (c: string) => `"${c}"`): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? "" : ` Mente du ${format(suggestion)}?`;
}
