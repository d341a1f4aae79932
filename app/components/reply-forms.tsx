/**
 * The pieces of a page with several forms (the administration pages, Min konto): a form that is
 * one button in a list row, with its own id so its refusal shows beside it, and what the last
 * submit got at the top of the page, where a submit leaves the reader.
 */
import { useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert } from "~/components/alert";
import { IntentForm, SuccessMessage } from "~/components/forms";
import { isRefused, replyMessages, type FormReply } from "~/forms/reply";
import { useReplyForm } from "~/forms/use-reply-form";

/** The reply of the page's last submit, whichever of its forms it answered. */
export const usePageReply = () => useActionData() as FormReply | undefined;

/**
 * What the page's last submit got, at the top of the page (where the page is after a submit):
 * the confirmation of a successful one, whichever form it was, and a refusal whose form is not
 * among `forms`, the ids of the forms the page shows (a row deleted meanwhile, an unknown
 * intent), so no refusal goes unsaid. A refusal of a form on the page shows in that form.
 */
export function PageReply({ forms }: { forms: readonly string[] }) {
  const reply = usePageReply();
  if (!reply) return null;
  if (!isRefused(reply)) return reply.message ? <SuccessMessage message={reply.message} /> : null;
  if (forms.includes(reply.formId)) return null;
  const { errors, formError } = replyMessages(reply);
  const messages = Object.values(errors);
  return (
    <Alert tone="error" role="alert" heading={formError ?? "Der er fejl i formularen"}>
      {messages.length > 0 && (
        <ul className="alert-text nobullet-list">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * A posted form that is one button (end a session, remove a link, delete a kommune), with the
 * hidden values that say what it acts on. `formId` is its own (see `rowFormId`): a refusal shows
 * in this form only, with the error summary taking focus.
 */
export function ButtonForm({
  formId,
  intent,
  values = {},
  className,
  buttonClassName = "button-secondary",
  before,
  children,
}: {
  formId: string;
  intent: string;
  values?: Record<string, string>;
  className?: string;
  buttonClassName?: string;
  /** What stands in the form before the button (the row's description in an inline form). */
  before?: ReactNode;
  /** The button's text (with any words for screen readers only). */
  children: ReactNode;
}) {
  const reply = useReplyForm(formId, usePageReply());
  return (
    <IntentForm reply={reply} intent={intent} className={className}>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {before}
      <button type="submit" className={`button ${buttonClassName}`}>
        {children}
      </button>
    </IntentForm>
  );
}
