/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// React's web-streams renderer, which entry.server uses on Node (see there why); same types as react-dom/server.
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
