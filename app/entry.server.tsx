/**
 * Renders documents on the server, with a Content-Security-Policy that allows only this site's
 * own scripts plus the inline ones carrying this request's nonce: no `eval`, because no MDX is
 * ever evaluated in the browser. Also exports the start-up and shut-down hooks server/index.js calls.
 *
 * Two faults of React 18's streaming renderers are avoided here, at their cause (docs/decisions/0015):
 * - `renderToPipeableStream` sends a whole 2,048-byte buffer when a multi-byte character (æ, ø,
 *   –) does not fit at its end, unused NUL bytes included (facebook/react#24985, fixed only in
 *   React 19). Pages defer nothing, so the document is rendered to a string (`renderToString`),
 *   which writes no byte buffers at all and is the cheapest of React's renderers (0025).
 * - Remix's single fetch streams the loader data through a Suspense boundary after the document,
 *   which React 18 writes after `</html>`. The data is read first and written inside <body> by
 *   root's <RouteDataScript>.
 */
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
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

  // The whole document at once: nothing suspends (no route defers, RemixServer renders no boundary
  // without the data stream), so there is nothing to stream.
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <RouteDataProvider value={routeData}>
        <ProseProvider value={loadContext.proseFragments ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </ProseProvider>
      </RouteDataProvider>
    </NonceProvider>,
  );
  // renderToString leaves out the doctype the streaming renderers add before <html>.
  const body = Buffer.from(`<!DOCTYPE html>${markup}`);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // The length lets server/index.js write the page in one piece, without chunked encoding.
  responseHeaders.set("Content-Length", String(body.byteLength));
  const response = new Response(body, { headers: responseHeaders, status: responseStatusCode });
  documentBodies.set(response, body);
  return response;
}

const documentBodies = new WeakMap<Response, Buffer>();

/**
 * The bytes of a document this entry rendered, for server/index.js to write as they are instead of
 * reading them back out of the Response's stream (a copy and a stream per page); null for any
 * other response (data requests, resources, redirects, a HEAD request's empty answer).
 */
export function documentBody(response: Response): Buffer | null {
  return documentBodies.get(response) ?? null;
}
