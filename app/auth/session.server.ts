/**
 * Sessions live in the database behind an httpOnly, SameSite=Lax cookie that carries only a
 * random token; the table stores the token's SHA-256. A session ends after inactivity
 * (SESSION_IDLE_MINUTES) or at the latest after MAX_SESSION_DAYS, on logout, or when the user
 * is deactivated.
 */
import { createCookie } from "@remix-run/node";
import { sql } from "kysely";
import type { DB } from "~/db/database.server";
import type { AuthMethod, Role } from "~/db/schema";
import { getEnv } from "~/utils/env.server";
import { hashToken, newToken } from "./tokens.server";

const MAX_SESSION_DAYS = 14;
/** Writing last_seen_at on every request would turn each page view into a write. */
const TOUCH_AFTER_SECONDS = 60;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  sessionId: string;
}

let cookie: ReturnType<typeof createCookie> | null = null;
function sessionCookie() {
  cookie ??= createCookie("sagslab_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().cookieSecure,
    path: "/",
  });
  return cookie;
}

export interface NewSessionOptions {
  /** The login request: its browser's previous session ends, and its user agent is shown on "Min konto". */
  request?: Request;
  clientAddress?: string;
  method?: AuthMethod;
  /** A single sign-on session's ID token, for the provider's end-session endpoint at logout. */
  idToken?: string | null;
}

/**
 * Creates a session and returns the Set-Cookie header that hands its token to the browser.
 * Logging in ends the session the browser had before, so a shared computer never keeps the
 * previous user signed in behind the new one (and a planted session id is worthless).
 */
export async function createSession(db: DB, userId: string, options: NewSessionOptions = {}): Promise<string> {
  const previous = options.request ? await readToken(options.request) : null;
  if (previous) await db.deleteFrom("sessions").where("id", "=", hashToken(previous)).execute();
  const { token, hash } = newToken();
  await db
    .insertInto("sessions")
    .values({
      id: hash,
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(days => ${MAX_SESSION_DAYS})`,
      user_agent: options.request?.headers.get("user-agent")?.slice(0, 400) ?? null,
      client_address: options.clientAddress ?? null,
      auth_method: options.method ?? "password",
      id_token: options.idToken ?? null,
    })
    .execute();
  await db
    .updateTable("users")
    .set({ last_active_at: sql`now()` })
    .where("id", "=", userId)
    .execute();
  // No Max-Age: a browser-session cookie, not one kept on disk for 14 days. How long the session
  // lasts is the server's decision, sliding with SESSION_IDLE_MINUTES (getSessionUser).
  return sessionCookie().serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user of a request, or null. One indexed query; an occasional touch. */
export async function getSessionUser(db: DB, request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const idleMinutes = getEnv().SESSION_IDLE_MINUTES;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.organisation_id as organisationId",
      sql<boolean>`sessions.last_seen_at < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS})`.as("stale"),
    ])
    .where("sessions.id", "=", hashToken(token))
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .where("sessions.last_seen_at", ">", sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where("users.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  if (row.stale) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: sql`now()` })
      .where("id", "=", row.sessionId)
      .execute();
    // What RETENTION_MONTHS counts from; sessions themselves are purged when they end.
    await db
      .updateTable("users")
      .set({ last_active_at: sql`now()` })
      .where("id", "=", row.id)
      .execute();
  }
  const { stale: _stale, ...user } = row;
  return user;
}

/**
 * Ends the request's session. Returns the Set-Cookie header that clears the cookie and, for a
 * single sign-on session, the ID token the provider's end-session endpoint asks for.
 */
export async function endSession(db: DB, request: Request): Promise<{ setCookie: string; idToken: string | null }> {
  const token = await readToken(request);
  const ended = token
    ? await db.deleteFrom("sessions").where("id", "=", hashToken(token)).returning("id_token").executeTakeFirst()
    : undefined;
  return { setCookie: await sessionCookie().serialize("", { maxAge: 0 }), idToken: ended?.id_token ?? null };
}

/** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
export async function destroySession(db: DB, request: Request): Promise<string> {
  return (await endSession(db, request)).setCookie;
}

/** Ends every session of a user, or every one but `exceptSessionId` (the one the user is using). */
export async function destroyUserSessions(db: DB, userId: string, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptSessionId) query = query.where("id", "<>", exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A user's live sessions for "Min konto", the current one first, then the most recently used. */
export async function listUserSessions(db: DB, userId: string, currentSessionId: string) {
  const idleMinutes = getEnv().SESSION_IDLE_MINUTES;
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "user_agent", "client_address", "auth_method"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", sql<Date>`now()`)
    .where("last_seen_at", ">", sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows
    .map((row) => ({ ...row, current: row.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the user's own sessions; false when it is not theirs or has ended already. */
export async function destroyOwnSession(db: DB, userId: string, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("sessions")
    .where("id", "=", sessionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Removes expired sessions; called now and then, not on every request. */
export async function purgeExpiredSessions(db: DB): Promise<void> {
  const idleMinutes = getEnv().SESSION_IDLE_MINUTES;
  await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", sql<Date>`now()`),
        eb("last_seen_at", "<=", sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .execute();
}
