import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this request (server/index.js). */
    cspNonce?: string;
    /** The client's address, for slowing down password guessing. */
    clientAddress?: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
