import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  esbuild: { jsx: "automatic" },
  test: {
    // Pure code: next to what it tests. Database and browser tests: under tests/.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "app/**/*.test.{ts,tsx}",
            "server/**/*.test.js",
            "scripts/**/*.test.ts",
            "tests/course/**/*.test.ts",
          ],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          globalSetup: ["tests/db/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Everything that runs against the production build: Chromium tests, the HTML check, the fault tests.
          name: "browser",
          include: ["tests/browser/**/*.test.ts", "tests/fault/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          // One app server and one Chromium at a time: two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
