/**
 * The content format as data: the attribute specs of components, the reading components every
 * file may use (`<LawRef>`, `<Callout>`, `<Checklist>`), the frontmatter of modules and
 * activities, and how the components of the activity types (each in
 * `app/activities/<type>/content.ts`) are joined into one table. The compiler and the checks
 * read this, so the format is described once.
 */
import { z } from "zod";
import { isIsoDate } from "./legal-date";
import { CALLOUT_TYPES, LAWS } from "./vocabulary";

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
  /**
   * Its prose is a fragment the learner reads (a step's situation, a feedback): the renderer
   * keeps its HTML under its node number, and reading components (`<LawRef>`, `<Callout>`) may
   * stand in it.
   */
  prose?: boolean;
  /** Only allowed in files of the activity types that declare it. */
  onlyInItsTypes?: boolean;
  /** Its id must be unique across the whole course; the word for it in the message ("quiz"). */
  globalId?: string;
}

/** A component as the compiler checks it: `onlyIn` lists the types that may use it, when limited. */
export type CheckedComponentSpec = Omit<ComponentSpec, "onlyInItsTypes"> & { onlyIn?: string[] };

export const id = (required = true): AttributeSpec => ({ kind: "id", required });
export const text = (required = true): AttributeSpec => ({ kind: "string", required });
export const oneOf = (values: readonly string[], what: string, required = true): AttributeSpec => ({
  kind: "enum",
  required,
  values,
  what,
});

/**
 * The components of every activity type (in registry order) and the reading components, as one
 * table. A component that several types declare stands where any of them allows it; its
 * attributes must be the same in each.
 */
export function contentComponents(
  byType: Iterable<[type: string, components: Record<string, ComponentSpec>]>,
): Record<string, CheckedComponentSpec> {
  const joined: Record<string, CheckedComponentSpec> = {};
  for (const [type, components] of byType) {
    for (const [name, { onlyInItsTypes, ...spec }] of Object.entries(components)) {
      const known = joined[name];
      if (known && JSON.stringify(known.attributes) !== JSON.stringify(spec.attributes)) {
        throw new Error(`<${name}> is declared by two activity types with different attributes.`);
      }
      const onlyIn = onlyInItsTypes ? [...(known?.onlyIn ?? []), type] : known?.onlyIn;
      joined[name] = {
        ...spec,
        parents: [...new Set([...(known?.parents ?? []), ...spec.parents])],
        ...(onlyIn ? { onlyIn } : {}),
      };
    }
  }
  // Reading components may stand in the file and in every component whose prose is read.
  const proseHolders = ["root", ...Object.keys(joined).filter((name) => joined[name]!.prose), "Callout"];
  return {
    ...joined,
    LawRef: {
      attributes: {
        law: oneOf(Object.keys(LAWS), "lov"),
        section: text(),
        subsection: text(false),
        sentence: text(false),
        number: text(false),
      },
      parents: [...proseHolders, "Checklist"],
      empty: true,
    },
    Sats: {
      attributes: { id: text() },
      parents: [...proseHolders, "Checklist"],
      empty: true,
    },
    Callout: {
      attributes: { type: oneOf(Object.keys(CALLOUT_TYPES), "type") },
      parents: proseHolders,
    },
    Checklist: {
      attributes: { id: id(), title: text() },
      parents: ["root", "Callout"],
      globalId: "tjekliste",
    },
  };
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

/** The frontmatter of an activity file; `types` are the registry's activity types. */
export const activityFrontmatterSchema = <T extends string>(activityTypes: readonly [T, ...T[]]) =>
  z.strictObject(
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
export type ActivityFrontmatter = z.infer<ReturnType<typeof activityFrontmatterSchema<string>>>;

function unknownKeyMessage(issue: { code?: string; keys?: string[] }) {
  if (issue.code === "unrecognized_keys" && issue.keys) {
    return `Ukendt felt i frontmatter: ${issue.keys.join(", ")}`;
  }
  return undefined;
}
