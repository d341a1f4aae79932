/** Bumped when the shape of the compiled course changes, so an old build is rebuilt, not misread. */
export const CONTENT_FORMAT_VERSION = 3;
