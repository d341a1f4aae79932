/**
 * Renders documents on the server, with a Content-Security-Policy that allows only this site's
 * own scripts plus the inline ones carrying this request's nonce: no `eval`, because no MDX is
 * ever evaluated in the browser. Also exports the start-up and shut-down hooks server/index.js calls.
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { shutdown, startup } from "~/startup.server";

export { shutdown, startup };

// Remix keeps each response's encoded loader data until this timer runs out (it is cleared only
// when a request is aborted), so under load a long timeout holds thousands of finished pages in
// memory. Pages defer nothing, so nothing needs the time.
export const streamTimeout = 1_000;

function contentSecurityPolicy(nonce: string, development: boolean) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The development server live-reloads over a websocket on another port.
    development ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
  return directives.join("; ");
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const development = process.env.NODE_ENV === "development";
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, development));

  // Pages stream nothing late (no deferred data), so the whole document is rendered first and
  // sent as one body: React's many small chunks would otherwise become many socket writes.
  let abortTimer: ReturnType<typeof setTimeout> | undefined;
  const page = new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          const chunks: Buffer[] = [];
          const sink = new PassThrough();
          sink.on("data", (chunk: Buffer) => chunks.push(chunk));
          sink.on("end", () => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
          });
          sink.on("error", reject);
          pipe(sink);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it, the error boundary renders them.
          if (shellRendered) console.error(error);
        },
      },
    );
    abortTimer = setTimeout(abort, streamTimeout + 1000);
  });
  // Cleared when the page is done, however it ends: a pending timer would keep the whole render alive.
  return page.finally(() => clearTimeout(abortTimer));
}
