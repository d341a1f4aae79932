/**
 * Wraps every route's loader and action (server/index.js applies it to the build once) so that
 * failures no request caused get an answer a person can use:
 * - the database unreachable (PostgreSQL restarting, stopped, the network gone): 503 with
 *   Retry-After and a Danish message, on the route's own error page; one log line per outage,
 *   not one stack per request. The pool connects again by itself once the server is back.
 * - an unexpected error in a resource route (no page of its own): a Danish 500 rather than
 *   Remix's English "Unexpected Server Error", logged with its stack.
 */
import type { ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable, OUTAGE_MESSAGE, OUTAGE_RETRY_AFTER_SECONDS } from "~/db/outage";

type Routes = ServerBuild["routes"];
type Module = Routes[string]["module"];
type Handler = NonNullable<Module["loader"]>;

export const UNEXPECTED_ERROR_MESSAGE =
  "Der skete en uventet fejl. Prøv igen om lidt. Sker det igen, så kontakt din administrator.";

const text = (message: string, status: number, headers: Record<string, string> = {}) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });

export function outageResponse(): Response {
  return text(OUTAGE_MESSAGE, 503, { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) });
}

let lastOutageLog = 0;
function logOutage(error: unknown) {
  const now = Date.now();
  if (now - lastOutageLog < 10_000) return;
  lastOutageLog = now;
  const reason = error instanceof Error ? error.message || error.name : String(error);
  console.error(`PostgreSQL kan ikke nås; siderne svarer 503, indtil den er tilbage (${reason}).`);
}

function guard(handler: Handler, options: { resourceRoute: boolean }): Handler {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof Response) throw error;
      if (isDatabaseUnavailable(error)) {
        logOutage(error);
        throw outageResponse();
      }
      if (!options.resourceRoute) throw error;
      if (!args.request.signal.aborted) console.error(error);
      throw text(UNEXPECTED_ERROR_MESSAGE, 500);
    }
  };
}

export function guardRoutes(routes: Routes): Routes {
  return Object.fromEntries(
    Object.entries(routes).map(([id, route]) => {
      const resourceRoute = route.module.default === undefined;
      const { loader, action } = route.module;
      const module: Module = {
        ...route.module,
        loader: loader && guard(loader, { resourceRoute }),
        action: action && guard(action, { resourceRoute }),
      };
      return [id, { ...route, module }];
    }),
  );
}
