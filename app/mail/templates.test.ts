import { expect, test } from "vitest";
import { formatMailDate, invitationMail, passwordResetMail, splitLinks } from "./templates";

const expiresAt = new Date("2026-12-08T13:05:00Z");

test("an invitation names the kommune, the cohort, the inviter and when the link stops working", () => {
  const mail = invitationMail({
    name: "Bente Hansen",
    inviterName: "Ulla Underviser",
    organisation: "Egeby Kommune",
    cohort: "Hold A – foråret",
    link: "https://sagslab.egeby.dk/invitation/abc",
    expiresAt,
    singleSignOn: null,
  });
  expect(mail.subject).toBe("Invitation til holdet „Hold A – foråret“ i Sagslab");
  expect(mail.text).toContain("Hej Bente Hansen");
  expect(mail.text).toContain("Ulla Underviser har inviteret dig til Sagslab hos Egeby Kommune");
  expect(mail.text).toContain("https://sagslab.egeby.dk/invitation/abc");
  expect(mail.text).toContain("Linket virker til 8. december 2026 kl. 14.05");
  expect(mail.text).toMatch(/Venlig hilsen\nSagslab hos Egeby Kommune$/);
  expect(mail.html).toContain('<html lang="da">');
  expect(mail.html).toContain('href="https://sagslab.egeby.dk/invitation/abc"');
  expect(mail.html).toContain("Sagslab hos Egeby Kommune");
});

test("the HTML escapes every value, so a name cannot inject markup into the mail", () => {
  const mail = invitationMail({
    name: '<img src=x onerror="alert(1)">',
    inviterName: null,
    organisation: "A & B Kommune",
    cohort: null,
    link: 'https://x.dk/"><script>',
    expiresAt,
    singleSignOn: "Log ind med Egeby AD",
  });
  expect(mail.html).not.toContain("<img");
  expect(mail.html).not.toContain("<script>");
  expect(mail.html).toContain("A &#38; B Kommune");
  expect(mail.text).toContain("„Log ind med Egeby AD“");
  expect(mail.subject).toBe("Invitation til Sagslab hos A & B Kommune");
});

test("a password reset says it lasts an hour, is single-use and ends other sessions", () => {
  const mail = passwordResetMail({
    name: "Sara",
    organisation: null,
    link: "http://localhost:3000/nulstil/t",
    expiresAt,
  });
  expect(mail.subject).toBe("Vælg en ny adgangskode til Sagslab");
  expect(mail.text).toContain("din konto i Sagslab.");
  expect(mail.text).toContain("(1 time) og kan kun bruges én gang");
  expect(mail.text).toContain("logget ud alle andre steder");
  expect(mail.text).toContain("Din adgangskode er ikke ændret.");
});

test("dates are Danish time, also in summer", () => {
  expect(formatMailDate(new Date("2026-07-01T06:00:00Z"))).toBe("1. juli 2026 kl. 08.00");
});

test("the links of a mail's text are found for the mailbox page", () => {
  expect(splitLinks("Åbn:\nhttp://localhost:3000/invitation/abc\n\nHilsen")).toEqual([
    { text: "Åbn:\n", link: false },
    { text: "http://localhost:3000/invitation/abc", link: true },
    { text: "\n\nHilsen", link: false },
  ]);
});
