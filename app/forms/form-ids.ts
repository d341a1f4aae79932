/**
 * The ids of a page's forms, which the action names in its reply (`FormReply.formId`) so the reply
 * shows in the form that was sent only. A form that stands once on its page is named by its
 * intent; one that stands in every row of a list (a kommune, a session, a sign-in link) by its
 * intent and the row's key, which the form sends, so the action finds the same id. Pure: used by
 * the pages and their actions alike.
 */

/** The id of the form with `intent` in the row `key` (any text: it becomes a valid, stable HTML id). */
export const rowFormId = (intent: string, key: string) => `${intent}-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/**
 * The id of the form a submission came from: its `intent` field, with the row's key for the
 * intents in `rowKeys` (intent → the name of the field that holds the key). A submission without
 * an intent gets `fallback`.
 */
export function submittedFormId(
  payload: Record<string, unknown>,
  rowKeys: Record<string, string> = {},
  fallback = "form",
) {
  const { intent } = payload;
  if (typeof intent !== "string" || intent === "") return fallback;
  const keyField = rowKeys[intent];
  if (keyField === undefined) return intent;
  const key = payload[keyField];
  return rowFormId(intent, typeof key === "string" ? key : "");
}
