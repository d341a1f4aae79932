/**
 * The fields that say who a user is (name, e-mail, role, kommune), in the administrator's form
 * that creates a user and in the one that corrects a user: the same labels, order and choices.
 */
import type { FieldMetadata } from "@conform-to/react";
import { fieldProps, SelectField, TextField } from "~/components/forms";

type Option = { value: string; label: string };

export const USER_FIELD_LABELS = { name: "Navn", email: "E-mail", role: "Rolle", organisationId: "Kommune" };

export function UserFields({
  fields,
  roles,
  organisations,
  emailHint,
  autoComplete,
}: {
  fields: Record<"name" | "email" | "role" | "organisationId", FieldMetadata<unknown>>;
  roles: Option[];
  organisations: Option[];
  emailHint?: string;
  /** "off" where the administrator types someone else's name and address. */
  autoComplete?: "off";
}) {
  return (
    <>
      <TextField {...fieldProps(fields.name)} label={USER_FIELD_LABELS.name} autoComplete={autoComplete} required />
      <TextField
        {...fieldProps(fields.email)}
        label={USER_FIELD_LABELS.email}
        type="email"
        autoComplete={autoComplete}
        hint={emailHint}
        required
      />
      <SelectField {...fieldProps(fields.role)} label={USER_FIELD_LABELS.role} options={roles} />
      <SelectField
        {...fieldProps(fields.organisationId)}
        label={USER_FIELD_LABELS.organisationId}
        options={[{ value: "", label: "Ingen kommune" }, ...organisations]}
      />
    </>
  );
}
