/**
 * The two fields of every "choose a new password" form (Min konto, a reset link, an invitation):
 * the password and its repeat, with the labels of `newPasswordFields`.
 */
import type { FieldMetadata } from "@conform-to/react";
import { fieldProps, TextField } from "~/components/forms";
import { PASSWORD_LABELS } from "~/users/password-forms";

export function NewPasswordFields({
  fields,
  hint = "Mindst 10 tegn.",
}: {
  fields: Record<"password" | "confirm", FieldMetadata<unknown>>;
  hint?: string;
}) {
  return (
    <>
      <TextField
        {...fieldProps(fields.password)}
        label={PASSWORD_LABELS.password}
        type="password"
        autoComplete="new-password"
        hint={hint}
        required
      />
      <TextField
        {...fieldProps(fields.confirm)}
        label={PASSWORD_LABELS.confirm}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
