/**
 * Users from a spreadsheet, as Danish Excel saves one as CSV: `;` (Excel's Danish default) or
 * `,` between fields, UTF-8 with or without BOM ("CSV UTF-8"), or Windows-1252 (plain "CSV").
 * Columns navn, e-mail, rolle, kommune and optionally hold (a join code), in any order and case.
 * Pure: `readImportFile` turns bytes into rows, `planImport` says per row what will happen, given
 * what the database already holds. Nothing here writes.
 */
import { parse } from "csv-parse/sync";
import { ROLES, type Role } from "~/auth/roles";
import { normaliseJoinCode } from "~/trainer/join-code";

export const MAX_IMPORT_ROWS = 2000;

// C0 and C1 control characters and DEL: no name or address has them, and PostgreSQL refuses NUL.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

export interface ImportRow {
  /** The line in the file (1 is the header), for messages. */
  line: number;
  name: string;
  email: string;
  role: string;
  organisation: string;
  cohortCode: string;
}

export type ImportFile = { ok: true; rows: ImportRow[]; hasCohortColumn: boolean } | { ok: false; error: string };

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise Windows-1252. */
export function decodeSpreadsheetText(bytes: Uint8Array): string {
  try {
    // `fatal` makes invalid UTF-8 throw instead of becoming "�"; the BOM is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

type Column = "name" | "email" | "role" | "organisation" | "cohortCode";

const HEADERS: Record<string, Column> = {
  navn: "name",
  name: "name",
  fuldtnavn: "name",
  email: "email",
  mail: "email",
  emailadresse: "email",
  rolle: "role",
  role: "role",
  kommune: "organisation",
  organisation: "organisation",
  hold: "cohortCode",
  holdkode: "cohortCode",
  tilmeldingskode: "cohortCode",
};

const COLUMN_LABELS: Record<Column, string> = {
  name: "navn",
  email: "e-mail",
  role: "rolle",
  organisation: "kommune",
  cohortCode: "hold",
};

const headerKey = (cell: string) => cell.toLowerCase().replace(/[\s_.-]/g, "");

/** The header line decides the delimiter, so a comma inside a name cannot. */
function delimiterOf(text: string): ";" | "," | "\t" {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const outsideQuotes = header.replace(/"[^"]*"/g, "");
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  const candidates = [";", ",", "\t"] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ";");
}

export function readImportFile(bytes: Uint8Array): ImportFile {
  const text = decodeSpreadsheetText(bytes);
  if (!text.trim()) return { ok: false, error: "Filen er tom." };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // csv-parse types the result as string[][] whatever the options; with `info` each record comes with its line.
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      error: `Filen kan ikke læses som CSV${line ? ` (linje ${line})` : ""}: tjek, at citationstegn er lukket. Gem den fra Excel som „CSV (semikolonsepareret)“ eller „CSV UTF-8“.`,
    };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, error: "Filen er tom." };
  const positions = new Map<Column, number>();
  header.record.forEach((cell, index) => {
    const column = HEADERS[headerKey(cell)];
    if (column && !positions.has(column)) positions.set(column, index);
  });
  const missing = (["name", "email", "role", "organisation"] as const).filter((c) => !positions.has(c));
  if (missing.length) {
    const names = missing.map((c) => `„${COLUMN_LABELS[c]}“`);
    return {
      ok: false,
      error: `Filen mangler ${missing.length === 1 ? "kolonnen" : "kolonnerne"} ${names.join(", ")}. Første linje skal være overskrifterne navn, e-mail, rolle, kommune og eventuelt hold.`,
    };
  }
  const nonEmpty = body.filter(({ record }) => record.some((cell) => cell !== ""));
  if (nonEmpty.length === 0) return { ok: false, error: "Filen har overskrifter, men ingen brugere." };
  if (nonEmpty.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      error: `Filen har ${nonEmpty.length} rækker; der kan højst importeres ${MAX_IMPORT_ROWS} ad gangen. Del den op.`,
    };
  }
  const cell = (record: string[], column: Column) => {
    const index = positions.get(column);
    return index === undefined ? "" : (record[index] ?? "").replace(CONTROL_CHARACTERS, "").trim();
  };
  return {
    ok: true,
    hasCohortColumn: positions.has("cohortCode"),
    rows: nonEmpty.map(({ record, info }) => ({
      line: info.lines,
      name: cell(record, "name"),
      email: cell(record, "email"),
      role: cell(record, "role"),
      organisation: cell(record, "organisation"),
      cohortCode: cell(record, "cohortCode"),
    })),
  };
}

/** The Danish role names the list shows (sagsbehandler, underviser, …), the English keys, and a few synonyms. */
const ROLE_WORDS: Record<string, Role> = {
  ...Object.fromEntries(Object.entries(ROLES).map(([role, label]) => [label.toLowerCase(), role as Role])),
  ...Object.fromEntries(Object.keys(ROLES).map((role) => [role, role as Role])),
  deltager: "learner",
  kursist: "learner",
  admin: "admin",
};

export function roleFromCell(value: string): Role | null {
  if (value.trim() === "") return "learner";
  return ROLE_WORDS[value.trim().toLowerCase()] ?? null;
}

/** Kommune names compare without case and surrounding spaces, as the database's unique index does. */
export const foldName = (name: string) => name.trim().toLowerCase();

export interface ImportLookups {
  /** Existing accounts by (normalised) e-mail. */
  users: Map<string, { id: string; name: string; cohortIds: Set<string> }>;
  /** Kommuner by folded name. */
  organisations: Map<string, { id: string; name: string }>;
  /** Cohorts by normalised join code. */
  cohorts: Map<string, { id: string; name: string; expired: boolean }>;
}

export type PlannedRow = ImportRow &
  (
    | {
        status: "create";
        role: Role;
        organisationId: string;
        organisationName: string;
        cohort: { id: string; name: string } | null;
      }
    | {
        status: "exists";
        userId: string;
        existingName: string;
        /** The cohort the existing user will join, or null when there is none or they are on it. */
        cohort: { id: string; name: string } | null;
      }
    | { status: "error"; errors: string[] }
  );

export interface ImportPlan {
  rows: PlannedRow[];
  counts: { create: number; exists: number; error: number };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function planImport(rows: ImportRow[], lookups: ImportLookups): ImportPlan {
  const seen = new Map<string, number>();
  const planned = rows.map((row): PlannedRow => {
    const errors: string[] = [];
    const email = row.email.toLowerCase();
    if (!row.name) errors.push("Navnet mangler.");
    else if (row.name.length > 200) errors.push("Navnet er for langt (højst 200 tegn).");
    if (!email) errors.push("E-mailadressen mangler.");
    else if (!EMAIL.test(email) || email.length > 320) errors.push(`„${row.email}“ er ikke en gyldig e-mailadresse.`);
    else if (seen.has(email)) errors.push(`E-mailadressen står også i linje ${seen.get(email)}.`);
    if (email && !seen.has(email)) seen.set(email, row.line);
    const role = roleFromCell(row.role);
    if (!role) {
      errors.push(
        `Rollen „${row.role}“ findes ikke. Skriv en af: ${Object.values(ROLES)
          .map((label) => label.toLowerCase())
          .join(", ")}.`,
      );
    }
    const organisation = row.organisation ? lookups.organisations.get(foldName(row.organisation)) : undefined;
    if (!row.organisation) errors.push("Kommunen mangler.");
    else if (!organisation) {
      errors.push(`Kommunen „${row.organisation}“ findes ikke. Opret den under Administration, eller ret stavningen.`);
    }
    let cohort: { id: string; name: string } | null = null;
    if (row.cohortCode) {
      const found = lookups.cohorts.get(normaliseJoinCode(row.cohortCode));
      if (!found) errors.push(`Der findes intet hold med koden „${row.cohortCode}“.`);
      else if (found.expired) errors.push(`Holdet „${found.name}“ er afsluttet.`);
      else cohort = { id: found.id, name: found.name };
    }
    if (errors.length) return { ...row, status: "error", errors };
    const existing = lookups.users.get(email);
    if (existing) {
      return {
        ...row,
        email,
        status: "exists",
        userId: existing.id,
        existingName: existing.name,
        cohort: cohort && !existing.cohortIds.has(cohort.id) ? cohort : null,
      };
    }
    return {
      ...row,
      email,
      status: "create",
      role: role!,
      organisationId: organisation!.id,
      organisationName: organisation!.name,
      cohort,
    };
  });
  const counts = { create: 0, exists: 0, error: 0 };
  for (const row of planned) counts[row.status] += 1;
  return { rows: planned, counts };
}
