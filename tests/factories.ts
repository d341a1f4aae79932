/** Factories for tests: small functions that create what a test needs, with sensible defaults. */
import { randomBytes } from "node:crypto";
import type { Role } from "../app/auth/roles";
import type { DB } from "../app/db/database.server";
import { createUser } from "../app/users/users.server";

export const TEST_PASSWORD = "en-god-adgangskode";

export async function createTestUser(
  db: DB,
  overrides: { role?: Role; name?: string; email?: string; organisationId?: string } = {},
) {
  const suffix = randomBytes(4).toString("hex");
  return createUser(db, {
    email: overrides.email ?? `bruger-${suffix}@test.sagslab.dk`,
    name: overrides.name ?? `Testbruger ${suffix}`,
    role: overrides.role ?? "learner",
    organisationId: overrides.organisationId,
    password: TEST_PASSWORD,
  });
}

/** A request carrying the given Set-Cookie value back as a Cookie header. */
export function requestWithCookie(setCookie: string, url = "http://localhost/", init: RequestInit = {}) {
  const cookie = setCookie.split(";")[0]!;
  return new Request(url, { ...init, headers: { ...(init.headers ?? {}), Cookie: cookie } });
}
