/**
 * The mail module against a real SMTP server (smtp-server, on a free local port) and against the
 * file mailbox used without SMTP_URL. What the server received is parsed back with mailparser.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMailer, listMailbox, MailNotSentError, readStoredMail } from "./mail.server";
import { invitationMail } from "./templates";
import { startTestSmtpServer, type TestSmtpServer } from "../../tests/smtp-server";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp.stop());

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
    smtpUrl: smtp.url,
    from: "Sagslab <sagslab@egeby.dk>",
    mailDir: "/nonexistent",
  });
  await mailer.send({ to: "bente@egeby.dk", ...invitation });
  mailer.close();
  const got = smtp.received.at(-1)!;
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
    smtpUrl: smtp.url.replace(":hemmeligt@", ":forkert@"),
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
