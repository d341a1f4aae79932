/**
 * A prose fragment for loader data, sent once: on a page load it is registered for the server's
 * render and left out of the hydration data; in a data request (a client-side navigation) the
 * HTML is the data. See app/components/prose.tsx.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { ProseHtml } from "~/components/prose";

export function proseFragment(context: AppLoadContext | undefined, key: string, html: string): ProseHtml {
  const fragments = context?.proseFragments;
  if (!fragments) return inlineProse(key, html);
  fragments.set(key, html);
  return { key, html: null };
}

/** A fragment with its HTML in the data, wherever it is sent. */
export const inlineProse = (key: string, html: string): ProseHtml => ({ key, html });
