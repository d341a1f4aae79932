/**
 * A date typed the Danish way ("1. december 2026"): a text field whose hint says what the field
 * shows, not a browser date picker that shows mm/dd/yyyy under a hint of another form. The
 * server reads it with `parseDate` (also "1.12.2026" and ISO).
 */
import { formatDate } from "~/utils/danish";
import { DATE_HINT } from "~/utils/danish";
import { TextField } from "./forms";

export function DateField({
  name,
  label,
  hint,
  error,
  value,
  required,
}: {
  name: string;
  label: string;
  /** More after the format hint. */
  hint?: string;
  error?: string;
  /** What was typed (after a refusal), or the stored YYYY-MM-DD. */
  value?: string;
  required?: boolean;
}) {
  const shown = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  return (
    <TextField
      name={name}
      label={label}
      type="text"
      inputMode="text"
      autoComplete="off"
      hint={hint ? `${DATE_HINT} ${hint}` : DATE_HINT}
      required={required}
      error={error}
      defaultValue={shown}
    />
  );
}
