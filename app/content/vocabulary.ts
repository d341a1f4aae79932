/**
 * The fixed vocabularies of the content format: topics, phases, results and laws.
 * This is the one place to add a topic, a phase or a law (a one-line change each).
 */

export const TOPICS = {
  sagsoplysning: "Sagsoplysning",
  partshoering: "Partshøring",
  begrundelse: "Begrundelse",
  klagevejledning: "Klagevejledning",
  frister: "Frister",
  personkreds: "Personkreds",
  udmaaling: "Udmåling",
  arbejdsleder: "Arbejdsleder",
  udland: "Udlandsophold",
  merudgifter: "Merudgifter",
  afgoerelse: "Afgørelse",
  opfoelgning: "Opfølgning",
} as const;
export type Topic = keyof typeof TOPICS;

/** The phases of case handling, in the order a case moves through them. */
export const PHASES = {
  opstart: "Opstart",
  oplysning: "Oplysning",
  afgoerelse: "Afgørelse",
  opfoelgning: "Opfølgning",
} as const;
export type Phase = keyof typeof PHASES;

export const RESULTS = {
  korrekt: "Korrekt",
  delvist: "Delvist korrekt",
  forkert: "Forkert",
} as const;
export type CaseResult = keyof typeof RESULTS;

/** How a `<LawRef law="…">` reads in running text. */
export const LAWS = {
  SEL: "serviceloven",
  RSL: "retssikkerhedsloven",
  FVL: "forvaltningsloven",
  BL: "barnets lov",
  BILBEK: "bilbekendtgørelsen",
  UDLBEK: "udlandsbekendtgørelsen",
  BEK1069: "bekendtgørelse nr. 1069 af 30. juni 2020",
} as const;
export type LawCode = keyof typeof LAWS;

const ELI = "https://www.retsinformation.dk/eli/lta";

/**
 * Where each law's official text is: its ELI address on Retsinformation (`/eli/lta/<year>/<number>`
 * of the lovbekendtgørelse or bekendtgørelse), which `<LawRef>` links to. Only numbers we have seen
 * in a source are here; a consolidation replaced since then still opens, marked as historical, with a
 * link to the one in force. `null` renders the citation without a link.
 */
export const LAW_SOURCES: Record<LawCode, { document: string; url: string } | null> = {
  // LBK 155/2025 is the consolidation the domain brief verified. A later one, LBK 1129 af 22/09/2025,
  // has been seen only in a secondary source (docs/content-review-2026-12.md): move to it when verified.
  SEL: { document: "LBK nr. 155 af 11. februar 2025", url: `${ELI}/2025/155` },
  // Seen as the consolidation the Retssikkerhedsvejledning (VEJ nr. 9330/2019) refers to; a later one
  // may exist and has not been verified.
  RSL: { document: "LBK nr. 1555 af 2. november 2020", url: `${ELI}/2020/1555` },
  FVL: { document: "LBK nr. 433 af 22. april 2014", url: `${ELI}/2014/433` },
  BL: { document: "LBK nr. 282 af 17. marts 2025", url: `${ELI}/2025/282` },
  BILBEK: { document: "BEK nr. 1480 af 5. december 2023", url: `${ELI}/2023/1480` },
  // The number of the udlandsbekendtgørelse in force has not been verified: no link rather than a guess.
  UDLBEK: null,
  BEK1069: { document: "BEK nr. 1069 af 30. juni 2020", url: `${ELI}/2020/1069` },
};

export const CALLOUT_TYPES = {
  obs: "OBS",
  eksempel: "Eksempel",
  praksis: "Fra praksis",
} as const;
export type CalloutType = keyof typeof CALLOUT_TYPES;

/** The fixed Likert scale of course evaluations, best first. */
export const LIKERT_SCALE = [
  { value: "hoej", label: "I høj grad" },
  { value: "nogen", label: "I nogen grad" },
  { value: "mindre", label: "I mindre grad" },
  { value: "slet-ikke", label: "Slet ikke" },
  { value: "ved-ikke", label: "Ved ikke" },
] as const;
export type LikertValue = (typeof LIKERT_SCALE)[number]["value"];

/** How a text meets a begrundelse's criterion, the learner's own rating and the trainer's; best first. */
export const CRITERION_RATINGS = [
  { value: "opfyldt", label: "Opfyldt" },
  { value: "delvist", label: "Delvist" },
  { value: "ikke-opfyldt", label: "Ikke opfyldt" },
] as const;
export type CriterionRatingValue = (typeof CRITERION_RATINGS)[number]["value"];

export function isKeyOf<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(table, key);
}
