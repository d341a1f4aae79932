/** What the activity page shows of a case: its introduction and the learner's latest attempt. */
import type { ProseHtml } from "~/components/prose";
import type { WayForward } from "../next-activity";
import type { CaseView } from "./view";

export type CaseAttemptView =
  | { kind: "intro" }
  /** The learner's unfinished attempt is on a version of the case the platform no longer has. */
  | { kind: "outdated" }
  | { kind: "attempt"; view: CaseView; olderVersion: boolean };

export interface CasePage {
  /** The case's introduction; it and the attempt's prose are sent once (app/components/prose.tsx). */
  intro: ProseHtml;
  stepCount: number;
  attempt: CaseAttemptView;
  /** "Næste aktivitet" (or "Tilbage til modulet") beside "Prøv igen" at the outcome. */
  way: WayForward;
}

/** The ids of the case's forms: their intents. */
export const CASE_FORMS = {
  start: "case.start",
  restart: "case.restart",
  choose: "case.choose",
  continue: "case.continue",
} as const;
