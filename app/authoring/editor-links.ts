/**
 * The address of the browser editor for a content file (`content/<module>/<file>.mdx`), at a line
 * if given. Client-safe: the case map and the pages that show errors link to it.
 */
export function editorHref(file: string, line?: number): string {
  // The module folder and the file name: the last two parts of the path, wherever content/ lies.
  const [moduleId = "", name = ""] = file.split("/").slice(-2);
  const base = `/forfatter/rediger/${moduleId}/${name}`;
  return line ? `${base}?linje=${line}` : base;
}
