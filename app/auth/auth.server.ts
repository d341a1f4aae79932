/**
 * The one place that answers "who is this, and may they?": every loader and action starts
 * with `requireUser(request, area)`.
 */
import { redirect } from "@remix-run/node";
import { getDb, type DB } from "~/db/database.server";
import { findUserByEmail, normaliseEmail } from "~/users/users.server";
import { getEnv } from "~/utils/env.server";
import { verifyAgainstDecoy, verifyPassword } from "./password.server";
import { sameOriginPath } from "./redirect-target";
import { mayEnter, type Area } from "./roles";
import { getSessionUser, type SessionUser } from "./session.server";
import { clearFailures, loginKeys, loginWait, recordFailure } from "./throttle.server";

export type { SessionUser };

// The root loader and the page's loader both ask for the user of the same request: one query.
// Remix hands each loader its own copy of the request, so the lookup is shared by its cookie
// while it is in flight (both loaders start together); a request with the same cookie arriving
// meanwhile gets the same answer, which is what it would have got a moment earlier.
const usersByRequest = new WeakMap<Request, Promise<SessionUser | null>>();
const lookupsInFlight = new Map<string, Promise<SessionUser | null>>();

export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let user = usersByRequest.get(request);
  if (user) return user;
  const cookie = request.headers.get("Cookie") ?? "";
  user = lookupsInFlight.get(cookie);
  if (!user) {
    const lookup = getDb().then((db) => getSessionUser(db, request));
    user = lookup.finally(() => lookupsInFlight.delete(cookie));
    lookupsInFlight.set(cookie, user);
  }
  usersByRequest.set(request, user);
  return user;
}

/** Only a path on this site may be a redirect target after login (no open redirect); a bad one is ignored. */
export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  return sameOriginPath(target) ?? fallback;
}

/**
 * The signed-in user, or a redirect to the login page. A user whose role may not enter the
 * area gets 403 with a Danish explanation.
 */
export async function requireUser(request: Request, area: Area = "course"): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login${back === "/" ? "" : `?redirectTo=${encodeURIComponent(back)}`}`);
  }
  if (!mayEnter(user.role, area)) {
    throw new Response("Du har ikke adgang til denne side.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  /** The password is right, but PASSWORD_LOGIN=0 leaves passwords to administrators. */
  | { ok: false; reason: "single-sign-on-only" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function authenticate(
  db: DB,
  input: { email: string; password: string; clientAddress: string },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const keys = loginKeys(email, input.clientAddress);
  const wait = await loginWait(db, email, input.clientAddress);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserByEmail(db, email);
  const valid =
    user?.active && user.password_hash
      ? await verifyPassword(input.password, user.password_hash)
      : await verifyAgainstDecoy(input.password);
  if (!user || !valid) {
    await recordFailure(db, [keys.atAddress, keys.everywhere]);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, [keys.atAddress, keys.everywhere]);
  if (!getEnv().passwordLogin && user.role !== "admin") return { ok: false, reason: "single-sign-on-only" };
  return { ok: true, userId: user.id };
}
