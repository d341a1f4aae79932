/**
 * BUILD_DIR builds somewhere else than build/ and public/build/: the browser tests of the editor
 * (development only) build a development build beside the production build the other tests use.
 */
const buildDir = process.env.BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ...(buildDir && {
    serverBuildPath: `${buildDir}/server/index.js`,
    assetsBuildDirectory: `${buildDir}/public/build`,
  }),
  serverModuleFormat: "esm",
  serverPlatform: "node",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  // Content edits trigger a rebuild in `npm run dev`, which reloads the open page.
  watchPaths: ["./content/**/*.mdx", "./content/satser.yml"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    // v3_lazyRouteDiscovery stays off: with our two dozen routes the whole manifest is one small
    // cached script, whereas lazy discovery matches routes again on every page to build a partial
    // manifest (about a fifth of a lesson page's CPU time in `npm run bench`).
  },
};
