// @ts-check
/**
 * Request checks that run before Remix sees a request. Plain JavaScript because the server
 * entry runs on Node without a build step; vitest tests it like any other module.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request that a browser sent from another site. Browsers send Origin (and
 * Sec-Fetch-Site) with every cross-origin POST, so a request without them is not a browser's
 * cross-site request (it may be a script or a test client).
 * @param {{ method?: string, headers: Record<string, string | string[] | undefined> }} request
 * @param {{ trustProxy?: boolean }} [options]
 */
export function isCrossOriginWrite(request, options = {}) {
  if (SAFE_METHODS.has((request.method ?? "GET").toUpperCase())) return false;
  const fetchSite = header(request, "sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = header(request, "origin");
  if (!origin) return false;
  if (origin === "null") return true;
  const host = (options.trustProxy && header(request, "x-forwarded-host")) || header(request, "host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The address a login attempt came from, for slowing down password guessing.
 * @param {{ headers: Record<string, string | string[] | undefined>, socket?: { remoteAddress?: string } }} request
 * @param {{ trustProxy?: boolean }} [options]
 */
export function clientAddress(request, options = {}) {
  if (options.trustProxy) {
    const forwarded = header(request, "x-forwarded-for");
    const first = forwarded?.split(",")[0]?.trim();
    if (first) return first;
  }
  return request.socket?.remoteAddress ?? "unknown";
}

/** Headers every response gets. The Content-Security-Policy is set per document in entry.server. */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * @param {{ headers: Record<string, string | string[] | undefined> }} request
 * @param {string} name
 */
function header(request, name) {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
