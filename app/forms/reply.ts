/**
 * The one shape every action answers a form with, on the server and in the page. conform's
 * SubmissionResult carries the field and form errors and the values to show again; `formId` says
 * which form it belongs to, so a page with several forms shows it in that form only.
 */
import type { SubmissionResult } from "@conform-to/react";

export interface FormReply {
  /** The id of the submitted form (the `id` its page gives `useReplyForm`). */
  formId: string;
  result: SubmissionResult<string[]>;
  /** The confirmation a page shows after a successful submit. */
  message?: string;
}

/** conform keeps a form's own messages (not one field's) under the empty name. */
export const FORM_ERRORS_KEY = "";

export const isRefused = (reply: FormReply | undefined) => reply?.result.status === "error";

/**
 * The first message per field and the form's own message, as a page shows them. For tests and
 * for server code that passes a reply on.
 */
export function replyMessages(reply: FormReply): { errors: Record<string, string>; formError?: string } {
  const errors: Record<string, string> = {};
  let formError: string | undefined;
  for (const [name, messages] of Object.entries(reply.result.error ?? {})) {
    const first = messages?.[0];
    if (first === undefined) continue;
    if (name === FORM_ERRORS_KEY) formError = first;
    else errors[name] = first;
  }
  return { errors, formError };
}
