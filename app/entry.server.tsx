/**
 * Renders documents on the server, with a Content-Security-Policy that allows only this site's
 * own scripts plus the inline ones carrying this request's nonce: no `eval`, because no MDX is
 * ever evaluated in the browser. Also exports the start-up and shut-down hooks server/index.js calls.
 *
 * Two faults of React 18's Node renderer are avoided here, at their cause (docs/decisions/0015):
 * - `renderToPipeableStream` sends a whole 2,048-byte buffer when a multi-byte character (æ, ø,
 *   –) does not fit at its end, unused NUL bytes included (facebook/react#24985, fixed only in
 *   React 19). React's web-streams renderer, `renderToReadableStream`, copies bytes without that
 *   fault; Node 20 has web streams, so it is used instead.
 * - Remix's single fetch streams the loader data through a Suspense boundary after the document,
 *   which React 18 writes after `</html>`. The data is read first and written inside <body> by
 *   root's <RouteDataScript>.
 */
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToReadableStream } from "react-dom/server.browser";
import { NonceProvider } from "~/components/nonce";
import { ProseProvider } from "~/components/prose";
import { RouteDataProvider } from "~/components/route-data-script";
import { guardRoutes } from "~/route-guard.server";
import { shutdown, startup } from "~/startup.server";
import { getEnv } from "~/utils/env.server";

export { guardRoutes, shutdown, startup };

/** What server/index.js needs from the parsed environment. */
export function serverSettings() {
  const env = getEnv();
  // HSTS only where the session cookie is Secure, i.e. where the site is meant to be on https.
  return { trustProxy: env.TRUST_PROXY, hsts: env.cookieSecure };
}

/**
 * Logs what went wrong on the server. A request Remix itself refuses (a POST to a page without a
 * form, 405; an unknown route, 404) is the client's mistake: no stack trace for it. Neither for a
 * request the client gave up on.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};

// Remix keeps each response's encoded loader data until this timer runs out (it is cleared only
// when a request is aborted), so under load a long timeout holds thousands of finished pages in
// memory. Pages defer nothing, so nothing needs the time.
export const streamTimeout = 1_000;

function contentSecurityPolicy(nonce: string, development: boolean) {
  // Logging out of a single sign-on session posts to /logout, which redirects to the provider's
  // end-session page; browsers apply form-action to that redirect too.
  const issuer = getEnv().oidc?.issuer.origin;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // The browser editor (development only) is CodeMirror, which adds its styles in <style> elements.
    development ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The development server live-reloads over a websocket on another port.
    development ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    issuer ? `form-action 'self' ${issuer}` : "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
  return directives.join("; ");
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const development = process.env.NODE_ENV === "development";
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, development));

  // The loader data, whole (nothing is deferred): RemixServer then renders no boundary of its own.
  const handoff = remixContext.serverHandoffStream;
  remixContext.serverHandoffStream = undefined;
  const routeData = handoff ? await new Response(handoff).text() : null;

  // Pages stream nothing late, so the whole document is rendered first and sent as one body:
  // React's many small chunks would otherwise become many socket writes.
  const timeout = new AbortController();
  const abortTimer = setTimeout(() => timeout.abort(), streamTimeout + 1000);
  let shellRendered = false;
  try {
    const stream = await renderToReadableStream(
      <NonceProvider value={nonce}>
        <RouteDataProvider value={routeData}>
          <ProseProvider value={loadContext.proseFragments ?? null}>
            <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
          </ProseProvider>
        </RouteDataProvider>
      </NonceProvider>,
      {
        nonce,
        signal: timeout.signal,
        // Never move a finished Suspense boundary out of place (after `</html>`), however large.
        progressiveChunkSize: Number.POSITIVE_INFINITY,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it, the error boundary renders them.
          if (shellRendered) console.error(error);
        },
      },
    );
    shellRendered = true;
    await stream.allReady;
    const body = await new Response(stream).arrayBuffer();
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    // The length lets server/index.js write the page in one piece, without chunked encoding.
    responseHeaders.set("Content-Length", String(body.byteLength));
    return new Response(body, { headers: responseHeaders, status: responseStatusCode });
  } finally {
    // Cleared when the page is done, however it ends: a pending timer would keep the whole render alive.
    clearTimeout(abortTimer);
  }
}
