/**
 * Reads the frontmatter of an MDX file (the YAML between the two `---` lines) and turns every
 * problem in it into a Danish message at the line and key where it is: YAML the parser cannot
 * read (with what to do, e.g. quotes around a title with a colon), and fields the schema refuses
 * (a missing field, a wrong value, an unknown field with "Mente du …?"). When the YAML cannot be
 * read as a whole, each top-level field is read on its own, so one bad line hides neither the
 * errors of the other lines nor their values (the rest of the file is still checked with them).
 */
import yaml from "js-yaml";
import type { z } from "zod";
import type { Problem } from "./mdx-tree";
import { closest, didYouMean } from "./suggest";

export interface FrontmatterField {
  /** 1-based line of the key in the file. */
  line: number;
  /** 1-based column where the value starts (after `key: `). */
  valueColumn: number;
}

export interface Frontmatter {
  /** False when the file does not begin with a `---` line. */
  present: boolean;
  /** The fields that could be read. */
  data: Record<string, unknown>;
  fields: Map<string, FrontmatterField>;
  /** Fields written in the file whose value could not be read (their errors are already reported). */
  unreadable: Set<string>;
  problems: Problem[];
  /** The source with the frontmatter lines emptied: the same line numbers for the MDX parser. */
  body: string;
}

/** Top-level lines: `key: value` at the left margin. */
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)[ \t]*/;

/** Key names in messages that have a Danish name of their own. */
const FIELD_NAMES: Record<string, string> = { title: "titlen", summary: "resuméet" };

export function readFrontmatter(source: string): Frontmatter {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const empty = (problems: Problem[], present: boolean): Frontmatter => ({
    present,
    data: {},
    fields: new Map(),
    unreadable: new Set(),
    problems,
    body: source,
  });
  if (lines[0]?.trim() !== "---") {
    return empty([{ line: 1, column: 1, message: "Filen skal begynde med frontmatter mellem to linjer med ---." }], false);
  }
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) {
    return empty(
      [
        {
          line: 1,
          column: 1,
          message: "Frontmatter er ikke afsluttet: skriv en linje med --- efter felterne (id, title, type …), før teksten begynder.",
        },
      ],
      true,
    );
  }
  const yamlLines = lines.slice(1, close);
  const body = [...lines.slice(0, close + 1).map(() => ""), ...lines.slice(close + 1)].join("\n");

  const fields = new Map<string, FrontmatterField>();
  yamlLines.forEach((line, index) => {
    const match = KEY_LINE.exec(line);
    if (match && !fields.has(match[1]!)) fields.set(match[1]!, { line: index + 2, valueColumn: match[0].length + 1 });
  });

  try {
    const data = yaml.load(yamlLines.join("\n"));
    if (data === undefined || data === null) return { present: true, data: {}, fields, unreadable: new Set(), problems: [], body };
    if (typeof data !== "object" || Array.isArray(data)) {
      return {
        ...empty([{ line: 2, column: 1, message: "Frontmatter skal bestå af felter på formen navn: værdi, ét på hver linje." }], true),
        body,
      };
    }
    return { present: true, data: data as Record<string, unknown>, fields, unreadable: new Set(), problems: [], body };
  } catch {
    // Read again field by field, to find every error and keep every readable value.
  }
  const { data, unreadable, problems } = readFieldByField(yamlLines);
  return { present: true, data, fields, unreadable, problems, body };
}

interface Entry {
  key: string | null;
  /** 0-based index of the entry's first line among the YAML lines. */
  start: number;
  lines: string[];
}

function readFieldByField(yamlLines: string[]) {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  yamlLines.forEach((line, index) => {
    const key = KEY_LINE.exec(line)?.[1] ?? null;
    const blankOrComment = /^\s*(#.*)?$/.test(line);
    if (key !== null) entries.push({ key, start: index, lines: [line] });
    else if (/^\s/.test(line) || blankOrComment) {
      const current = entries[entries.length - 1];
      if (current) current.lines.push(line);
      else if (!blankOrComment) entries.push({ key: null, start: index, lines: [line] });
    } else entries.push({ key: null, start: index, lines: [line] });
  });

  const data: Record<string, unknown> = {};
  const unreadable = new Set<string>();
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const fileLine = entry.start + 2;
    if (entry.key === null) {
      problems.push({ line: fileLine, column: 1, message: strayLineMessage(entry.lines[0]!) });
      continue;
    }
    const first = seen.get(entry.key);
    if (first !== undefined) {
      problems.push({
        line: fileLine,
        column: 1,
        message: `Feltet ${entry.key} står to gange i frontmatter (første gang i linje ${first}). Slet den ene.`,
      });
      continue;
    }
    seen.set(entry.key, fileLine);
    try {
      const parsed = yaml.load(entry.lines.join("\n")) as Record<string, unknown>;
      data[entry.key] = parsed[entry.key];
    } catch (error) {
      unreadable.add(entry.key);
      const mark = (error as { mark?: { line: number; column: number } }).mark;
      const reason = String((error as { reason?: string }).reason ?? "");
      problems.push(translateYamlError(entry, reason, mark?.line ?? 0, mark?.column ?? 0));
    }
  }
  return { data, unreadable, problems };
}

function strayLineMessage(line: string): string {
  if (line.startsWith("\t")) return "Brug mellemrum, ikke tabulatortegn, til at rykke ind i frontmatter.";
  if (/^\s+\S/.test(line)) {
    return "Linjen er rykket ind, men den hører ikke til noget felt. Felter i frontmatter skal stå helt ude til venstre.";
  }
  if (/^-\s/.test(line)) {
    return 'En linje, der begynder med "- ", er et punkt i en liste og skal rykkes ind under sit felt, f.eks. "legalBasis:" og så "  - SEL § 96".';
  }
  if (!line.includes(":")) {
    return `Linjen "${line.trim()}" mangler et kolon. Felter i frontmatter skrives som navn: værdi, f.eks. title: Min titel.`;
  }
  return `Linjen "${line.trim()}" kan ikke læses. Felter i frontmatter skrives som navn: værdi, f.eks. title: Min titel.`;
}

const CURLY_QUOTES = /[“”„‟″]/;
const CURLY_APOSTROPHES = /[‘’‚‛]/;

/** One field's YAML error, in words an author understands, at its line and column. */
export function translateYamlError(entry: Entry, reason: string, markLine: number, markColumn: number): Problem {
  const key = entry.key ?? "";
  const fieldName = FIELD_NAMES[key] ?? "værdien";
  const firstLine = entry.lines[0]!;
  const value = firstLine.replace(KEY_LINE, "");
  const valueColumn = firstLine.length - value.length + 1;
  const at = (offset: number, column: number, message: string): Problem => ({
    line: entry.start + 2 + offset,
    column,
    message: `${message}`,
  });
  const quoted = `${key}: "${value.trim().replace(/^["'“”„]|["'“”„]$/g, "").replace(/"/g, "'")}"`;

  if (/tab characters/.test(reason)) {
    return at(markLine, 1, "Brug mellemrum, ikke tabulatortegn, til at rykke ind i frontmatter.");
  }
  if (CURLY_QUOTES.test(value[0] ?? "") || (CURLY_APOSTROPHES.test(value[0] ?? "") && !/^[‘’]\s/.test(value))) {
    return at(
      0,
      valueColumn,
      `Værdien af ${key} står i krøllede anførselstegn (som Word laver). Brug lige anførselstegn " omkring den: ${quoted}`,
    );
  }
  if (/^["']/.test(value)) {
    const quote = value[0]!;
    const closing = value.indexOf(quote, 1);
    if (closing < 0 || /unexpected end of the stream within a (double|single) quoted scalar/.test(reason)) {
      return at(0, valueColumn, `Anførselstegnet ${quote} omkring værdien af ${key} bliver ikke lukket. Sæt ${quote} også efter værdien.`);
    }
    return at(
      0,
      valueColumn + closing + 1,
      quote === '"'
        ? `Værdien af ${key} har et " inde i teksten, så teksten slutter for tidligt. Brug ' inde i teksten eller ” i stedet, f.eks. ${key}: "Jonas' sag".`
        : `Værdien af ${key} har et ' inde i teksten, så teksten slutter for tidligt. Sæt værdien i lige anførselstegn ": ${quoted}`,
    );
  }
  if (/^\[/.test(value.trim()) || entry.lines.some((line) => /^\s*\[/.test(line))) {
    if (/missed comma/.test(reason) && markLine === 0) {
      return at(0, markColumn + 1, `Der mangler et komma mellem punkterne i listen ${key}, f.eks. ["SEL § 96", "RSL § 10"].`);
    }
    if (!entry.lines.join("\n").includes("]")) {
      return at(0, valueColumn, `Listen ${key} er ikke lukket. Afslut den med ], f.eks. ["SEL § 96", "RSL § 10"].`);
    }
    return at(
      markLine,
      markColumn + 1,
      `Listen ${key} kan ikke læses. Skriv den som ["SEL § 96", "RSL § 10"]: hvert punkt i anførselstegn, adskilt af komma.`,
    );
  }
  if (/^[@`%!*&|>{]/.test(value)) {
    return at(0, valueColumn, `Værdien af ${key} begynder med ${value[0]}, som har en særlig betydning i YAML. Sæt ${fieldName} i anførselstegn: ${quoted}`);
  }
  if (markLine === 0 && /:(\s|$)/.test(value)) {
    const what = key === "title" ? "titlen" : key === "summary" ? "resuméet" : "værdien";
    return at(
      0,
      valueColumn + value.search(/:(\s|$)/),
      `Værdien af ${key} indeholder et kolon. Sæt ${what} i anførselstegn, når den indeholder kolon: ${quoted}`,
    );
  }
  if (markLine > 0) {
    const line = entry.lines[markLine] ?? "";
    if (/^\s*-\s/.test(line)) {
      return at(markLine, 1, `Punkterne i listen ${key} skal være rykket lige meget ind, f.eks. to mellemrum før hvert "- ".`);
    }
    if (KEY_LINE.test(line.trim())) {
      return at(
        markLine,
        1,
        `Linjen er rykket ind, så den læses som en del af ${key}. Felter i frontmatter skal stå helt ude til venstre.`,
      );
    }
    return at(markLine, 1, `Forkert indrykning i ${key}. Ryk linjerne lige meget ind, eller skriv værdien på én linje.`);
  }
  return at(0, valueColumn, `Værdien af ${key} kan ikke læses. Sæt den i anførselstegn: ${quoted}`);
}

/**
 * The schema's verdict on the fields that could be read, each at its key: a wrong value where
 * the value is, an unknown field with the known field it was probably meant to be.
 */
export function frontmatterSchemaProblems(frontmatter: Frontmatter, error: z.ZodError, knownKeys: string[]): Problem[] {
  const problems: Problem[] = [];
  const unknown = error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : []));
  const fieldOf = (key: string) => frontmatter.fields.get(key);
  const missingKeys = new Set(
    error.issues
      .map((issue) => String(issue.path[0] ?? ""))
      .filter((key) => key !== "" && !(key in frontmatter.data) && !frontmatter.unreadable.has(key)),
  );
  const explained = new Set<string>();
  for (const key of unknown) {
    const field = fieldOf(key);
    const suggestion = closest(key, knownKeys.filter((known) => !(known in frontmatter.data)));
    const missingToo = suggestion !== undefined && missingKeys.has(suggestion);
    if (missingToo) explained.add(suggestion);
    problems.push({
      line: field?.line ?? 1,
      column: 1,
      message:
        `Ukendt felt i frontmatter: ${key}.` +
        (suggestion ? ` Mente du ${suggestion}?${missingToo ? ` (Feltet ${suggestion} mangler.)` : ""}` : ` Tilladte felter: ${knownKeys.join(", ")}.`),
    });
  }
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") continue;
    const key = String(issue.path[0] ?? "");
    if (frontmatter.unreadable.has(key) || explained.has(key)) continue;
    if (missingKeys.has(key)) {
      problems.push({ line: 1, column: 1, message: `Feltet ${key} mangler i frontmatter.` });
      continue;
    }
    const field = fieldOf(key);
    const value = frontmatter.data[key];
    const options = "values" in issue && Array.isArray(issue.values) ? issue.values.map(String) : [];
    const hint = typeof value === "string" && options.length > 0 ? didYouMean(value, options) : "";
    problems.push({ line: field?.line ?? 1, column: field?.valueColumn ?? 1, message: `${issue.message}.${hint}`.replace(/\.\./, ".") });
  }
  return problems;
}
