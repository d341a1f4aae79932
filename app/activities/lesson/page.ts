import type { ProseHtml } from "~/components/prose";

/** What the activity page shows of a lesson. */
export interface LessonPage {
  /** The lesson's prose, sent once (app/components/prose.tsx). */
  prose: ProseHtml;
  completed: boolean;
  nextLabel: string;
}
