/**
 * OpenID Connect sign-in against a real provider (oidc-provider on a free local port, see
 * tests/oidc-provider.ts), its pages walked with fetch: matching on (issuer, subject), linking by
 * verified e-mail, refusing unknown users, auto-creation, roles from groups, and the refusals the
 * library must make (wrong audience, expired token, bad state, replayed code). Both engines.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signInWithIdentity, UNKNOWN_USER_MESSAGE } from "../../app/auth/oidc-accounts.server";
import {
  endSessionUrl,
  finishOidcLogin,
  OidcLoginError,
  resetOidcForTests,
  startOidcLogin,
} from "../../app/auth/oidc.server";
import { listAuditLog } from "../../app/admin/audit.server";
import { parseRoleMap } from "../../app/auth/role-map";
import { resetEnvForTests, type OidcSettings } from "../../app/utils/env.server";
import { createTestUser } from "../factories";
import { signInAtProvider, startTestProvider, type TestProvider } from "../oidc-provider";
import { engines, freshDatabase, type TestDatabase } from "./engines";

const APP_URL = "http://127.0.0.1:5999";

let provider: TestProvider;
beforeAll(async () => {
  process.env.APP_URL = APP_URL;
  resetEnvForTests();
  resetOidcForTests();
  provider = await startTestProvider({ appUrl: APP_URL });
});
afterAll(async () => {
  await provider.stop();
  delete process.env.APP_URL;
  resetEnvForTests();
});

const settings = (overrides: Partial<OidcSettings> = {}): OidcSettings => ({
  issuer: new URL(provider.issuer),
  clientId: provider.clientId,
  clientSecret: provider.clientSecret,
  buttonText: "Log ind med Egeby",
  scopes: "openid email profile",
  autoCreate: false,
  organisation: null,
  organisationClaim: null,
  roleClaim: null,
  roleMap: [],
  ...overrides,
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => {
      if (error instanceof OidcLoginError)
        return { reason: error.reason, message: error.message, detail: error.detail };
      throw error;
    },
  );

describe.each(engines)("OpenID Connect sign-in on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await freshDatabase(engine);
  });
  afterAll(() => handle.close());

  /** Starts a login in the app, signs in at the provider as `login`, and returns the callback request. */
  async function throughProvider(login: string, options: { invitationId?: string; config?: OidcSettings } = {}) {
    const config = options.config ?? settings();
    const started = await startOidcLogin(handle.db, config, {
      redirectTo: "/moduler/eksempel",
      invitationId: options.invitationId,
    });
    const callback = await signInAtProvider(started.url, login);
    const cookie = started.setCookie.split(";")[0]!;
    const request = (url: URL | string = callback) => new Request(url, { headers: { Cookie: cookie } });
    return { started, callback, cookie, request, config };
  }

  async function signIn(login: string, config = settings()) {
    const flow = await throughProvider(login, { config });
    const finished = await finishOidcLogin(handle.db, config, flow.request());
    return { finished, result: await signInWithIdentity(handle.db, config, finished.claims) };
  }

  test("the authorization request carries PKCE (S256), state and nonce, and the cookie is httpOnly", async () => {
    const started = await startOidcLogin(handle.db, settings(), { redirectTo: "/" });
    const url = new URL(started.url);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("redirect_uri")).toBe(`${APP_URL}/login/oidc/callback`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(started.setCookie).toMatch(/HttpOnly/i);
    expect(started.setCookie).toMatch(/SameSite=Lax/i);
    expect(started.setCookie).toMatch(/Path=\/login\/oidc/);
  });

  test("a user is linked on first sign-in by verified e-mail, and later found by subject alone", async () => {
    const user = await createTestUser(handle.db, { email: "karen@egeby.dk", name: "Karen Kristensen" });
    provider.accounts.set("karen-sub", { email: "Karen@Egeby.dk", email_verified: true, name: "Karen K." });

    const first = await signIn("karen-sub");
    expect(first.finished.redirectTo).toBe("/moduler/eksempel");
    expect(first.finished.claims).toMatchObject({ issuer: provider.issuer, subject: "karen-sub", emailVerified: true });
    expect(first.result).toEqual({ ok: true, userId: user.id });
    const identity = await handle.db
      .selectFrom("user_identities")
      .selectAll()
      .where("subject", "=", "karen-sub")
      .execute();
    expect(identity).toMatchObject([{ issuer: provider.issuer, user_id: user.id, linked_email: "karen@egeby.dk" }]);

    // The provider changes her address: the subject still finds the same account.
    provider.accounts.set("karen-sub", { email: "karen.kristensen@egeby.dk", email_verified: true });
    expect((await signIn("karen-sub")).result).toEqual({ ok: true, userId: user.id });
  });

  test("an unverified e-mail is not enough to take over an account", async () => {
    await createTestUser(handle.db, { email: "ole@egeby.dk" });
    provider.accounts.set("mallory", { email: "ole@egeby.dk", email_verified: false });
    expect((await signIn("mallory")).result).toEqual({ ok: false, message: UNKNOWN_USER_MESSAGE });
  });

  test("an account linked to one subject is not linked to a second one with the same address", async () => {
    await createTestUser(handle.db, { email: "lise@egeby.dk" });
    provider.accounts.set("lise-1", { email: "lise@egeby.dk", email_verified: true });
    provider.accounts.set("lise-2", { email: "lise@egeby.dk", email_verified: true });
    expect((await signIn("lise-1")).result.ok).toBe(true);
    const second = await signIn("lise-2");
    expect(second.result).toEqual({
      ok: false,
      message: expect.stringMatching(/allerede er knyttet til en anden bruger/),
    });
  });

  test("an unknown user is refused in Danish and no account is created", async () => {
    provider.accounts.set("ukendt", { email: "ukendt@egeby.dk", email_verified: true, name: "Ukendt Person" });
    expect((await signIn("ukendt")).result).toEqual({ ok: false, message: UNKNOWN_USER_MESSAGE });
    expect(await handle.db.selectFrom("users").select("id").where("email", "=", "ukendt@egeby.dk").execute()).toEqual(
      [],
    );
  });

  test("OIDC_AUTO_CREATE makes a learner in OIDC_ORGANISATION, or in the kommune a claim names", async () => {
    provider.accounts.set("ny-1", { email: "ny1@egeby.dk", email_verified: true, name: "Nina Ny" });
    const created = await signIn("ny-1", settings({ autoCreate: true, organisation: "Egeby Kommune" }));
    expect(created.result.ok).toBe(true);
    const user = await handle.db
      .selectFrom("users")
      .innerJoin("organisations", "organisations.id", "users.organisation_id")
      .select(["users.name", "users.role", "users.password_hash", "organisations.name as organisation"])
      .where("users.email", "=", "ny1@egeby.dk")
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ name: "Nina Ny", role: "learner", password_hash: null, organisation: "Egeby Kommune" });

    // The claim's kommune is matched regardless of case and spaces, not created twice.
    provider.accounts.set("ny-2", { email: "ny2@egeby.dk", email_verified: true, kommune: "  egeby KOMMUNE " });
    const byClaim = await signIn("ny-2", settings({ autoCreate: true, organisationClaim: "kommune" }));
    expect(byClaim.result.ok).toBe(true);
    const organisations = await handle.db.selectFrom("organisations").select("name").execute();
    expect(organisations.filter((o) => o.name.toLowerCase().includes("egeby"))).toEqual([{ name: "Egeby Kommune" }]);

    provider.accounts.set("ny-3", { email: "ny3@egeby.dk", email_verified: false });
    const unverified = await signIn("ny-3", settings({ autoCreate: true, organisation: "Egeby Kommune" }));
    expect(unverified.result).toEqual({ ok: false, message: expect.stringMatching(/bekræftet e-mailadresse/) });
  });

  test("OIDC_ROLE_MAP sets the role from the groups at each sign-in; an administrator stays one", async () => {
    const config = settings({
      roleClaim: "groups",
      roleMap: parseRoleMap("trainer:Sagslab-Undervisere,author:Sagslab-Forfattere"),
    });
    const user = await createTestUser(handle.db, { email: "gitte@egeby.dk" });
    provider.accounts.set("gitte", { email: "gitte@egeby.dk", email_verified: true, groups: ["Sagslab-Undervisere"] });
    await signIn("gitte", config);
    const role = async (id: string) =>
      (await handle.db.selectFrom("users").select("role").where("id", "=", id).executeTakeFirstOrThrow()).role;
    expect(await role(user.id)).toBe("trainer");
    provider.accounts.set("gitte", { email: "gitte@egeby.dk", email_verified: true, groups: ["Andet"] });
    await signIn("gitte", config);
    expect(await role(user.id)).toBe("learner");
    // Each change is in the audit log like an administrator's, made by the login provider.
    const { entries } = await listAuditLog(handle.db, { subjectUserId: user.id });
    expect(entries.map((e) => [e.action, e.actorName, e.details])).toEqual([
      ["user.role_changed", null, { role: "learner", previous: "trainer", via: "single sign-on" }],
      ["user.role_changed", null, { role: "trainer", previous: "learner", via: "single sign-on" }],
    ]);

    const admin = await createTestUser(handle.db, { email: "it@egeby.dk", role: "admin" });
    provider.accounts.set("it", { email: "it@egeby.dk", email_verified: true, groups: [] });
    await signIn("it", config);
    expect(await role(admin.id)).toBe("admin");
  });

  test("a token for another audience is refused, though the provider's key signed it", async () => {
    provider.accounts.set("aud", { email: "aud@egeby.dk", email_verified: true });
    const flow = await throughProvider("aud");
    provider.tamperWithIdTokens((claims) => ({ ...claims, aud: "en-anden-app" }));
    try {
      const refused = await refusal(finishOidcLogin(handle.db, flow.config, flow.request()));
      expect(refused).toMatchObject({ reason: "token", message: expect.stringMatching(/kunne ikke godkendes/) });
      expect(refused!.detail).toMatch(/"aud"/);
    } finally {
      provider.tamperWithIdTokens(null);
    }
  });

  test("an expired token is refused", async () => {
    provider.accounts.set("exp", { email: "exp@egeby.dk", email_verified: true });
    const flow = await throughProvider("exp");
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    provider.tamperWithIdTokens((claims) => ({ ...claims, iat: hourAgo - 600, exp: hourAgo }));
    try {
      const refused = await refusal(finishOidcLogin(handle.db, flow.config, flow.request()));
      expect(refused).toMatchObject({ reason: "token" });
      expect(refused!.detail).toMatch(/"exp"/);
    } finally {
      provider.tamperWithIdTokens(null);
    }
  });

  test("a token signed with a key that is not in the provider's JWKS is refused", async () => {
    provider.accounts.set("sig", { email: "sig@egeby.dk", email_verified: true });
    const flow = await throughProvider("sig");
    provider.tamperWithIdTokens((claims) => claims, { foreignKey: true });
    try {
      const refused = await refusal(finishOidcLogin(handle.db, flow.config, flow.request()));
      expect(refused).toMatchObject({ reason: "token" });
      expect(refused!.detail).toMatch(/signature/i);
    } finally {
      provider.tamperWithIdTokens(null);
    }
  });

  test("a callback whose state is not this browser's login is refused", async () => {
    provider.accounts.set("state", { email: "state@egeby.dk", email_verified: true });
    const flow = await throughProvider("state");
    const forged = new URL(flow.callback);
    forged.searchParams.set("state", "en-anden-tilstand");
    expect(await refusal(finishOidcLogin(handle.db, flow.config, flow.request(forged)))).toMatchObject({
      reason: "state",
      message: expect.stringMatching(/Login-forsøget kunne ikke genkendes/),
    });

    // Without the browser's cookie (another browser, or a link sent to a victim) nothing is found.
    const other = await throughProvider("state");
    const withoutCookie = new Request(other.callback);
    expect(await refusal(finishOidcLogin(handle.db, other.config, withoutCookie))).toMatchObject({ reason: "state" });
  });

  test("a replayed code is refused, by the app and by the provider", async () => {
    provider.accounts.set("replay", { email: "replay@egeby.dk", email_verified: true });
    const flow = await throughProvider("replay");
    expect((await finishOidcLogin(handle.db, flow.config, flow.request())).claims.subject).toBe("replay");
    // The same callback again: the stored login was used up.
    expect(await refusal(finishOidcLogin(handle.db, flow.config, flow.request()))).toMatchObject({ reason: "state" });

    // The old code with a fresh login's state and cookie: the provider refuses the code itself.
    const fresh = await startOidcLogin(handle.db, flow.config, { redirectTo: "/" });
    const replayed = new URL(flow.callback);
    replayed.searchParams.set("state", new URL(fresh.url).searchParams.get("state")!);
    const request = new Request(replayed, { headers: { Cookie: fresh.setCookie.split(";")[0]! } });
    const refused = await refusal(finishOidcLogin(handle.db, flow.config, request));
    expect(refused).toMatchObject({ reason: "token" });
    expect(refused!.detail).toMatch(/invalid_grant/);
  });

  test("the provider's end-session address names the client, the ID token and the way back", async () => {
    provider.accounts.set("ud", { email: "ud@egeby.dk", email_verified: true });
    const { finished } = await signIn("ud");
    const url = new URL((await endSessionUrl(settings(), finished.idToken))!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("id_token_hint")).toBe(finished.idToken);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${APP_URL}/login?logget-ud=1`);
    expect(url.searchParams.get("client_id")).toBe(provider.clientId);
  });

  test("a provider that does not answer gives a Danish message, not a crash", async () => {
    const config = settings({ issuer: new URL("http://127.0.0.1:9/"), clientId: "nobody" });
    expect(await refusal(startOidcLogin(handle.db, config, { redirectTo: "/" }))).toMatchObject({
      reason: "unavailable",
      message:
        "„Log ind med Egeby“ svarer ikke lige nu. Prøv igen om lidt; sker det igen, så kontakt jeres it-afdeling.",
    });
  });
});
