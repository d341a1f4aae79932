import type { ActivityTypeEntry } from "../activity-type";
import { BegrundelseView } from "./begrundelse-page";
import type { BegrundelseActivity } from "./content";
import type { BegrundelsePage } from "./page";

export const begrundelseType: ActivityTypeEntry<BegrundelseActivity, BegrundelsePage> = {
  label: "Skriv begrundelsen",
  View: BegrundelseView,
  content: () => import("./content").then((m) => m.begrundelseContent),
  server: () => import("./begrundelse.server").then((m) => m.begrundelseServer),
};
