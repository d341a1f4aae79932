/**
 * A real OpenID provider for tests: the certified `oidc-provider` package on a free local port,
 * with one confidential client for Sagslab and small login and consent pages of its own (the
 * package's development pages load fonts from the internet). Any password is accepted for the
 * accounts in `accounts`. Used by the database tests (driven with fetch, see `signInAtProvider`)
 * and the browser tests (driven in Chromium).
 *
 * `tamperWithIdTokens` re-signs the ID token the token endpoint returns with the provider's own
 * key after changing its claims: a token the provider could have issued, with a wrong audience
 * or an expiry in the past, to show that the app's library refuses it.
 */
import { createSign, generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  kommune?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, ProviderAccount>;
  /**
   * Changes the claims of every ID token the token endpoint returns until called with null; with
   * `foreignKey` the token is signed by another key under the provider's key id.
   */
  tamperWithIdTokens(
    change: ((claims: Record<string, unknown>) => Record<string, unknown>) | null,
    options?: { foreignKey?: boolean },
  ): void;
  /** The number of logouts the provider's end-session endpoint has completed. */
  logouts(): number;
  stop(): Promise<void>;
}

export async function startTestProvider(options: { appUrl: string }): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const foreign = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  let signWith = privateKey;
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  const accounts = new Map<string, ProviderAccount>();
  const clientId = "sagslab";
  const clientSecret = "en-hemmelighed-kun-til-test";
  let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;
  let logoutCount = 0;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.appUrl}/login/oidc/callback`],
        post_logout_redirect_uris: [`${options.appUrl}/login?logget-ud=1`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        id_token_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["kun-til-test-cookies"] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups", "kommune"],
    },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = page(
            "Log ud hos udbyderen",
            `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log mig ud</button>
             <button type="submit" form="op.logoutForm">Nej, bliv logget ind</button>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = page("Logget ud", "<p>Du er logget ud hos udbyderen.</p>");
        },
      },
    },
    pkce: { required: () => true },
  });
  provider.on("end_session.success", () => (logoutCount += 1));
  const handle = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse) {
    const details = await provider.interactionDetails(request, response);
    const send = (html: string) => {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      response.end(html);
    };
    if (request.method === "GET") {
      send(details.prompt.name === "login" ? loginPage(details.uid) : consentPage(details.uid));
      return;
    }
    const body = new URLSearchParams(await readBody(request));
    if (body.get("prompt") === "login" && details.prompt.name === "login") {
      const login = body.get("login") ?? "";
      if (!accounts.has(login) || !body.get("password")) {
        send(loginPage(details.uid, "Ukendt brugernavn eller adgangskode."));
        return;
      }
      await provider.interactionFinished(request, response, { login: { accountId: login } });
      return;
    }
    if (body.get("prompt") === "consent" && details.prompt.name === "consent") {
      const { grantId, params, session } = details;
      const grant = grantId
        ? (await provider.Grant.find(grantId))!
        : new provider.Grant({ accountId: session!.accountId, clientId: params.client_id as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      await provider.interactionFinished(
        request,
        response,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    response.writeHead(400).end("Unexpected interaction");
  }

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith("/interaction/")) {
      interaction(request, response).catch((error: Error) => {
        if (!response.headersSent) response.writeHead(500);
        response.end(error.message);
      });
      return;
    }
    if (tamper && request.method === "POST" && request.url?.startsWith("/token")) {
      rewriteTokenResponse(response, (body) => {
        const parsed = JSON.parse(body) as { id_token?: string };
        if (parsed.id_token && tamper) parsed.id_token = resign(parsed.id_token, tamper, signWith);
        return JSON.stringify(parsed);
      });
    }
    handle(request, response);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamperWithIdTokens: (change, tamperOptions = {}) => {
      tamper = change;
      signWith = tamperOptions.foreignKey ? foreign : privateKey;
    },
    logouts: () => logoutCount,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title} – Testudbyder</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const loginPage = (uid: string, error?: string) =>
  page(
    "Log ind hos testudbyderen",
    `${error ? `<p role="alert">${error}</p>` : ""}<form method="post" action="/interaction/${uid}">
      <input type="hidden" name="prompt" value="login">
      <p><label for="login">Brugernavn</label> <input id="login" name="login" autocomplete="username" required></p>
      <p><label for="password">Adgangskode</label> <input id="password" name="password" type="password" required></p>
      <button type="submit">Log ind</button>
    </form>`,
  );

const consentPage = (uid: string) =>
  page(
    "Giv Sagslab adgang",
    `<p>Sagslab beder om dit navn, din e-mailadresse og dine grupper.</p>
    <form method="post" action="/interaction/${uid}">
      <input type="hidden" name="prompt" value="consent">
      <button type="submit">Giv adgang</button>
    </form>`,
  );

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

/** Collects what the provider writes and hands the rewritten body to the socket instead. */
function rewriteTokenResponse(response: ServerResponse, rewrite: (body: string) => string) {
  const chunks: Buffer[] = [];
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  response.write = ((chunk: Buffer | string) => {
    chunks.push(Buffer.from(chunk));
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: Buffer | string | (() => void)) => {
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk));
    const body = Buffer.from(rewrite(Buffer.concat(chunks).toString("utf8")));
    if (!response.headersSent) response.setHeader("Content-Length", body.length);
    write(body);
    return end();
  }) as typeof response.end;
}

function resign(
  jwt: string,
  change: (claims: Record<string, unknown>) => Record<string, unknown>,
  key: ReturnType<typeof generateKeyPairSync>["privateKey"],
) {
  const [header, payload] = jwt.split(".");
  const claims = change(JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>);
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  const signature = createSign("RSA-SHA256").update(input).sign(key).toString("base64url");
  return `${input}.${signature}`;
}

/**
 * Walks the provider's login and consent pages with fetch, as a browser would, and returns the
 * address the provider sends the browser back to (the app's callback with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), Cookie: cookieHeader() },
    });
    remember(response);
    return response;
  };
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

  let response = await go(authorizationUrl);
  for (let step = 0; step < 10; step++) {
    const location = response.headers.get("location");
    if (!location) throw new Error(`The provider stopped with ${response.status}: ${await response.text()}`);
    const next = new URL(location, authorizationUrl);
    if (next.origin !== new URL(authorizationUrl).origin) return next;
    if (next.pathname.startsWith("/interaction/")) {
      const html = await (await go(next.href)).text();
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (prompt === "login") response = await go(next.href, form({ prompt, login, password: "hvad-som-helst" }));
      else if (prompt === "consent") response = await go(next.href, form({ prompt }));
      else throw new Error(`Unexpected interaction page:\n${html}`);
    } else {
      response = await go(next.href);
    }
  }
  throw new Error("The provider did not send the browser back");
}
