/**
 * The page's loader data for hydration, as one inline script inside <body>.
 *
 * Remix's single fetch writes this data through a Suspense boundary that it renders after the
 * whole document, so React 18 emits it after `</html>` ("Stray start tag script" in the W3C
 * checker). entry.server reads the data first and hands it here; root renders this right after
 * <Scripts>, which creates the stream controller the script feeds. In the browser the element is
 * only hydrated, never re-run, so it renders an empty script there.
 */
import { createContext, useContext } from "react";
import { useNonce } from "./nonce";

const RouteDataContext = createContext<string | null>(null);
export const RouteDataProvider = RouteDataContext.Provider;

// What Remix's own markup escaping does: the data may not close the script or break the line.
const ESCAPES: Record<string, string> = {
  "&": "\\u0026",
  ">": "\\u003e",
  "<": "\\u003c",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
const escapeForScript = (json: string) => json.replace(/[&><\u2028\u2029]/g, (match) => ESCAPES[match]!);

/** The script text that hands `data` (turbo-stream text) to the browser's Remix runtime. */
export function routeDataScript(data: string): string {
  const controller = "window.__remixContext.streamController";
  return `${controller}.enqueue(${escapeForScript(JSON.stringify(data))});${controller}.close();`;
}

export function RouteDataScript() {
  const nonce = useNonce();
  const data = useContext(RouteDataContext);
  return (
    <script
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: data === null ? " " : routeDataScript(data) }}
    />
  );
}
