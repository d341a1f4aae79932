/** A lesson: prose only. Its content is the file's own HTML; it has no components of its own. */
import type { ActivityContent } from "../activity-type";
import type { ActivityBase } from "~/content/types";

export interface LessonActivity extends ActivityBase {
  type: "lesson";
  html: string;
}

export const lessonContent: ActivityContent<LessonActivity> = {
  components: {},
  build: (file) => ({ activity: { type: "lesson", html: file.html }, versionOf: file.html }),
};
