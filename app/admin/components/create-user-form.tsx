/**
 * The administrator's form that creates one user, with an invitation by e-mail or a password
 * they hand over. A refusal keeps what was typed (except the password); after a user is created
 * the form is empty for the next one.
 */
import type { z } from "zod";
import type { createUserSchema } from "~/admin/admin.server";
import { FieldError, fieldProps, IntentForm, TextField } from "~/components/forms";
import { useReplyForm } from "~/forms/use-reply-form";
import { usePageReply } from "~/components/reply-forms";
import { UserFields } from "./user-fields";

export const CREATE_USER_FORM = "create-user";

type Option = { value: string; label: string };

const ACCESS_CHOICES = [
  {
    value: "invitation",
    label: "Send en invitation på e-mail: brugeren vælger selv sin adgangskode (linket virker i 7 dage)",
  },
  { value: "password", label: "Jeg vælger en adgangskode og giver den til brugeren" },
];

export function CreateUserForm({ roles, organisations }: { roles: Option[]; organisations: Option[] }) {
  const create = useReplyForm<z.input<typeof createUserSchema>>(CREATE_USER_FORM, usePageReply(), {
    role: "learner",
    organisationId: "",
    access: "invitation",
  });
  const { access } = create.fields;
  const chosen = access.initialValue === "password" ? "password" : "invitation";
  const accessError = access.errors?.[0];
  return (
    // Keyed by conform's form key, which changes when the form is reset after a user is created.
    <IntentForm reply={create} intent={CREATE_USER_FORM} key={create.form.key}>
      <UserFields fields={create.fields} roles={roles} organisations={organisations} autoComplete="off" />
      <fieldset
        className={`form-group${accessError ? " form-error" : ""}`}
        id={access.id}
        aria-describedby={accessError ? `${access.id}-error` : undefined}
      >
        <legend className="form-label">Sådan får brugeren adgang</legend>
        <FieldError id={`${access.id}-error`} message={accessError} />
        <ul className="nobullet-list">
          {ACCESS_CHOICES.map((choice) => (
            <li key={choice.value}>
              <input
                className="form-radio"
                type="radio"
                id={`${access.id}-${choice.value}`}
                name={access.name}
                value={choice.value}
                defaultChecked={choice.value === chosen}
              />
              <label htmlFor={`${access.id}-${choice.value}`}>{choice.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextField
        {...fieldProps(create.fields.password)}
        label="Adgangskode"
        type="password"
        autoComplete="new-password"
        hint="Kun når du vælger adgangskoden: mindst 10 tegn. Giv den til brugeren på en sikker måde."
      />
      <button type="submit" className="button button-primary">
        Opret bruger
      </button>
    </IntentForm>
  );
}
