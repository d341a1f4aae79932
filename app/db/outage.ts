/**
 * Telling "the database is not there right now" from every other failure. Such an error is not
 * the request's fault and passes: the request is answered 503 with Retry-After, the process keeps
 * running, and the pool connects again once PostgreSQL is back.
 */

/** Seconds a client is asked to wait before trying again during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

export const OUTAGE_MESSAGE =
  "Sagslab kan ikke nå sin database lige nu. Prøv igen om lidt – det, du allerede har gemt, er ikke gået tabt.";

// SQLSTATE classes and codes that mean the server is going away or not accepting work:
// 08 connection exception, 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
// 53300 too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Node's socket errors when nothing answers at the address.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// pg reports a lost or unusable connection by message only.
const LOST_CONNECTION = [
  /^Connection terminated/,
  /connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end/,
  /driver has already been destroyed/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, errors, cause } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if (
    typeof code === "string" &&
    (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08") || SOCKET_CODES.has(code))
  ) {
    return true;
  }
  if (typeof message === "string" && LOST_CONNECTION.some((pattern) => pattern.test(message))) return true;
  // Connecting to "localhost" tries ::1 and 127.0.0.1: Node reports both refusals in one AggregateError.
  if (Array.isArray(errors) && errors.length > 0 && errors.every(isDatabaseUnavailable)) return true;
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause);
}
