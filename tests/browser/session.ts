/** One app and one browser for a test file: the set-up every browser test shares. */
import type { Browser, Page } from "playwright-core";
import { startAppServer, type AppServer } from "./app-server";
import { DEMO_PASSWORD, launchBrowser, logInWithKeyboard } from "./browser";

export interface BrowserSession {
  app: AppServer;
  browser: Browser;
  page: Page;
}

/** Starts the app on a fresh copy of the seeded database and opens a page, signed in as `email` if given. */
export async function openSession(
  options: { email?: string; courseFile?: string; javaScriptEnabled?: boolean } = {},
): Promise<BrowserSession> {
  const app = await startAppServer({ courseFile: options.courseFile });
  const { browser, page } = await launchBrowser({ javaScriptEnabled: options.javaScriptEnabled });
  if (options.email) await logInWithKeyboard(page, app.url, options.email, DEMO_PASSWORD);
  return { app, browser, page };
}

export async function closeSession(session: Partial<BrowserSession>) {
  await session.browser?.close();
  await session.app?.stop();
}
