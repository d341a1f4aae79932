/**
 * The browser editor for content files (`/forfatter/rediger/<module>/<file>`): development only.
 * In production the course is compiled into the build, so editing a file would change nothing.
 */
export const editorEnabled = () => process.env.NODE_ENV === "development";
