/**
 * The ids of the forms on the cohort's settings page, shared by its action and its page: each
 * form has its own, so a refusal shows in the form that was sent and nowhere else. A form is
 * named by its intent; each follow-up date has a form of its own.
 */

export type SettingsIntent =
  | "update-details"
  | "renew-code"
  | "invite"
  | "remove-participant"
  | "remove-trainer"
  | "add-trainer"
  | "follow-up-date"
  | "archive"
  | "restore";

const INTENTS = new Set<string>([
  "update-details",
  "renew-code",
  "invite",
  "remove-participant",
  "remove-trainer",
  "add-trainer",
  "follow-up-date",
  "archive",
  "restore",
] satisfies SettingsIntent[]);

/** A refusal that is no one form's (an unknown action, a cohort archived meanwhile): shown at the top. */
export const SETTINGS_PAGE_FORM = "cohort-settings";

export const followUpFormId = (activityId: string) => `follow-up-${activityId}`;

/** The form a post came from, by its intent (and, for a follow-up date, its evaluation). */
export function settingsFormId(payload: Record<string, unknown>): string {
  const { intent, activityId } = payload;
  if (typeof intent !== "string" || !INTENTS.has(intent)) return SETTINGS_PAGE_FORM;
  if (intent === "follow-up-date") return followUpFormId(typeof activityId === "string" ? activityId : "");
  return intent;
}
