/**
 * The mail module against a real SMTP server (smtp-server, on a free local port) and against the
 * file mailbox used without SMTP_URL. What the server received is parsed back with mailparser.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMailer, listMailbox, MailNotSentError, readStoredMail } from "./mail.server";
import { invitationMail } from "./templates";

const received: { from: string; to: string[]; mail: ParsedMail; user?: string }[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    // Plain SMTP on localhost: the test server offers no TLS (it has no certificate to offer).
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "sagslab" && auth.password === "hemmeligt") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
            user: session.user as string | undefined,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const invitation = invitationMail({
  name: "Bente Æbelø",
  inviterName: "Anna Administrator",
  organisation: "Egeby Kommune",
  cohort: null,
  link: "http://localhost:3000/invitation/et-token",
  expiresAt: new Date("2026-12-08T13:05:00Z"),
  singleSignOn: null,
});

test("a mail reaches the SMTP server with sender, recipient, Danish subject and both bodies", async () => {
  const mailer = createMailer({
    smtpUrl: `smtp://sagslab:hemmeligt@127.0.0.1:${port}`,
    from: "Sagslab <sagslab@egeby.dk>",
    mailDir: "/nonexistent",
  });
  await mailer.send({ to: "bente@egeby.dk", ...invitation });
  mailer.close();
  const got = received.at(-1)!;
  expect(got.user).toBe("sagslab");
  expect(got.from).toBe("sagslab@egeby.dk");
  expect(got.to).toEqual(["bente@egeby.dk"]);
  expect(got.mail.subject).toBe("Invitation til Sagslab hos Egeby Kommune");
  expect(got.mail.text).toContain("Hej Bente Æbelø");
  expect(got.mail.text).toContain("http://localhost:3000/invitation/et-token");
  expect(got.mail.html).toContain('href="http://localhost:3000/invitation/et-token"');
});

test("a refused login at the mail server becomes a Danish error, not a crash", async () => {
  const mailer = createMailer({
    smtpUrl: `smtp://sagslab:forkert@127.0.0.1:${port}`,
    from: "sagslab@egeby.dk",
    mailDir: "/nonexistent",
  });
  const error = await mailer.send({ to: "bente@egeby.dk", ...invitation }).catch((e: unknown) => e);
  mailer.close();
  expect(error).toBeInstanceOf(MailNotSentError);
  expect((error as Error).message).toBe(
    "E-mailen kunne ikke sendes. Prøv igen om lidt, eller kontakt jeres it-afdeling.",
  );
});

test("without SMTP_URL the mail is written as .eml and listed, newest first", async () => {
  const mailDir = path.join(mkdtempSync(path.join(tmpdir(), "sagslab-mail-")), "mail");
  const mailer = createMailer({ from: "Sagslab <noreply@localhost>", mailDir });
  await mailer.send({ to: "første@egeby.dk", ...invitation });
  await mailer.send({ to: "anden@egeby.dk", ...invitation, subject: "Anden" });
  const listed = await listMailbox(mailDir);
  expect(listed.map((m) => m.to)).toEqual(["anden@egeby.dk", "første@egeby.dk"]);
  expect(await readStoredMail(listed[0]!.id, mailDir)).toMatchObject({
    subject: "Anden",
    from: "Sagslab <noreply@localhost>",
  });
  // An id that is not one of ours reads nothing (no path outside the folder).
  expect(await readStoredMail("../../etc/passwd", mailDir)).toBeNull();

  const eml = readdirSync(mailDir).find((name) => name.endsWith(".eml"))!;
  const parsed = await simpleParser(readFileSync(path.join(mailDir, eml)));
  expect(parsed.text).toContain("Hej Bente Æbelø");
  expect(await listMailbox(path.join(mailDir, "findes-ikke"))).toEqual([]);
});
