/**
 * The trainer's "invite participants" box: one person per line, the name and the e-mail address
 * in any of the ways people paste them ("Bente Hansen bente@egeby.dk", "Hansen, Bente;
 * bente@egeby.dk", "Bente Hansen <bente@egeby.dk>"). Pure.
 */

export const MAX_INVITEES = 50;

export interface Invitee {
  name: string;
  email: string;
}

export type InviteeList = { ok: true; invitees: Invitee[] } | { ok: false; errors: string[] };

const EMAIL = /^[^\s@<>;,]+@[^\s@<>;,]+\.[^\s@<>;,]+$/;

export function parseInviteeList(text: string): InviteeList {
  const lines = text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "");
  if (lines.length === 0) return { ok: false, errors: ["Skriv mindst én deltager: navn og e-mailadresse."] };
  if (lines.length > MAX_INVITEES) {
    return { ok: false, errors: [`Der kan højst inviteres ${MAX_INVITEES} ad gangen; listen har ${lines.length}.`] };
  }
  const errors: string[] = [];
  const invitees: Invitee[] = [];
  const seen = new Set<string>();
  for (const { line, number } of lines) {
    const words = line.split(/[\s<>;,]+/).filter(Boolean);
    const emailWord = words.find((word) => word.includes("@"));
    const email = emailWord?.toLowerCase() ?? "";
    // What is left of the line, without the brackets and separators around the address.
    const name = line
      .replace(emailWord ?? "", " ")
      .replace(/[<>;]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/\s*,$/, "");
    if (!emailWord) errors.push(`Linje ${number}: der mangler en e-mailadresse.`);
    else if (!EMAIL.test(email)) errors.push(`Linje ${number}: „${emailWord}“ er ikke en gyldig e-mailadresse.`);
    else if (!name) errors.push(`Linje ${number}: skriv deltagerens navn foran e-mailadressen.`);
    else if (seen.has(email)) errors.push(`Linje ${number}: ${email} står også tidligere i listen.`);
    else {
      seen.add(email);
      invitees.push({ name: name.slice(0, 200), email });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, invitees };
}
