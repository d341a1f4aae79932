/** Form fields in the markup of Det Fælles Designsystem, with labels and error texts wired up. */
import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { Form, type FormProps } from "@remix-run/react";
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";
import { FORM_ERRORS_KEY } from "~/forms/reply";
import type { AnyFields, ReplyForm } from "~/forms/use-reply-form";

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  /** For a field in a table row, where the row says what it is: the label is for screen readers. */
  labelHidden?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

export function TextField({ name, label, error, hint, id = name, labelHidden = false, ...input }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className={labelHidden ? "sr-only" : "form-label"} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <input
        className="form-input"
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}

/** The message under a field's label when its value is refused (DKFDS markup). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">Fejl: </span>
      {message}
    </span>
  );
}

/**
 * The summary of a refused submit, at the top of its form. It takes focus when a new reply comes
 * so a screen-reader user hears what went wrong (not on every render, or typing would lose
 * focus); each field's message links to its field.
 */
export function ErrorSummary<Schema extends AnyFields>({ reply }: { reply: ReplyForm<Schema> }) {
  const ref = useRef<HTMLDivElement>(null);
  const { form, result } = reply;
  // From the reply itself, not conform's state, which takes the reply one render later.
  const entries = Object.entries(result?.error ?? {}).flatMap(([name, messages]) =>
    name !== FORM_ERRORS_KEY && messages?.length ? [[name, messages] as const] : [],
  );
  const formError = result?.error?.[FORM_ERRORS_KEY]?.[0];
  const hasErrors = entries.length > 0 || Boolean(formError);
  useEffect(() => {
    if (result?.status === "error") ref.current?.focus();
  }, [result]);
  if (!hasErrors) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} id={form.errorId}>
      <div className="alert-body">
        <p className="alert-heading">{formError ?? "Der er fejl i formularen"}</p>
        {entries.length > 0 && (
          <ul className="alert-text nobullet-list">
            {entries.map(([name, messages]) => (
              <li key={name}>
                <a href={`#${form.id}-${name}`}>{messages[0]}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A field's name, id, message and the value to show again, from its conform metadata. */
export function fieldProps(field: FieldMetadata<unknown>) {
  return {
    name: field.name,
    id: field.id,
    error: field.errors?.[0],
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
  };
}

type IntentFormProps<Schema extends AnyFields> = Omit<FormProps, "method"> & {
  /** The form's conform state from `useReplyForm`: its id, its error summary, its values. */
  reply?: ReplyForm<Schema>;
  /** The action's name, sent as `intent`, for a route whose action serves several forms. */
  intent?: string;
  children?: ReactNode;
};

/**
 * A posted form: its intent, its error summary and its id from `useReplyForm`. Browser validation
 * is off (noValidate) so every message is the server's Danish one, with or without JavaScript.
 */
export function IntentForm<Schema extends AnyFields>({
  reply,
  intent,
  children,
  onSubmit,
  ...rest
}: IntentFormProps<Schema>) {
  const formProps = reply ? getFormProps(reply.form) : undefined;
  return (
    <Form
      method="post"
      {...formProps}
      {...rest}
      noValidate
      onSubmit={(event) => {
        formProps?.onSubmit(event);
        onSubmit?.(event);
      }}
    >
      {intent && <IntentField value={intent} />}
      {reply && <ErrorSummary reply={reply} />}
      {children}
    </Form>
  );
}

/** A select box with its label and error text (DKFDS markup). */
export function SelectField({
  name,
  label,
  options,
  error,
  defaultValue,
  id = name,
  labelHidden = false,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  error?: string;
  defaultValue?: string;
  id?: string;
  /** For a select in a table row whose column heading already says what it is. */
  labelHidden?: boolean;
}) {
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className={labelHidden ? "sr-only" : "form-label"} htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} message={error} />
      <select
        className="form-select"
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A confirmation after a successful submit, read out by screen readers (role="status"). */
export function SuccessMessage({ message }: { message: string }) {
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-text">{message}</p>
      </div>
    </div>
  );
}

/** The hidden field that names a form's action (`intent=<type>.<name>` on an activity page). */
export function IntentField({ value }: { value: string }) {
  return <input type="hidden" name="intent" value={value} />;
}
