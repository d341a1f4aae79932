import type { ActivityTypeEntry } from "../activity-type";
import { CasePlayer } from "./case-player";
import type { CaseActivity } from "./content";
import type { CasePage } from "./page";

export const caseType: ActivityTypeEntry<CaseActivity, CasePage> = {
  label: "Case",
  View: CasePlayer,
  content: () => import("./content").then((m) => m.caseContent),
  server: () => import("./case.server").then((m) => m.caseServer),
};
