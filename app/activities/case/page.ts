/** What the activity page shows of a case: its introduction and the learner's latest attempt. */
import type { WayForward } from "../next-activity";
import type { CaseView } from "./view";

export type CaseAttemptView =
  | { kind: "intro" }
  /** The learner's unfinished attempt is on a version of the case the platform no longer has. */
  | { kind: "outdated" }
  | { kind: "attempt"; view: CaseView; olderVersion: boolean };

export interface CasePage {
  introHtml: string;
  stepCount: number;
  attempt: CaseAttemptView;
  /** "Næste aktivitet" (or "Tilbage til modulet") beside "Prøv igen" at the outcome. */
  way: WayForward;
}
