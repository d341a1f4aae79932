import type { LoaderFunctionArgs } from "@remix-run/node";
import { liveContentResponse } from "~/authoring/live.server";
import { requireUser } from "~/auth/auth.server";

/** Server-sent events: the content version, again each time an author saves a file (development). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  return liveContentResponse(request.signal);
}
