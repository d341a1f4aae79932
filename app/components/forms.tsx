/** Form fields in the markup of Det Fælles Designsystem, with labels and error texts wired up. */
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";

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
 * The summary of a failed submit, at the top of the form. It takes focus when it appears so a
 * screen-reader user hears what went wrong; each message links to its field.
 */
export function ErrorSummary({
  errors,
  formError,
  labels = {},
}: {
  errors?: Record<string, string>;
  formError?: string;
  labels?: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const hasErrors = entries.length > 0 || Boolean(formError);
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, errors, formError]);
  if (!hasErrors) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <div className="alert-body">
        <p className="alert-heading">{formError ?? "Der er fejl i formularen"}</p>
        {entries.length > 0 && (
          <ul className="alert-text nobullet-list">
            {entries.map(([field, message]) => (
              <li key={field}>{field in labels ? <a href={`#${field}`}>{message}</a> : message}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
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
