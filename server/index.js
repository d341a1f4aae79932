// @ts-check
/**
 * The HTTP server: compression, the request checks of ./security.js, the form bodies of
 * ./body.js, static files, and the Remix app. `npm run serve` runs the production build;
 * `npm run dev` runs it under `remix dev --manual`, reloading the build after each rebuild
 * instead of restarting (the embedded database stays open).
 */
import { randomBytes } from "node:crypto";
import { readFileSync, watch } from "node:fs";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import onHeaders from "on-headers";
import { BodyError, isUpload, readFormBody, readUploadBody } from "./body.js";
import { DANISH_STATUS_TEXT, SECURITY_HEADERS, isCrossOriginWrite } from "./security.js";

const mode = process.env.NODE_ENV === "development" ? "development" : "production";
const port = Number(process.env.PORT || 3000);
// BUILD_DIR: a build made elsewhere (remix.config.js), e.g. the development build of the editor's tests.
const buildDir = process.env.BUILD_DIR;
const buildPath = buildDir ? path.resolve(buildDir, "server", "index.js") : path.resolve("build", "index.js");
const assetsDir = buildDir ? path.resolve(buildDir, "public", "build") : "public/build";
/** How long a stopping server lets requests in flight finish. */
const DRAIN_MILLISECONDS = 10_000;
/** How long an idle keep-alive connection stays open (a proxy in front must give up sooner). */
const KEEP_ALIVE_MILLISECONDS = 5_000;

/**
 * @typedef {{
 *   startup(): Promise<void>,
 *   shutdown(): Promise<void>,
 *   documentBody(response: Response): Buffer | null,
 *   serverSettings(): { trustProxy: boolean | number | string[], hsts: boolean },
 *   guardRoutes(routes: import("@remix-run/node").ServerBuild["routes"]): import("@remix-run/node").ServerBuild["routes"],
 * }} EntryModule
 * @typedef {import("@remix-run/node").ServerBuild & { entry: { module: EntryModule } }} Build
 */

/** @returns {Promise<Build>} */
async function importBuild() {
  // A query string makes Node load the rebuilt file instead of its cached module.
  /** @type {Build} */
  const imported = await import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`);
  // Every loader and action answers 503 while the database is unreachable (app/entry.server.tsx).
  return { ...imported, routes: imported.entry.module.guardRoutes(imported.routes) };
}

/** @type {Build} */
let build;
try {
  build = await importBuild();
  await build.entry.module.startup();
} catch (error) {
  console.error(
    error instanceof Error && error.name !== "Error" && !error.stack?.includes("node_modules") ? error.message : error,
  );
  if (/** @type {NodeJS.ErrnoException} */ (error).code === "ERR_MODULE_NOT_FOUND") {
    console.error(`Serverens build mangler (${buildPath}). Kør "npm run build" først.`);
  }
  process.exit(1);
}

const settings = build.entry.module.serverSettings();
let stopping = false;

const app = express();
app.disable("x-powered-by");
// A number of proxy hops or a list of proxy addresses (TRUST_PROXY): req.ip is then the address
// the nearest untrusted hop reported, never one a client wrote into X-Forwarded-For itself.
app.set("trust proxy", settings.trustProxy);

// Brotli or gzip, whichever the client prefers; the author pages' live stream stays uncompressed
// (compression would hold its events back).
app.use(
  compression({
    filter: (request, response) =>
      !String(response.getHeader("Content-Type") ?? "").startsWith("text/event-stream") &&
      compression.filter(request, response),
  }),
);

app.use((request, response, next) => {
  response.set(SECURITY_HEADERS);
  if (settings.hsts) response.set("Strict-Transport-Security", "max-age=31536000");
  response.locals.cspNonce = randomBytes(16).toString("base64");
  onHeaders(response, () => {
    // Nothing the app renders may be kept by a browser or a shared cache unless it says so.
    if (!response.getHeader("Cache-Control")) response.setHeader("Cache-Control", "private, no-store");
    if (response.statusCode === 503 && !response.getHeader("Retry-After")) response.setHeader("Retry-After", "5");
    if (stopping) response.setHeader("Connection", "close");
  });
  if (isCrossOriginWrite(request, { trustProxy: settings.trustProxy !== false })) {
    sendText(response, 403, "Forespørgslen kom fra et andet websted og er afvist.");
    return;
  }
  next();
});

// Fingerprinted assets never change. (public/ holds nothing else, so no other path is looked
// up on disk: a page request costs no file-system call.)
app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y" }));
// Browsers ask for /favicon.ico on every site; one small file, kept in memory.
const favicon = readFileSync(new URL("favicon.ico", import.meta.url));
app.get("/favicon.ico", (_request, response) => {
  response.set("Cache-Control", "public, max-age=86400").type("image/x-icon").send(favicon);
});

// Every state-changing request is a form post of at most 1 MB: read and cleaned here.
app.use(async (request, response, next) => {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return next();
  try {
    response.locals.formBody = isUpload(request.path, request)
      ? await readUploadBody(request)
      : await readFormBody(request);
    next();
  } catch (error) {
    if (!(error instanceof BodyError)) return next(error);
    // A body we stopped reading would otherwise keep arriving on this connection.
    if (error.status === 413) response.setHeader("Connection", "close");
    sendText(response, error.status, error.message);
  }
});

// Made once per build: given a function, Remix would derive its routes and static handler again
// on every request (development replaces it after each rebuild).
let handleRemixRequest = createRequestHandler(build, mode);
app.all("*", async (request, response, next) => {
  try {
    const remixResponse = await handleRemixRequest(remixRequest(request, response), {
      cspNonce: response.locals.cspNonce,
      clientAddress: request.ip ?? request.socket.remoteAddress ?? "unknown",
      // A page load (not a single-fetch data request) renders its prose from here, once.
      proseFragments: request.path.endsWith(".data") ? undefined : new Map(),
    });
    response.status(remixResponse.status);
    for (const [name, value] of remixResponse.headers) response.append(name, value);
    if (remixResponse.headers.get("Content-Type")?.startsWith("text/event-stream")) response.flushHeaders();
    if (!remixResponse.body) response.end();
    // A whole document (its length known): one write, headers and body together.
    else if (remixResponse.headers.has("Content-Length"))
      response.end(build.entry.module.documentBody(remixResponse) ?? Buffer.from(await remixResponse.arrayBuffer()));
    else await writeReadableStreamToWritable(remixResponse.body, response);
  } catch (error) {
    next(error);
  }
});

/**
 * The Fetch API request Remix handles, with the form body read (and cleaned) above. Like
 * @remix-run/express's own, it is aborted when the client goes away before the answer is sent.
 * @param {import("express").Request} request
 * @param {import("express").Response} response
 */
function remixRequest(request, response) {
  // req.protocol follows X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY).
  const url = new URL(request.originalUrl, `${request.protocol}://${request.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === "content-length" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const controller = new AbortController();
  let answered = false;
  response.on("finish", () => (answered = true));
  response.on("close", () => answered || controller.abort());
  /** @type {string | Buffer | undefined} */
  const body = response.locals.formBody;
  return new Request(url, { method: request.method, headers, body, signal: controller.signal });
}

// What Express itself refuses (an address it cannot decode, say) or an error outside Remix:
// a Danish text, and a log line only for what is our fault.
app.use(
  /** @type {import("express").ErrorRequestHandler} */
  (error, _request, response, _next) => {
    const status = Number(error?.status ?? error?.statusCode) || 500;
    if (status >= 500) console.error(error);
    if (response.headersSent) return void response.destroy();
    sendText(
      response,
      status >= 400 && status < 600 ? status : 500,
      DANISH_STATUS_TEXT[status] ?? DANISH_STATUS_TEXT[500],
    );
  },
);

/**
 * @param {import("express").Response} response
 * @param {number} status
 * @param {string} message
 */
function sendText(response, status, message) {
  response.status(status).type("text/plain; charset=utf-8").send(message);
}

const server = app.listen(port, () => {
  const address = server.address();
  const listening = typeof address === "object" && address ? address.port : port;
  console.log(`Sagslab kører på http://localhost:${listening} (${mode})`);
  if (mode === "development") announceDevReady();
});
server.keepAliveTimeout = KEEP_ALIVE_MILLISECONDS;
server.on("error", (error) => {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  if (code === "EADDRINUSE") console.error(`Porten ${port} bruges allerede af en anden proces (PORT=${port}).`);
  else console.error(error);
  process.exit(1);
});

/** Tells `remix dev` the build is live; without it (the server started on its own in development mode) there is no one to tell. */
function announceDevReady() {
  if (!process.env.REMIX_DEV_ORIGIN) return;
  broadcastDevReady(build).catch((error) => console.error(error));
}

if (mode === "development") {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  watch(path.dirname(buildPath), () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        build = await importBuild();
        handleRemixRequest = createRequestHandler(build, mode);
        await build.entry.module.startup();
        announceDevReady();
      } catch (error) {
        console.error(error);
      }
    }, 100);
  });
}

/**
 * SIGTERM (a rolling restart, `docker stop`): stop accepting connections, let requests in flight
 * finish for up to DRAIN_MILLISECONDS (their responses close the connection), then close the
 * database and exit.
 *
 * Idle keep-alive connections are not cut at once (http.Server#close would): a proxy may be
 * writing a request on one at that very moment, and a form post it has sent it cannot retry
 * on another replica. Requests that still arrive on them are answered (with Connection: close);
 * the proxy closes the idle ones itself (deploy/nginx.conf: keepalive_timeout below Node's
 * KEEP_ALIVE_MILLISECONDS), and whatever is left goes at the deadline.
 */
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log("Sagslab stopper: ingen nye forespørgsler, de igangværende gøres færdige.");
  const drained = new Promise((resolve) => net.Server.prototype.close.call(server, resolve));
  const deadline = new Promise((resolve) => setTimeout(resolve, DRAIN_MILLISECONDS).unref());
  await Promise.race([drained, deadline]);
  server.closeAllConnections();
  try {
    await build.entry.module.shutdown();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
