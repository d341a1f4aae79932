/**
 * Outgoing e-mail with nodemailer. With SMTP_URL the mail goes to that server; without it each
 * mail is written to DATA_DIR/mail/ (an .eml file any mail program opens, and a .json file the
 * /admin/mail page lists), so invitations and password resets can be tried without a mail server.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "~/utils/env.server";
import type { MailContent } from "./templates";

export interface OutgoingMail extends MailContent {
  to: string;
}

export interface StoredMail extends OutgoingMail {
  id: string;
  from: string;
  sentAt: string;
}

/** Sending failed; the message is for the person who asked for the mail. */
export class MailNotSentError extends Error {
  constructor(cause: unknown) {
    super("E-mailen kunne ikke sendes. Prøv igen om lidt, eller kontakt jeres it-afdeling.", { cause });
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Closes the SMTP connection pool (tests and shutdown). */
  close(): void;
}

export function createMailer(options: { smtpUrl?: string; from: string; mailDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        try {
          await transport.sendMail({ ...mail, from: options.from });
        } catch (error) {
          console.error(`E-mail til ${mail.to} kunne ikke sendes: ${(error as Error).message}`);
          throw new MailNotSentError(error);
        }
      },
      close: () => transport.close(),
    };
  }
  // The same message nodemailer would send, as bytes, written to a file instead.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const sentAt = new Date();
      const id = `${sentAt.toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
      const info = await transport.sendMail({ ...mail, from: options.from });
      const stored: StoredMail = { ...mail, id, from: options.from, sentAt: sentAt.toISOString() };
      await mkdir(options.mailDir, { recursive: true });
      await writeFile(path.join(options.mailDir, `${id}.eml`), info.message as Buffer);
      await writeFile(path.join(options.mailDir, `${id}.json`), JSON.stringify(stored, null, 2));
    },
    close: () => transport.close(),
  };
}

let mailer: Mailer | null = null;

function getMailer(): Mailer {
  if (!mailer) {
    const env = getEnv();
    mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.mailFrom, mailDir: env.mailDir });
  }
  return mailer;
}

/** Sends one mail; throws MailNotSentError when the mail server refuses or cannot be reached. */
export function sendMail(mail: OutgoingMail): Promise<void> {
  return getMailer().send(mail);
}

export function closeMailer() {
  mailer?.close();
  mailer = null;
}

const MAIL_ID = /^[0-9TZ-]+-[0-9a-f]{8}$/;

/** The written mails, newest first (only the file mailbox has any). */
export async function listMailbox(mailDir = getEnv().mailDir, limit = 200): Promise<StoredMail[]> {
  const names = await readdir(mailDir).catch(() => [] as string[]);
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => MAIL_ID.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(ids.map((id) => readStoredMail(id, mailDir)));
  return mails.filter((mail): mail is StoredMail => mail !== null);
}

export async function readStoredMail(id: string, mailDir = getEnv().mailDir): Promise<StoredMail | null> {
  if (!MAIL_ID.test(id)) return null;
  try {
    return JSON.parse(await readFile(path.join(mailDir, `${id}.json`), "utf8")) as StoredMail;
  } catch {
    return null;
  }
}
