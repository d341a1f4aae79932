/**
 * Amounts and thresholds (satser) kept in one place, `content/satser.yml`, and written in any
 * content file as `<Sats id="…" />`. Pure: reading the YAML text, checking each entry, the
 * Danish rendering, the check of the ids that content files use, and the warning for an entry
 * whose year has passed. The compiler reads the file and reports what this module finds.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";
import type { ComponentNode, Problem } from "./mdx-tree";

/** Where the table lives, relative to the content folder. */
export const SATSER_FILE = "satser.yml";

export interface Sats {
  id: string;
  label: string;
  amount: number;
  unit: string;
  year: number;
  source: string;
  /** Line of the entry's id in satser.yml, for the messages about it. */
  line: number;
}

export type SatserTable = ReadonlyMap<string, Sats>;

export interface ParsedSatser {
  table: SatserTable;
  problems: Problem[];
}

/** Same form as a module id: the id stands in content files and messages. */
export const SATS_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const requiredText = (field: string) =>
  z
    .string({ error: `${field} skal være en tekst` })
    .trim()
    .min(1, `${field} må ikke være tom`);

const entrySchema = z.strictObject(
  {
    label: requiredText("label"),
    amount: z
      .number({ error: "amount skal være et tal uden tusindtalsskilletegn, f.eks. 35247 eller 1105.5" })
      .finite()
      .nonnegative("amount må ikke være negativt"),
    unit: requiredText("unit"),
    year: z
      .number({ error: "year skal være et årstal, f.eks. 2026" })
      .int("year skal være et helt årstal, f.eks. 2026")
      .min(2000, "year skal være et årstal, f.eks. 2026")
      .max(2100, "year skal være et årstal, f.eks. 2026"),
    source: requiredText("source"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Ukendt felt ${issue.keys.join(", ")}. Felterne er label, amount, unit, year og source.`
        : undefined,
  },
);

const FIELDS = ["label", "amount", "unit", "year", "source"] as const;

/**
 * Reads satser.yml. Every malformed entry is a problem at its line; the well-formed ones are
 * in the table, so one bad entry does not hide the others. `null` (no file) is an empty table.
 */
export function parseSatser(text: string | null): ParsedSatser {
  const table = new Map<string, Sats>();
  const problems: Problem[] = [];
  if (text === null) return { table, problems };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (node: { range?: [number, number, number] | null } | null | undefined) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
      const duplicate = error.code === "DUPLICATE_KEY";
      problems.push({
        line,
        column,
        message: duplicate
          ? "Satsen står to gange i satser.yml. Hver sats må kun stå én gang."
          : `satser.yml kan ikke læses (YAML): ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}.`,
      });
    }
    return { table, problems };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { table, problems };
  if (!isMap(root)) {
    problems.push({
      ...at(root),
      message: "satser.yml skal bestå af satser med et id hver, f.eks. taf-maksimum: efterfulgt af felterne.",
    });
    return { table, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const position = at(keyNode);
    const id = isScalar(keyNode) ? String(keyNode.value) : "";
    if (!SATS_ID_PATTERN.test(id)) {
      problems.push({
        ...position,
        message: `Satsens id "${id}" må kun indeholde små bogstaver (a-z), tal og bindestreg, f.eks. taf-maksimum.`,
      });
      continue;
    }
    const valueNode = pair.value as YamlNode | null;
    if (!isMap(valueNode)) {
      problems.push({
        ...position,
        message: `Satsen "${id}" skal have felterne ${FIELDS.join(", ")} på hver sin linje under id'et.`,
      });
      continue;
    }
    const fieldLines = new Map<string, { line: number; column: number }>();
    for (const item of valueNode.items) {
      if (isScalar(item.key)) fieldLines.set(String(item.key.value), at(item.key as YamlNode));
    }
    const result = entrySchema.safeParse(valueNode.toJSON());
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? "");
        const missing = issue.code === "invalid_type" && field !== "" && !fieldLines.has(field);
        const unknown = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
        problems.push({
          ...((unknown && fieldLines.get(unknown)) || fieldLines.get(field) || position),
          message: missing
            ? `Satsen "${id}" mangler feltet ${field}.`
            : `Satsen "${id}": ${issue.message.replace(/\.$/, "")}.`,
        });
      }
      continue;
    }
    table.set(id, { id, ...result.data, line: position.line });
  }
  return { table, problems };
}

const danishNumber = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });

/** "35.247 kr. pr. måned (2024-niveau)" */
export function formatSats(sats: Pick<Sats, "amount" | "unit" | "year">): string {
  return `${danishNumber.format(sats.amount)} ${sats.unit} (${sats.year}-niveau)`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known id an author most likely meant: a small typo away, or one containing the other. */
export function closestSatsId(id: string, known: Iterable<string>): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    const close = distance <= Math.max(2, Math.floor(candidate.length / 4)) || candidate.includes(id) || id.includes(candidate);
    if (close && (!best || distance < best.distance)) best = { id: candidate, distance };
  }
  return best?.id;
}

/** Every `<Sats id>` in a file's component tree whose id is not in the table. */
export function checkSatsReferences(roots: ComponentNode[], table: SatserTable): Problem[] {
  const problems: Problem[] = [];
  const walk = (nodes: ComponentNode[]) => {
    for (const node of nodes) {
      if (node.name === "Sats") {
        const id = String(node.attributes.id ?? "");
        if (id !== "" && !table.has(id)) {
          const guess = closestSatsId(id, table.keys());
          problems.push({
            ...(node.attributePositions.id ?? node.position),
            message:
              `Ukendt sats "${id}" i <Sats id>: den står ikke i content/${SATSER_FILE}.` +
              (guess ? ` Mente du "${guess}"?` : " Tilføj den dér, eller ret id'et."),
          });
        }
      }
      walk(node.children);
    }
  };
  walk(roots);
  return problems;
}

/** A warning for each entry whose year is before the current one: the amount has been regulated since. */
export function outdatedSatserWarnings(table: SatserTable, currentYear: number): Problem[] {
  return [...table.values()]
    .filter((sats) => sats.year < currentYear)
    .map((sats) => ({
      line: sats.line,
      column: 1,
      severity: "warning" as const,
      message:
        `Satsen "${sats.id}" er ${sats.year}-niveau, men året er nu ${currentYear}. ` +
        `Opdatér amount og year, når ${currentYear}-satsen er kendt.`,
    }));
}
