/**
 * A begrundelse on the server: the page (task and case file; criteria and model answer only
 * after submission), its status on the module page and what is missing for the certificate.
 */
import type { ActivityServer } from "../activity-type";
import { titleInSentence } from "~/progress/passing";
import type { BegrundelseActivity } from "./content";
import type { BegrundelsePage } from "./page";

export const begrundelseServer: ActivityServer<BegrundelseActivity, BegrundelsePage> = {
  async load({ activity }) {
    const { begrundelse } = activity;
    return {
      introHtml: activity.introHtml,
      taskHtml: begrundelse.taskHtml,
      documents: begrundelse.documents.map((document) => ({
        key: document.id,
        title: document.title,
        html: document.html,
        isNew: false,
      })),
      minLength: begrundelse.minLength,
      maxLength: begrundelse.maxLength,
    };
  },
  intents: {},
  statuses: async () => (_activity, done) =>
    done ? { label: "Vurderet", tone: "done", details: [] } : { label: "Ikke skrevet", tone: "todo", details: [] },
  missing: (activity) => `Begrundelsen ${titleInSentence(activity.title)} er ikke skrevet og vurderet endnu.`,
};
