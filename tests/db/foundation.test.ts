import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { authenticate } from "../../app/auth/auth.server";
import { createSession, destroySession, destroyUserSessions, getSessionUser } from "../../app/auth/session.server";
import type { Activity } from "../../app/content/types";
import { migrateToLatest, openEmbedded, type DatabaseHandle } from "../../app/db/database.server";
import { DEMO_ACCOUNTS, seedDemoData } from "../../app/db/seed.server";
import { completions, recordCompletion } from "../../app/progress/progress.server";
import { createTestUser, requestWithCookie, TEST_PASSWORD } from "../factories";
import { engines, freshDatabase } from "./engines";

const lesson: Activity = {
  id: "eksempel-velkommen",
  moduleId: "eksempel",
  title: "Velkommen",
  type: "lesson",
  estimatedMinutes: 5,
  required: true,
  legalBasis: [],
  file: "content/eksempel/01-velkommen.mdx",
  version: "v1",
  html: "<p>Hej</p>",
};

const TABLES = [
  "activity_completions",
  "app_meta",
  "cohort_members",
  "cohort_modules",
  "cohort_trainers",
  "cohorts",
  "login_failures",
  "organisations",
  "sessions",
  "users",
];

test("migrations create every table on an empty embedded database, and running them again changes nothing", async () => {
  const handle = await openEmbedded({});
  try {
    await migrateToLatest(handle.db);
    await migrateToLatest(handle.db);
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name).filter((name) => !name.startsWith("kysely_"))).toEqual(
      expect.arrayContaining(TABLES),
    );
  } finally {
    await handle.close();
  }
});

describe.each(engines)("on %s", (engine) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await freshDatabase(engine);
  });
  afterEach(async () => {
    await handle.close();
  });

  test("a migrated database has every table", async () => {
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(TABLES));
  });

  test("a lesson completed twice at the same moment is stored once", async () => {
    const user = await createTestUser(handle.db);
    const results = await Promise.all([
      recordCompletion(handle.db, user.id, lesson),
      recordCompletion(handle.db, user.id, lesson),
      recordCompletion(handle.db, user.id, lesson),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await handle.db
      .selectFrom("activity_completions")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect((await completions(handle.db, user.id)).has(lesson.id)).toBe(true);
  });

  test("a session opens with its cookie, and ends on logout", async () => {
    const user = await createTestUser(handle.db, { name: "Karen Sagsbehandler" });
    const setCookie = await createSession(handle.db, user.id);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const request = requestWithCookie(setCookie);
    expect(await getSessionUser(handle.db, request)).toMatchObject({
      id: user.id,
      name: "Karen Sagsbehandler",
      role: "learner",
    });

    const cleared = await destroySession(handle.db, request);
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(await getSessionUser(handle.db, request)).toBeNull();
  });

  test("a session expires after inactivity, and when the user is deactivated", async () => {
    const user = await createTestUser(handle.db);
    const idle = requestWithCookie(await createSession(handle.db, user.id));
    await handle.db
      .updateTable("sessions")
      .set({ last_seen_at: sql`now() - interval '5 hours'` })
      .where("user_id", "=", user.id)
      .execute();
    expect(await getSessionUser(handle.db, idle)).toBeNull();

    const active = requestWithCookie(await createSession(handle.db, user.id));
    expect(await getSessionUser(handle.db, active)).not.toBeNull();
    await handle.db.updateTable("users").set({ active: false }).where("id", "=", user.id).execute();
    expect(await getSessionUser(handle.db, active)).toBeNull();
    await destroyUserSessions(handle.db, user.id);
    const left = await handle.db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    expect(left).toHaveLength(0);
  });

  test("a forged or unknown cookie opens no session", async () => {
    expect(await getSessionUser(handle.db, requestWithCookie("sagslab_session=forfalsket"))).toBeNull();
  });

  test("a right password logs in; a wrong one does not, and repeated failures are slowed down", async () => {
    const user = await createTestUser(handle.db);
    expect(
      await authenticate(handle.db, {
        email: user.email.toUpperCase(),
        password: TEST_PASSWORD,
        clientAddress: "10.0.0.1",
      }),
    ).toEqual({
      ok: true,
      userId: user.id,
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        await authenticate(handle.db, { email: user.email, password: "forkert", clientAddress: "10.0.0.2" }),
      ).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // The address that guessed waits, even with the right password …
    const throttled = await authenticate(handle.db, {
      email: user.email,
      password: TEST_PASSWORD,
      clientAddress: "10.0.0.2",
    });
    expect(throttled).toMatchObject({ ok: false, reason: "throttled" });
    // … but the owner, from an address that has not failed for the account, gets in.
    expect(
      await authenticate(handle.db, { email: user.email, password: TEST_PASSWORD, clientAddress: "10.0.0.3" }),
    ).toEqual({ ok: true, userId: user.id });
  });

  test("failures for other accounts from one address (a kommune's NAT) lock nobody else out", async () => {
    for (let i = 0; i < 6; i++) {
      const result = await authenticate(handle.db, {
        email: `gaet-${i}@test.sagslab.dk`,
        password: "forkert",
        clientAddress: "10.9.9.9",
      });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const colleague = await createTestUser(handle.db);
    expect(
      await authenticate(handle.db, { email: colleague.email, password: TEST_PASSWORD, clientAddress: "10.9.9.9" }),
    ).toEqual({ ok: true, userId: colleague.id });
  });

  test("guessing one account from many addresses slows down every address that failed, not the owner", async () => {
    const user = await createTestUser(handle.db);
    for (let i = 0; i < 21; i++) {
      await authenticate(handle.db, { email: user.email, password: "forkert", clientAddress: `10.1.0.${i}` });
    }
    expect(
      await authenticate(handle.db, { email: user.email, password: "forkert", clientAddress: "10.1.0.3" }),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await authenticate(handle.db, { email: user.email, password: TEST_PASSWORD, clientAddress: "10.2.0.1" }),
    ).toEqual({ ok: true, userId: user.id });
  });

  test("an unknown e-mail address is refused like a wrong password", async () => {
    expect(
      await authenticate(handle.db, { email: "ingen@test.sagslab.dk", password: "x", clientAddress: "10.0.0.9" }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  test("demo data is seeded once: a second start does not seed again", async () => {
    expect(await seedDemoData(handle.db, ["eksempel"])).toBe(true);
    expect(await seedDemoData(handle.db, ["eksempel"])).toBe(false);
    const users = await handle.db.selectFrom("users").select(["email", "role"]).orderBy("email").execute();
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    expect(users.map((u) => u.role).sort()).toEqual(["admin", "author", "learner", "trainer"]);
    const cohort = await handle.db.selectFrom("cohorts").selectAll().executeTakeFirstOrThrow();
    expect(cohort.starts_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const modules = await handle.db.selectFrom("cohort_modules").select("module_id").execute();
    expect(modules.map((m) => m.module_id)).toEqual(["eksempel"]);
  });
});
