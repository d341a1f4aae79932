/**
 * Prose fragments (compiled course HTML: a lesson, a case's situation) sent once per page.
 *
 * On a page load the fragment is in the markup only: the loader data for hydration carries its key
 * and `html: null`, and the server's render reads the HTML from this request's fragments (handed
 * to `<ProseProvider>` by entry.server). In the browser, hydration keeps the server's HTML: React
 * does not touch the children of an element rendered with `dangerouslySetInnerHTML`, and the empty
 * string it is hydrated with stays the same until new data comes. After a client-side navigation
 * the page's data comes from a data request, which carries the HTML itself, and the fragment is
 * replaced. docs/decisions/0018 has the why.
 */
import { createContext, useContext } from "react";

/** A fragment of prose in loader data: the HTML, or null where the document's markup carries it. */
export interface ProseHtml {
  key: string;
  html: string | null;
}

/** The HTML of this request's prose fragments by key (on the server, for a page load only). */
export type ProseFragments = Map<string, string>;

const ProseContext = createContext<ProseFragments | null>(null);
export const ProseProvider = ProseContext.Provider;

export function Prose({ prose, className = "prose", id }: { prose: ProseHtml; className?: string; id?: string }) {
  const fragments = useContext(ProseContext);
  const html = prose.html ?? fragments?.get(prose.key) ?? "";
  // The server's HTML is kept in place while hydrating with "" (see above).
  return <div className={className} id={id} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: html }} />;
}
