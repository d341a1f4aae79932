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

export const ACTIVITY_TYPES = {
  lesson: "Lektion",
  case: "Case",
  quiz: "Quiz",
  evaluation: "Evaluering",
} as const;
export type ActivityType = keyof typeof ACTIVITY_TYPES;

export function isKeyOf<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(table, key);
}
