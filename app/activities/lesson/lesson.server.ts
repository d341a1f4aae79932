/** A lesson on the server: read it, mark it read ("Næste"), and its status on the module page. */
import { redirect } from "@remix-run/node";
import type { ActivityServer } from "../activity-type";
import { nextActivity } from "../next-activity";
import { inlineProse } from "~/content/prose.server";
import { titleInSentence } from "~/progress/passing";
import { completions, recordCompletion } from "~/progress/progress.server";
import type { LessonActivity } from "./content";
import type { LessonPage } from "./page";

export const lessonServer: ActivityServer<LessonActivity, LessonPage> = {
  async load({ db, user, module, activity, prose }) {
    const done = await completions(db, user.id);
    return {
      prose: (prose ?? inlineProse)("lesson", activity.html),
      completed: done.has(activity.id),
      nextLabel: nextActivity(module, activity.id) ? "Næste" : "Afslut modulet",
    };
  },
  intents: {
    async complete({ db, user, module, activity }) {
      await recordCompletion(db, user.id, activity);
      const next = nextActivity(module, activity.id);
      return redirect(next ? `/moduler/${module.id}/${next.id}` : `/moduler/${module.id}`);
    },
  },
  statuses: async () => (_activity, done) =>
    done ? { label: "Læst", tone: "done", details: [] } : { label: "Ikke læst", tone: "todo", details: [] },
  missing: (activity) => `Lektionen ${titleInSentence(activity.title)} er ikke læst endnu.`,
};
