/**
 * The MDX parser's syntax errors in words an author understands, at the line where the mistake
 * is — and the rest of the file still read: after each error the source is repaired in the
 * simplest way that keeps every line where it was (a curly quote made straight, an unclosed tag
 * closed, a stray `<` blanked) and parsed again, so one mistake hides neither the next one nor the
 * rules that check the components. Pure: the parser is passed in.
 */
import type { Problem } from "./mdx-tree";

export interface SyntaxError {
  reason: string;
  line: number | null;
  column: number | null;
  ruleId?: string;
}

export interface Translated {
  problem: Problem;
  /** The source with this mistake repaired (same number of lines), or null if it cannot be. */
  repaired: string | null;
}

const CURLY = "“”„‟″‘’‚‛";
const isCurly = (char: string | undefined) => char !== undefined && CURLY.includes(char);

/** "(3:1-3:21)" in a reason: the place of the tag it is about. */
const placeIn = (reason: string) => {
  const match = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : null;
};

const replaceLine = (lines: string[], index: number, line: string) =>
  lines.map((existing, i) => (i === index ? line : existing)).join("\n");

/** Blanks `length` characters from `column` (1-based) on a line, keeping every column after it in place. */
const blank = (line: string, column: number, length: number) =>
  line.slice(0, column - 1) + " ".repeat(Math.max(0, Math.min(length, line.length - column + 1))) + line.slice(column - 1 + length);

/** The attribute whose value starts at `column`: `label=` just before it. */
function attributeBefore(line: string, column: number): string | null {
  return /([A-Za-z_$][\w$-]*)\s*=\s*$/.exec(line.slice(0, column - 1))?.[1] ?? null;
}

/** The name of the tag that starts before `column` on the line: `<Choice` → "Choice". */
function tagBefore(line: string, column: number): string | null {
  const before = line.slice(0, column - 1);
  const open = before.lastIndexOf("<");
  return open < 0 ? null : (/^<\/?([A-Za-z][\w.]*)/.exec(before.slice(open))?.[1] ?? null);
}

export function translateMdxError(error: SyntaxError, source: string): Translated {
  const lines = source.split("\n");
  const { reason } = error;
  const line = error.line ?? placeIn(reason)?.line ?? 1;
  const column = error.column ?? placeIn(reason)?.column ?? 1;
  const text = lines[line - 1] ?? "";
  const at = (message: string, repaired: string | null, where = { line, column }): Translated => ({
    problem: { ...where, message },
    repaired,
  });
  const char = /^Unexpected character `(.)`/u.exec(reason)?.[1];

  // A tag that is never closed, or closed after another one was opened inside it.
  const unclosed = /^Expected a closing tag for `<([^>]*)>` \((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  const mismatch = /^Unexpected closing tag `<\/([^>]*)>`, expected corresponding closing tag for `<([^>]*)>` \((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  if (unclosed || mismatch) {
    const name = unclosed ? unclosed[1]! : mismatch![2]!;
    const openLine = Number(unclosed ? unclosed[2] : mismatch![3]);
    const openColumn = Number(unclosed ? unclosed[3] : mismatch![4]);
    const inline = /before the end of `(paragraph|heading|tableCell|emphasis|strong|link)`/.test(reason);
    const message = mismatch
      ? `<${name}> i linje ${openLine} er ikke lukket, før </${mismatch[1]}> i linje ${line}. Skriv </${name}>, hvor indholdet af <${name}> slutter.`
      : inline
        ? `<${name}> er ikke lukket i samme afsnit. Skriv <${name} … /> (med / til sidst), når den ikke har indhold, eller luk den med </${name}> i samme afsnit.`
        : `<${name}> er ikke lukket. Skriv </${name}>, hvor indholdet af <${name}> slutter, eller <${name} … /> (med / til sidst), hvis den ikke har indhold.`;
    return at(message, closeTag(lines, name, openLine, openColumn, mismatch ? line : null), {
      line: openLine,
      column: openColumn,
    });
  }

  if (/^Unexpected closing (tag `<\/|slash `\/` in tag, expected an open tag first)/.test(reason)) {
    const start = text.lastIndexOf("<", column - 1) >= 0 ? text.lastIndexOf("<", column - 1) + 1 : column;
    const name = /`<\/([^>]*)>`/.exec(reason)?.[1] ?? /^<\/\s*([A-Za-z][\w.]*)/.exec(text.slice(start - 1))?.[1] ?? "";
    const end = text.indexOf(">", start);
    return at(
      `Afsluttende </${name}> uden et <${name}> før den. Slet den, eller skriv <${name} …> der, hvor indholdet begynder.`,
      replaceLine(lines, line - 1, blank(text, start, (end < 0 ? text.length : end + 1) - start + 1)),
      { line, column: start },
    );
  }

  if (/before attribute value/.test(reason) && char !== undefined) {
    const attribute = attributeBefore(text, column) ?? "attributten";
    if (isCurly(char)) {
      const straight = text.replace(/=(\s*)[“”„‟″]([^“”„‟″"]*)[“”„‟″]/g, '=$1"$2"').replace(/=(\s*)[‘’‚‛]([^‘’‚‛']*)[‘’‚‛]/g, "=$1'$2'");
      return at(
        `Brug lige anførselstegn " i attributter, ikke krøllede ${char} (som Word laver): skriv ${attribute}="…".`,
        straight === text ? null : replaceLine(lines, line - 1, straight),
      );
    }
    const bare = /^[^\s>/]+/.exec(text.slice(column - 1))?.[0] ?? "";
    const numeric = /^-?\d+(\.\d+)?$/.test(bare);
    return at(
      numeric
        ? `Tal i attributter skrives i krøllede parenteser: ${attribute}={${bare}}.`
        : `Værdien af ${attribute} skal stå i anførselstegn: ${attribute}="${bare || "…"}".`,
      bare ? replaceLine(lines, line - 1, text.slice(0, column - 1) + (numeric ? `{${bare}}` : `"${bare}"`).padEnd(bare.length) + text.slice(column - 1 + bare.length)) : null,
    );
  }

  if (/before name/.test(reason) && char === "!") {
    const end = text.indexOf("-->", column);
    return at(
      "HTML-kommentarer <!-- … --> kan ikke bruges i indholdet. Slet kommentaren.",
      replaceLine(lines, line - 1, blank(text, column - 1, end < 0 ? text.length : end + 4 - column + 1)),
      { line, column: column - 1 },
    );
  }

  if (/before name/.test(reason)) {
    return at(
      "Tegnet < starter et komponent-tag. Skriv „under“ eller „mindre end“ i stedet for <, eller ret tagget.",
      replaceLine(lines, line - 1, blank(text, column - 1, 1)),
      { line, column: column - 1 },
    );
  }

  if (error.ruleId?.includes("expression") || /expression|brace/.test(reason)) {
    // The brace that opened it may be on an earlier line (the error is often at the end of the file).
    let braceLine = line - 1;
    let brace = text.lastIndexOf("{", column - 1);
    while (brace < 0 && braceLine > 0) brace = (lines[--braceLine] ?? "").lastIndexOf("{");
    return at(
      "Krøllede parenteser { } starter JavaScript og kan ikke bruges i teksten. Omskriv teksten uden { og }.",
      brace >= 0 ? replaceLine(lines, braceLine, blank(lines[braceLine]!, brace + 1, 1)) : null,
      brace >= 0 ? { line: braceLine + 1, column: brace + 1 } : { line, column },
    );
  }

  if (/^Unexpected end of file/.test(reason)) {
    const tag = tagBefore(text, column);
    return at(
      tag ? `Filen slutter midt i tagget <${tag}: afslut det med > eller />.` : "Filen slutter midt i et tag.",
      null,
    );
  }

  if (/lazy line/.test(reason)) {
    return at(
      "En komponent inde i en liste eller et citat skal rykkes lige så langt ind som resten af punktet. Sæt en tom linje før og efter komponenten.",
      replaceLine(lines, line - 1, ""),
    );
  }

  if (char !== undefined && /in (closing )?tag|after (attribute|name|member|local)|before attribute name|after self-closing slash/.test(reason)) {
    const tag = tagBefore(text, column) ?? "…";
    return at(
      isCurly(char)
        ? `Brug lige anførselstegn " i attributter, ikke krøllede ${char} (som Word laver).`
        : `Tagget <${tag}> kan ikke læses ved tegnet ${char}. Skriv det som <${tag} navn="værdi" …> med mellemrum mellem attributterne.`,
      replaceLine(lines, line - 1, ""),
    );
  }

  return at(`Teksten kan ikke læses her (${reason}). Tjek tags og krøllede parenteser på linjen.`, replaceLine(lines, line - 1, ""));
}

/**
 * Closes an unclosed flow tag where its content most likely ends — before the next tag of the same
 * name, or before the closing tag that did not match — on a line of its own if there is an empty
 * one, so that every line keeps its number. An inline tag (within a paragraph) becomes self-closing.
 */
function closeTag(lines: string[], name: string, openLine: number, openColumn: number, mismatchLine: number | null): string | null {
  const opening = lines[openLine - 1] ?? "";
  const tagEnd = opening.indexOf(">", openColumn - 1);
  const flow = opening.slice(0, openColumn - 1).trim() === "" && opening.slice(tagEnd + 1).trim() === "";
  if (!flow && tagEnd > 0) {
    if (opening[tagEnd - 1] === "/") return null;
    return replaceLine(lines, openLine - 1, `${opening.slice(0, tagEnd)}/${opening.slice(tagEnd)}`);
  }
  const sameName = new RegExp(`^\\s*<${name.replace(/[.$]/g, "\\$&")}[\\s>/]`);
  let end = lines.length; // the line (1-based) before which the closing tag goes
  for (let index = openLine; index < lines.length; index++) {
    if (sameName.test(lines[index]!) || (mismatchLine !== null && index + 1 === mismatchLine)) {
      end = index + 1;
      break;
    }
  }
  // The closing tag takes the place of the last empty line before that point, so the lines keep their numbers.
  for (let index = end - 2; index >= openLine; index--) {
    if (lines[index]!.trim() === "") return replaceLine(lines, index, `</${name}>`);
  }
  if (end > lines.length) return [...lines, "", `</${name}>`].join("\n");
  return replaceLine(lines, end - 1, `</${name}>${lines[end - 1]}`);
}

/**
 * Parses, and after each syntax error repairs and parses again, until the file reads or nothing
 * more can be repaired. Returns the tree of the (repaired) file and every syntax error found.
 */
export function parseWithRecovery<T>(
  source: string,
  parse: (source: string) => T,
  maxErrors = 20,
): { root: T | null; problems: Problem[]; source: string } {
  const problems: Problem[] = [];
  let current = source;
  for (let attempt = 0; attempt < maxErrors; attempt++) {
    try {
      return { root: parse(current), problems, source: current };
    } catch (thrown) {
      const error = asSyntaxError(thrown);
      if (!error) throw thrown;
      const { problem, repaired } = translateMdxError(error, current);
      if (!problems.some((p) => p.line === problem.line && p.message === problem.message)) problems.push(problem);
      if (repaired === null || repaired === current) return { root: null, problems, source: current };
      current = repaired;
    }
  }
  return { root: null, problems, source: current };
}

/** The MDX parser throws a VFileMessage: a reason and a place. */
function asSyntaxError(thrown: unknown): SyntaxError | null {
  if (!thrown || typeof thrown !== "object" || !("reason" in thrown)) return null;
  const error = thrown as { reason: unknown; line?: unknown; column?: unknown; ruleId?: unknown };
  return {
    reason: String(error.reason),
    line: typeof error.line === "number" ? error.line : null,
    column: typeof error.column === "number" ? error.column : null,
    ruleId: typeof error.ruleId === "string" ? error.ruleId : undefined,
  };
}
