/**
 * The e-mails Sagslab sends, in Danish, each as plain text and as HTML with the same words. Pure:
 * the caller passes the names, the link and the dates. Every value that reaches the HTML is escaped.
 */

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const danishDateTime = new Intl.DateTimeFormat("da-DK", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Copenhagen",
});

/** "8. december 2026 kl. 14.05", Danish time (built from parts: ICU versions differ in the glue). */
export function formatMailDate(date: Date): string {
  const part = Object.fromEntries(danishDateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.day}. ${part.month} ${part.year} kl. ${part.hour}.${part.minute}`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "Sagslab hos Egeby Kommune", or just "Sagslab" for an account without a kommune. */
const sender = (organisation: string | null) => (organisation ? `Sagslab hos ${organisation}` : "Sagslab");

/** One paragraph per entry; a `{ link }` entry becomes a button-like link in HTML and a bare line in text. */
type Block = string | { link: string; label: string };

function compose(subject: string, blocks: Block[], organisation: string | null): MailContent {
  const signature = `Venlig hilsen\n${sender(organisation)}`;
  const text = [...blocks.map((b) => (typeof b === "string" ? b : `${b.label}:\n${b.link}`)), signature].join("\n\n");
  const paragraphs = blocks.map((b) =>
    typeof b === "string"
      ? `<p>${escapeHtml(b)}</p>`
      : `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;padding:10px 16px;background:#0059b3;color:#ffffff;text-decoration:underline;border-radius:4px">${escapeHtml(b.label)}</a></p>\n<p style="font-size:14px">Virker knappen ikke, så kopiér adressen ind i din browser:<br>${escapeHtml(b.link)}</p>`,
  );
  const html = [
    "<!doctype html>",
    '<html lang="da">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">',
    ...paragraphs,
    `<p>Venlig hilsen<br>${escapeHtml(sender(organisation))}</p>`,
    "</body>",
    "</html>",
  ].join("\n");
  return { subject, text, html };
}

export interface InvitationMailInput {
  name: string;
  inviterName: string | null;
  organisation: string | null;
  cohort: string | null;
  link: string;
  expiresAt: Date;
  /** Single sign-on is offered beside a password, with the button's text. */
  singleSignOn: string | null;
}

export function invitationMail(input: InvitationMailInput): MailContent {
  const where = input.organisation ? ` hos ${input.organisation}` : "";
  const who = input.inviterName ? `${input.inviterName} har inviteret dig` : "Du er inviteret";
  const subject = input.cohort ? `Invitation til holdet „${input.cohort}“ i Sagslab` : `Invitation til Sagslab${where}`;
  return compose(
    subject,
    [
      `Hej ${input.name}`,
      `${who} til Sagslab${where}: e-læring i sagsbehandling på handicapområdet.${
        input.cohort ? ` Du bliver deltager på holdet „${input.cohort}“.` : ""
      }`,
      input.singleSignOn
        ? `Åbn linket for at tage imod invitationen. Du kan vælge en adgangskode eller bruge „${input.singleSignOn}“.`
        : "Åbn linket for at tage imod invitationen og vælge din adgangskode.",
      { link: input.link, label: "Tag imod invitationen" },
      `Linket virker til ${formatMailDate(input.expiresAt)} og kan kun bruges én gang.`,
      "Har du ikke ventet invitationen, kan du se bort fra denne e-mail.",
    ],
    input.organisation,
  );
}

export interface PasswordResetMailInput {
  name: string;
  organisation: string | null;
  link: string;
  expiresAt: Date;
}

export function passwordResetMail(input: PasswordResetMailInput): MailContent {
  return compose(
    "Vælg en ny adgangskode til Sagslab",
    [
      `Hej ${input.name}`,
      `Vi har fået en anmodning om en ny adgangskode til din konto i ${sender(input.organisation)}.`,
      { link: input.link, label: "Vælg en ny adgangskode" },
      `Linket virker til ${formatMailDate(input.expiresAt)} (1 time) og kan kun bruges én gang. Når du har valgt den nye adgangskode, bliver du logget ud alle andre steder.`,
      "Har du ikke bedt om en ny adgangskode, kan du se bort fra denne e-mail. Din adgangskode er ikke ændret.",
    ],
    input.organisation,
  );
}

/** A mail's text in pieces, the http(s) addresses marked, so a page can show them as links. */
export function splitLinks(text: string): { text: string; link: boolean }[] {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .filter((part) => part !== "")
    .map((part) => ({ text: part, link: /^https?:\/\//.test(part) }));
}
