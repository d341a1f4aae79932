import type { ActivityTypeEntry } from "../activity-type";
import type { LessonActivity } from "./content";
import { LessonView } from "./lesson-page";
import type { LessonPage } from "./page";

export const lessonType: ActivityTypeEntry<LessonActivity, LessonPage> = {
  label: "Lektion",
  View: LessonView,
  content: () => import("./content").then((m) => m.lessonContent),
  server: () => import("./lesson.server").then((m) => m.lessonServer),
};
