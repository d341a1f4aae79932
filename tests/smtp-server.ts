/**
 * A real SMTP server for tests (the smtp-server package on a free local port). What it receives
 * is parsed with mailparser, so a test reads the subject, the text and the links as a user would.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { closeMailer } from "../app/mail/mail.server";
import { resetEnvForTests } from "../app/utils/env.server";

export interface ReceivedMail {
  to: string[];
  from: string;
  user?: string;
  mail: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first mail to `address` received from now on (or already waiting, if `since` is earlier). */
  nextMailTo(address: string, since?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

export async function startTestSmtpServer(
  credentials = { user: "sagslab", password: "hemmeligt" },
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiting: { address: string; from: number; resolve: (mail: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    // Plain SMTP on localhost: the test server has no certificate to offer.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const entry: ReceivedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            mail,
          };
          received.push(entry);
          for (const waiter of [...waiting]) {
            if (entry.to.includes(waiter.address) && received.length > waiter.from) {
              waiting.splice(waiting.indexOf(waiter), 1);
              waiter.resolve(entry);
            }
          }
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${credentials.user}:${credentials.password}@127.0.0.1:${port}`,
    received,
    nextMailTo(address, since = received.length) {
      const already = received.slice(since).find((entry) => entry.to.includes(address));
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiting.push({ address, from: since, resolve }));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const link = (mail.text ?? "").split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`No link starting with ${prefix} in:\n${mail.text}`);
  return link;
}

/**
 * Starts a test SMTP server for the whole test file and points the app's mail at it (SMTP_URL)
 * with the rest of `env` (APP_URL, MAIL_FROM); everything is undone after the file.
 */
export function useTestSmtpServer(env: Record<string, string>): { server(): TestSmtpServer } {
  let smtp: TestSmtpServer | undefined;
  const names = ["SMTP_URL", ...Object.keys(env)];
  const before = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    Object.assign(process.env, env, { SMTP_URL: smtp.url });
    resetEnvForTests();
    closeMailer();
  });
  afterAll(async () => {
    closeMailer();
    for (const name of names) {
      if (before[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = before[name];
    }
    resetEnvForTests();
    await smtp?.stop();
  });
  return {
    server() {
      if (!smtp) throw new Error("The test SMTP server starts in beforeAll");
      return smtp;
    },
  };
}
