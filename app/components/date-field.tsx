/**
 * A date typed the Danish way ("1. december 2026"): a text field whose hint says what the field
 * shows, not a browser date picker that shows mm/dd/yyyy under a hint of another form. The
 * server reads it with `parseDate` (also "1.12.2026" and ISO).
 */
import type { FieldMetadata } from "@conform-to/react";
import { formatDate } from "~/utils/danish";
import { DATE_HINT } from "~/utils/danish";
import { fieldProps, TextField } from "./forms";

/** A DateField's name, id, message and value (what was typed, or the default) from its conform metadata. */
export function dateProps(field: FieldMetadata<unknown>) {
  const { defaultValue, ...props } = fieldProps(field);
  return { ...props, value: defaultValue };
}

export function DateField({
  name,
  id,
  label,
  hint,
  error,
  value,
  required,
}: {
  name: string;
  /** The field's id; by default its name (a conform form's field: `<formId>-<name>`). */
  id?: string;
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
      id={id}
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
