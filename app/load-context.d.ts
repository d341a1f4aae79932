import "@remix-run/node";
import type { ProseFragments } from "~/components/prose";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this request (server/index.js). */
    cspNonce?: string;
    /** The client's address, for slowing down password guessing. */
    clientAddress?: string;
    /**
     * Set for a page load (not for a data request): the prose fragments its loaders registered,
     * rendered into the markup and left out of the hydration data (app/components/prose.tsx).
     */
    proseFragments?: ProseFragments;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
