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

/** Headers every response gets. The Content-Security-Policy is set per document in entry.server. */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * Danish bodies for what the server answers itself (outside Remix's pages).
 * @type {Record<number, string>}
 */
export const DANISH_STATUS_TEXT = {
  400: "Forespørgslen kunne ikke behandles. Kontrollér adressen, og prøv igen.",
  403: "Du har ikke adgang til denne side.",
  404: "Siden findes ikke.",
  405: "Denne handling er ikke mulig på denne adresse.",
  413: "Forespørgslen er for stor til at blive modtaget.",
  415: "Sagslab modtager kun formularer sendt fra sine egne sider.",
  500: "Der skete en uventet fejl. Prøv igen om lidt. Sker det igen, så kontakt din administrator.",
  503: "Sagslab er midlertidigt utilgængelig. Prøv igen om lidt.",
};

/**
 * @param {{ headers: Record<string, string | string[] | undefined> }} request
 * @param {string} name
 */
function header(request, name) {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
