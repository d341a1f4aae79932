/**
 * Where a login may send the user afterwards: a path on this site, never another host. Browsers
 * forgive a lot in a Location header (they drop tabs and line breaks, read `\` as `/`, follow
 * `//host` to another site), so anything that is not plainly a local path is refused, also when
 * it is percent-encoded.
 */

const MAX_LENGTH = 2000;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007F-\u009F\u2028\u2029]/;
const ORIGIN = "http://sagslab.invalid";

/** The local path `target` names, or null when it is anything else (a bad target is ignored). */
export function sameOriginPath(target: unknown): string | null {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_LENGTH) return null;
  // Check the text as given and as it reads after up to three rounds of percent-decoding.
  let text = target;
  for (let round = 0; round < 4; round++) {
    if (!text.startsWith("/") || text.startsWith("//") || text.includes("\\") || CONTROL_OR_SPACE.test(text)) {
      return null;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return null;
    }
    if (decoded === text) break;
    text = decoded;
  }
  let url: URL;
  try {
    url = new URL(target, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
