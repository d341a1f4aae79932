/**
 * The ids of the forms on the cohort's settings page, shared by its action and its page
 * (decision 0024): a form that stands once is named by its intent; a participant's and a
 * trainer's "Fjern" and each follow-up date by the intent and the row's key. A refusal shows in
 * the form that was sent; one whose form is not on the page stands at the top (`PageReply`).
 */
import { rowFormId, submittedFormId } from "~/forms/form-ids";

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

/** The field that holds the row's key, for the forms that stand in every row of a list. */
const ROW_KEYS = {
  "remove-participant": "userId",
  "remove-trainer": "userId",
  "follow-up-date": "activityId",
} satisfies Partial<Record<SettingsIntent, string>>;

type RowIntent = keyof typeof ROW_KEYS;

/** A post without an intent: no form on the page answers for it, so it stands at the top. */
export const SETTINGS_PAGE_FORM = "cohort-settings";

/** The id of a row's form: a person's "Fjern" (by their id), a follow-up's date (by its evaluation). */
export const settingsRowFormId = (intent: RowIntent, key: string) => rowFormId(intent, key);

/** The form a post came from, found from what it sends. */
export const settingsFormId = (payload: Record<string, unknown>) =>
  submittedFormId(payload, ROW_KEYS, SETTINGS_PAGE_FORM);
