/**
 * Join codes of cohorts: short, easy to read aloud and to type from a whiteboard. Letters and
 * digits that look alike (0/O, 1/I/L) are left out; what a learner types is normalised before
 * it is looked up, so "abcd 2345" finds ABCD-2345. Pure (the randomness is passed in).
 */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GROUP = 4;

/** Groups of four characters from the alphabet, one character per random byte. */
function codeFrom(bytes: Uint8Array, groups: number): string {
  let code = "";
  for (let i = 0; i < GROUP * groups; i++) {
    if (i > 0 && i % GROUP === 0) code += "-";
    code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  }
  return code;
}

/** A code like "K7QM-3XPA" from 8 random bytes. */
export const joinCodeFrom = (bytes: Uint8Array) => codeFrom(bytes, 2);

/**
 * A certificate's verification code, like "K7QM-3XPA-9TRW", from 12 random bytes: about 59 bits,
 * so a code cannot be guessed, yet it can be typed from a printed page.
 */
export const certificateCodeFrom = (bytes: Uint8Array) => codeFrom(bytes, 3);

/** What a learner typed, in the stored form: upper case, no spaces, groups joined by "-". */
export function normaliseJoinCode(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[\s_–—]+/g, "-")
    .replace(/-+/g, "-");
}

/** The link a trainer shares instead of the code: it shows the cohort and joins it. */
export const joinLinkFor = (origin: string, code: string) => `${origin}/tilmeld/${code}`;
