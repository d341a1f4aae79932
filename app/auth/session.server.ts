/**
 * Sessions live in the database behind an httpOnly, SameSite=Lax cookie that carries only a
 * random token; the table stores the token's SHA-256. A session ends after inactivity
 * (SESSION_IDLE_MINUTES) or at the latest after MAX_SESSION_DAYS, on logout, or when the user
 * is deactivated.
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { sql } from "kysely";
import type { DB } from "~/db/database.server";
import type { Role } from "~/db/schema";
import { getEnv } from "~/utils/env.server";

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

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a session and returns the Set-Cookie header that hands its token to the browser. */
export async function createSession(db: DB, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(days => ${MAX_SESSION_DAYS})`,
    })
    .execute();
  return sessionCookie().serialize(token, { maxAge: MAX_SESSION_DAYS * 24 * 60 * 60 });
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
  }
  const { stale: _stale, ...user } = row;
  return user;
}

/** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
export async function destroySession(db: DB, request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function destroyUserSessions(db: DB, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
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
