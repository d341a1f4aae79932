/** The course certificate: issued only when every required activity of the module is complete. */
import type { CourseModule } from "~/content/types";
import { ACTIVITY_TYPES } from "~/content/vocabulary";
import type { DB } from "~/db/database.server";
import { moduleProgress } from "./progress";
import { completions } from "./progress.server";

const danishDate = new Intl.DateTimeFormat("da-DK", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Copenhagen",
});

/** What "not done" means for each type, in the words of the certificate's refusal. */
const MISSING_WORDING: Record<string, string> = {
  lesson: "læs lektionen",
  case: "spil casen til en afslutning",
  quiz: "bestå quizzen",
  evaluation: "indsend evalueringen",
};

export type CertificateState =
  | { issued: true; learnerName: string; completedOn: string; completedOnIso: string }
  | { issued: false; missing: { id: string; title: string; typeLabel: string; todo: string }[] };

export async function certificateFor(
  db: DB,
  user: { id: string; name: string },
  module: CourseModule,
): Promise<CertificateState> {
  const completed = await completions(db, user.id);
  const progress = moduleProgress(module, new Set(completed.keys()));
  if (!progress.complete) {
    return {
      issued: false,
      missing: progress.missing.map((activity) => ({
        id: activity.id,
        title: activity.title,
        typeLabel: ACTIVITY_TYPES[activity.type as keyof typeof ACTIVITY_TYPES] ?? activity.type,
        todo: MISSING_WORDING[activity.type] ?? "gennemfør aktiviteten",
      })),
    };
  }
  // Completed on the day the last required activity was completed.
  const last = module.activities
    .filter((activity) => activity.required)
    .map((activity) => completed.get(activity.id)!)
    .reduce((latest, date) => (date > latest ? date : latest));
  return {
    issued: true,
    learnerName: user.name,
    completedOn: danishDate.format(last),
    completedOnIso: last.toISOString().slice(0, 10),
  };
}
