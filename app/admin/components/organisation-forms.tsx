/**
 * The kommune forms of /admin: create one, and in each row of the table rename it or delete it
 * (only one nothing refers to). Each row's forms have their own ids, so a refusal shows in the
 * row it concerns.
 */
import type { z } from "zod";
import type { createOrganisationSchema, renameOrganisationSchema } from "~/admin/admin.server";
import { fieldProps, IntentForm, TextField } from "~/components/forms";
import { ButtonForm, usePageReply } from "~/components/reply-forms";
import { rowFormId } from "~/forms/form-ids";
import { useReplyForm } from "~/forms/use-reply-form";

export const CREATE_ORGANISATION_FORM = "create-organisation";
export const renameOrganisationForm = (organisationId: string) => rowFormId("rename-organisation", organisationId);
export const deleteOrganisationForm = (organisationId: string) => rowFormId("delete-organisation", organisationId);

export function CreateOrganisationForm() {
  const create = useReplyForm<z.input<typeof createOrganisationSchema>>(CREATE_ORGANISATION_FORM, usePageReply());
  return (
    <IntentForm reply={create} intent={CREATE_ORGANISATION_FORM} key={create.form.key}>
      <TextField
        {...fieldProps(create.fields.organisationName)}
        label="Kommunens navn"
        hint="Navnet skal være nyt; store og små bogstaver og mellemrum før og efter tæller ikke."
        required
      />
      <button type="submit" className="button button-primary">
        Opret kommune
      </button>
    </IntentForm>
  );
}

/**
 * The rename and delete forms of one kommune's row. The page keys the row by the kommune's name,
 * so the field shows the new name after a rename.
 */
export function OrganisationRowForms({
  organisation,
}: {
  organisation: { id: string; name: string; unused: boolean };
}) {
  const rename = useReplyForm<z.input<typeof renameOrganisationSchema>>(
    renameOrganisationForm(organisation.id),
    usePageReply(),
    { newName: organisation.name },
  );
  return (
    <>
      <IntentForm reply={rename} intent="rename-organisation" className="admin-inline-form">
        <input type="hidden" name="organisationId" value={organisation.id} />
        <TextField
          {...fieldProps(rename.fields.newName)}
          label={`Nyt navn for ${organisation.name}`}
          labelHidden
          required
        />
        <button type="submit" className="button button-secondary">
          Omdøb<span className="sr-only"> {organisation.name}</span>
        </button>
      </IntentForm>
      {/* Only a kommune nothing refers to can go; the server checks it again. */}
      {organisation.unused && (
        <ButtonForm
          formId={deleteOrganisationForm(organisation.id)}
          intent="delete-organisation"
          values={{ organisationId: organisation.id }}
          className="admin-inline-form"
          buttonClassName="button-tertiary"
        >
          Slet<span className="sr-only"> {organisation.name}</span>
        </ButtonForm>
      )}
    </>
  );
}
