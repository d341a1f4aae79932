// @ts-check
/**
 * The HTTP server: static files, the request checks of ./security.js, and the Remix app.
 * `npm run serve` runs the production build; `npm run dev` runs it under `remix dev --manual`,
 * reloading the build after each rebuild instead of restarting (the embedded database stays open).
 */
import { randomBytes } from "node:crypto";
import { watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import express from "express";
import { SECURITY_HEADERS, clientAddress, isCrossOriginWrite } from "./security.js";

const mode = process.env.NODE_ENV === "development" ? "development" : "production";
const port = Number(process.env.PORT || 3000);
const trustProxy = process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true";
const buildPath = path.resolve("build", "index.js");

/** @returns {Promise<import("@remix-run/node").ServerBuild & { entry: { module: { startup(): Promise<void>, shutdown(): Promise<void> } } }>} */
async function importBuild() {
  // A query string makes Node load the rebuilt file instead of its cached module.
  return import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`);
}

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

const app = express();
app.disable("x-powered-by");
if (trustProxy) app.set("trust proxy", true);

app.use((request, response, next) => {
  response.set(SECURITY_HEADERS);
  response.locals.cspNonce = randomBytes(16).toString("base64");
  if (isCrossOriginWrite(request, { trustProxy })) {
    response.status(403).type("text/plain; charset=utf-8").send("Forespørgslen kom fra et andet websted og er afvist.");
    return;
  }
  next();
});

// Fingerprinted assets never change. (public/ holds nothing else, so no other path is looked
// up on disk: a page request costs no file-system call.)
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));

app.all(
  "*",
  createRequestHandler({
    build: () => build,
    mode,
    getLoadContext: (request, response) => ({
      cspNonce: response.locals.cspNonce,
      clientAddress: clientAddress(request, { trustProxy }),
    }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Sagslab kører på http://localhost:${port} (${mode})`);
  if (mode === "development") void broadcastDevReady(build);
});

if (mode === "development") {
  let timer;
  watch(path.dirname(buildPath), () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        build = await importBuild();
        await build.entry.module.startup();
        await broadcastDevReady(build);
      } catch (error) {
        console.error(error);
      }
    }, 100);
  });
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close();
  server.closeAllConnections();
  try {
    await build.entry.module.shutdown();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
