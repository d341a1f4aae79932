/**
 * The content format as data: which components exist, which attributes they take, where they
 * may stand, and the frontmatter of modules and activities. Both the compiler and the checks
 * read this, so the format is described once.
 */
import { z } from "zod";
import { isIsoDate } from "./legal-date";
import {
  ACTIVITY_TYPES,
  CALLOUT_TYPES,
  LAWS,
  PHASES,
  RESULTS,
  TOPICS,
  type ActivityType,
} from "./vocabulary";

export type AttributeSpec =
  | { kind: "string"; required: boolean }
  | { kind: "id"; required: boolean }
  | { kind: "flags"; required: boolean }
  | { kind: "boolean"; required: boolean }
  | { kind: "int"; required: boolean; min: number; max?: number }
  | { kind: "enum"; required: boolean; values: readonly string[]; what: string };

export interface ComponentSpec {
  attributes: Record<string, AttributeSpec>;
  /** Where it may stand: the name of the nearest enclosing component, or "root" for the file. */
  parents: readonly string[];
  /** Children other than whitespace are not allowed (e.g. `<Option … />`). */
  empty?: boolean;
  /** Prose directly inside is not shown anywhere, so it is an error (e.g. text inside `<Case>`). */
  noProse?: boolean;
  /** Only allowed in activity files of this type. */
  onlyIn?: ActivityType;
}

const id = (required = true): AttributeSpec => ({ kind: "id", required });
const text = (required = true): AttributeSpec => ({ kind: "string", required });
const oneOf = (values: readonly string[], what: string, required = true): AttributeSpec => ({
  kind: "enum",
  required,
  values,
  what,
});

/** Components whose children are prose a learner reads. */
const PROSE_HOLDERS = ["root", "Step", "Document", "Choice", "Outcome", "Question", "Explanation", "Callout"] as const;

export const COMPONENTS = {
  Case: {
    attributes: { start: id() },
    parents: ["root"],
    noProse: true,
    onlyIn: "case",
  },
  Step: {
    attributes: { id: id(), phase: oneOf(Object.keys(PHASES), "fase") },
    parents: ["Case"],
  },
  Document: {
    attributes: { id: id(), title: text() },
    parents: ["Step"],
  },
  Choice: {
    attributes: {
      id: id(false),
      to: id(),
      label: text(),
      points: { kind: "int", required: false, min: 0 },
      topic: oneOf(Object.keys(TOPICS), "emne"),
      sets: { kind: "flags", required: false },
      requires: { kind: "flags", required: false },
    },
    parents: ["Step"],
  },
  Outcome: {
    attributes: { id: id(), result: oneOf(Object.keys(RESULTS), "resultat") },
    parents: ["Case"],
  },
  Quiz: {
    attributes: { id: id(), passPercent: { kind: "int", required: false, min: 0, max: 100 } },
    parents: ["root"],
    noProse: true,
    onlyIn: "quiz",
  },
  Question: {
    attributes: {
      id: id(),
      topic: oneOf(Object.keys(TOPICS), "emne"),
      multiple: { kind: "boolean", required: false },
    },
    parents: ["Quiz"],
  },
  Option: {
    attributes: { id: id(), label: text(), correct: { kind: "boolean", required: false } },
    parents: ["Question"],
    empty: true,
  },
  Explanation: { attributes: {}, parents: ["Question"] },
  Evaluation: {
    attributes: { id: id() },
    parents: ["root"],
    noProse: true,
    onlyIn: "evaluation",
  },
  Likert: { attributes: { id: id(), statement: text() }, parents: ["Evaluation"], empty: true },
  FreeText: { attributes: { id: id(), label: text() }, parents: ["Evaluation"], empty: true },
  LawRef: {
    attributes: {
      law: oneOf(Object.keys(LAWS), "lov"),
      section: text(),
      subsection: text(false),
      sentence: text(false),
      number: text(false),
    },
    parents: [...PROSE_HOLDERS, "Checklist"],
    empty: true,
  },
  Sats: {
    attributes: { id: text() },
    parents: [...PROSE_HOLDERS, "Checklist"],
    empty: true,
  },
  Callout: {
    attributes: { type: oneOf(Object.keys(CALLOUT_TYPES), "type") },
    parents: PROSE_HOLDERS,
  },
  Checklist: {
    attributes: { id: id(), title: text() },
    parents: ["root", "Callout"],
  },
} as const satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof COMPONENTS;

export function isComponentName(name: string): name is ComponentName {
  return Object.prototype.hasOwnProperty.call(COMPONENTS, name);
}

/** Ids name states, URLs and database keys, so they stay plain. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const MODULE_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ACTIVITY_FILE_PATTERN = /^(\d{2})-[a-z0-9][a-z0-9-]*\.mdx$/;

const danishList = (values: readonly string[]) => values.join(", ");

const nonEmptyText = (what: string) =>
  z.string({ error: `${what} skal være en tekst` }).trim().min(1, `${what} må ikke være tom`);
const positiveMinutes = z
  .number({ error: "estimatedMinutes skal være et helt antal minutter, f.eks. 15" })
  .int("estimatedMinutes skal være et helt antal minutter")
  .positive("estimatedMinutes skal være større end 0");
const legalBasis = z.array(nonEmptyText("Hvert punkt i legalBasis"), {
  error: 'legalBasis skal være en liste, f.eks. ["SEL § 96", "FVL § 24"]',
});

const LEGAL_AS_OF_FORM = "legalAsOf skal være en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2026-12-01";

/** YAML reads an unquoted 2026-12-01 as a date and a quoted one as text: both become "2026-12-01". */
const legalAsOf = z
  .union([z.date(), z.string()], { error: LEGAL_AS_OF_FORM })
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine(isIsoDate, LEGAL_AS_OF_FORM);

export const moduleFrontmatterSchema = z.strictObject(
  {
    title: nonEmptyText("title"),
    summary: nonEmptyText("summary"),
    order: z.number({ error: "order skal være et tal" }).int("order skal være et helt tal"),
    legalBasis,
    estimatedMinutes: positiveMinutes,
    legalAsOf,
    draft: z.boolean({ error: "draft skal være true eller false" }).optional().default(false),
  },
  { error: unknownKeyMessage },
);
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;

const activityTypes = Object.keys(ACTIVITY_TYPES) as [ActivityType, ...ActivityType[]];

export const activityFrontmatterSchema = z.strictObject(
  {
    id: z
      .string({ error: "id skal være en tekst" })
      .regex(ID_PATTERN, "id må kun indeholde bogstaver (a-z), tal, bindestreg og understregning"),
    title: nonEmptyText("title"),
    type: z.enum(activityTypes, {
      error: `type skal være en af: ${danishList(activityTypes)}`,
    }),
    estimatedMinutes: positiveMinutes,
    required: z.boolean({ error: "required skal være true eller false" }).optional().default(true),
    legalBasis: legalBasis.optional().default([]),
  },
  { error: unknownKeyMessage },
);
export type ActivityFrontmatter = z.infer<typeof activityFrontmatterSchema>;

function unknownKeyMessage(issue: { code?: string; keys?: string[] }) {
  if (issue.code === "unrecognized_keys" && issue.keys) {
    return `Ukendt felt i frontmatter: ${issue.keys.join(", ")}`;
  }
  return undefined;
}
