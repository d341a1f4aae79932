/**
 * OpenID Connect sign-in with openid-client (a certified relying-party library): the authorization
 * code flow with PKCE, state and nonce. The library checks the ID token (issuer, audience, expiry,
 * nonce, and with non-repudiation checks its signature against the provider's JWKS); this module
 * only keeps what the callback must compare, and turns failures into Danish messages.
 *
 * What the callback needs is stored in `oidc_logins`, keyed by the SHA-256 of a random token in a
 * short-lived cookie, and deleted when used: a second use of the same callback finds nothing, and
 * any app process can finish a login another one started.
 */
import { createCookie } from "@remix-run/node";
import { sql } from "kysely";
import * as client from "openid-client";
import type { DB } from "~/db/database.server";
import { getEnv, type OidcSettings } from "~/utils/env.server";
import { hashToken, newToken } from "./tokens.server";

export const CALLBACK_PATH = "/login/oidc/callback";
const LOGIN_MINUTES = 10;

export interface OidcClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** Every claim the provider sent (ID token, then userinfo), for the role and organisation claims. */
  all: Record<string, unknown>;
}

export type OidcFailure = "state" | "provider-error" | "token" | "unavailable";

const MESSAGES: Record<OidcFailure, (provider: string) => string> = {
  state: () =>
    "Login-forsøget kunne ikke genkendes: det er udløbet, allerede brugt eller startet i en anden browser. Prøv at logge ind igen.",
  "provider-error": (provider) => `Login blev afbrudt hos „${provider}“. Prøv igen, hvis du vil logge ind.`,
  token: (provider) =>
    `Svaret fra „${provider}“ kunne ikke godkendes, så du er ikke logget ind. Prøv igen; sker det igen, så kontakt jeres it-afdeling.`,
  unavailable: (provider) =>
    `„${provider}“ svarer ikke lige nu. Prøv igen om lidt; sker det igen, så kontakt jeres it-afdeling.`,
};

/** A login that could not be finished; `message` is Danish, for the login page. */
export class OidcLoginError extends Error {
  constructor(
    readonly reason: OidcFailure,
    provider: string,
    /** The library's or the provider's own code, for the server log. */
    readonly detail?: string,
  ) {
    super(MESSAGES[reason](provider));
  }
}

let cookie: ReturnType<typeof createCookie> | null = null;
function loginCookie() {
  cookie ??= createCookie("sagslab_oidc", {
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries the cookie.
    sameSite: "lax",
    secure: getEnv().cookieSecure,
    path: "/login/oidc",
    maxAge: LOGIN_MINUTES * 60,
  });
  return cookie;
}

/** Plain http only for a provider on this machine (tests, local development); anywhere else https. */
const isLocal = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

// One discovery per process and provider, kept while it works; a failed one is tried again next time.
const configurations = new Map<string, Promise<client.Configuration>>();

export function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`;
  let configuration = configurations.get(key);
  if (!configuration) {
    const execute = [client.enableNonRepudiationChecks];
    if (settings.issuer.protocol === "http:" && isLocal(settings.issuer)) execute.push(client.allowInsecureRequests);
    configuration = client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, { execute, timeout: 10 })
      .catch((error: unknown) => {
        configurations.delete(key);
        throw new OidcLoginError("unavailable", settings.buttonText, describe(error));
      });
    configurations.set(key, configuration);
  }
  return configuration;
}

export function resetOidcForTests() {
  configurations.clear();
  cookie = null;
}

const redirectUri = () => `${getEnv().appUrl}${CALLBACK_PATH}`;

/** Starts a login: the provider's authorization URL and the cookie that binds the callback to this browser. */
export async function startOidcLogin(
  db: DB,
  settings: OidcSettings,
  options: { redirectTo: string; invitationId?: string | null },
): Promise<{ url: string; setCookie: string }> {
  const configuration = await oidcConfiguration(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const { token, hash } = newToken();
  // Logins abandoned at the provider leave a row behind; clear the old ones now and then.
  await db
    .deleteFrom("oidc_logins")
    .where("expires_at", "<", sql<Date>`now()`)
    .execute();
  await db
    .insertInto("oidc_logins")
    .values({
      id: hash,
      state,
      nonce,
      code_verifier: codeVerifier,
      redirect_to: options.redirectTo,
      invitation_id: options.invitationId ?? null,
      expires_at: sql<Date>`now() + make_interval(mins => ${LOGIN_MINUTES})`,
    })
    .execute();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(),
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, setCookie: await loginCookie().serialize(token) };
}

export interface FinishedOidcLogin {
  claims: OidcClaims;
  idToken: string;
  redirectTo: string;
  invitationId: string | null;
  /** Clears the login cookie. */
  setCookie: string;
}

/**
 * Finishes a login at the callback: finds (and deletes) the stored login, lets openid-client
 * check the response and redeem the code, and returns the verified claims.
 */
export async function finishOidcLogin(db: DB, settings: OidcSettings, request: Request): Promise<FinishedOidcLogin> {
  const provider = settings.buttonText;
  const token: unknown = await loginCookie().parse(request.headers.get("Cookie"));
  const stored =
    typeof token === "string" && token
      ? await db
          .deleteFrom("oidc_logins")
          .where("id", "=", hashToken(token))
          .where("expires_at", ">", sql<Date>`now()`)
          .returningAll()
          .executeTakeFirst()
      : undefined;
  if (!stored) throw new OidcLoginError("state", provider, "no stored login for this browser");

  // The address the provider sent the browser to, as the public address (behind a proxy the
  // request's own host may be an internal one).
  const incoming = new URL(request.url);
  const currentUrl = new URL(`${CALLBACK_PATH}${incoming.search}`, getEnv().appUrl);
  const configuration = await oidcConfiguration(settings);

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: stored.code_verifier,
      expectedState: stored.state,
      expectedNonce: stored.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw classify(error, provider);
  }
  const idTokenClaims = tokens.claims();
  if (!idTokenClaims || !tokens.id_token) throw new OidcLoginError("token", provider, "no ID token");

  let all: Record<string, unknown> = { ...idTokenClaims };
  // Many providers put e-mail and groups only in the userinfo response (oidc-provider does by
  // default); the library checks that it describes the same subject.
  const wanted = [settings.roleClaim, settings.organisationClaim, "email"].filter((c): c is string => Boolean(c));
  if (configuration.serverMetadata().userinfo_endpoint && wanted.some((claim) => !(claim in all))) {
    try {
      const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idTokenClaims.sub);
      all = { ...userinfo, ...all };
    } catch (error) {
      throw classify(error, provider);
    }
  }
  return {
    claims: {
      issuer: idTokenClaims.iss,
      subject: idTokenClaims.sub,
      email: typeof all.email === "string" ? all.email.trim().toLowerCase() : null,
      emailVerified: all.email_verified === true,
      name: typeof all.name === "string" && all.name.trim() ? all.name.trim() : null,
      all,
    },
    idToken: tokens.id_token,
    redirectTo: stored.redirect_to,
    invitationId: stored.invitation_id,
    setCookie: await loginCookie().serialize("", { maxAge: 0 }),
  };
}

/**
 * The codes and messages down an error's cause chain, for the server log: openid-client wraps
 * oauth4webapi's specific error ('unexpected JWT "aud" (audience) claim value') in a general one.
 * Claims and tokens in the causes are left out (they are personal data).
 */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const e = current as Error & { code?: unknown; error?: unknown; error_description?: unknown };
    parts.push(`${typeof e.code === "string" ? `${e.code}: ` : ""}${e.message}`);
    if (typeof e.error === "string") {
      parts.push(`${e.error}${typeof e.error_description === "string" ? ` (${e.error_description})` : ""}`);
    }
    current = e.cause;
  }
  return parts.length ? parts.join(" ← ") : String(error);
}

function classify(error: unknown, provider: string): OidcLoginError {
  if (error instanceof OidcLoginError) return error;
  const detail = describe(error);
  if (error instanceof client.AuthorizationResponseError) {
    return new OidcLoginError("provider-error", provider, detail);
  }
  const code = (error as { code?: unknown }).code;
  // The state of the response is not the one this browser's login started with.
  if (/"state" response parameter/.test(detail)) return new OidcLoginError("state", provider, detail);
  if (error instanceof TypeError || code === "ECONNREFUSED" || (error as Error).name === "TimeoutError") {
    return new OidcLoginError("unavailable", provider, detail);
  }
  return new OidcLoginError("token", provider, detail);
}

/** Where to send the browser at logout to end the provider's session too, or null when it has no such endpoint. */
export async function endSessionUrl(settings: OidcSettings, idToken: string | null): Promise<string | null> {
  try {
    const configuration = await oidcConfiguration(settings);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = {
      post_logout_redirect_uri: `${getEnv().appUrl}/login?logget-ud=1`,
      client_id: settings.clientId,
    };
    if (idToken) parameters.id_token_hint = idToken;
    return client.buildEndSessionUrl(configuration, parameters).href;
  } catch {
    // The provider cannot be reached: the Sagslab session has ended all the same.
    return null;
  }
}
