/**
 * The address of the browser editor for a content file (`content/<module>/<file>.mdx`), at a line
 * if given. Client-safe: the case map and the pages that show errors link to it.
 */
export function editorHref(file: string, line?: number): string {
  const [, moduleId = "", name = ""] = /^(?:.*\/)?content\/([^/]+)\/([^/]+\.mdx)$/.exec(file) ?? [];
  const base = `/forfatter/rediger/${moduleId}/${name}`;
  return line ? `${base}?linje=${line}` : base;
}
