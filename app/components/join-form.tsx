/** The form that joins a cohort by its code; /tilmeld and the join link /tilmeld/<code> both show it. */
import type { z } from "zod";
import type { FormReply } from "~/forms/reply";
import { useReplyForm } from "~/forms/use-reply-form";
import type { joinSchema } from "~/trainer/cohorts.server";
import { fieldProps, IntentForm, SuccessMessage, TextField } from "./forms";

/** The form's id, and the one its action on /tilmeld answers with. */
export const JOIN_FORM = "tilmeld";

export function JoinForm({
  reply,
  defaultCode,
  error,
}: {
  /** The answer of /tilmeld's action, on that page. */
  reply?: FormReply;
  defaultCode?: string;
  /** A refusal of the code found before the form was sent (the join link's code). */
  error?: string;
}) {
  const join = useReplyForm<z.input<typeof joinSchema>>(JOIN_FORM, reply, { code: defaultCode });
  const code = fieldProps(join.fields.code);
  return (
    <>
      {join.message && <SuccessMessage message={join.message} />}
      <IntentForm reply={join} action="/tilmeld">
        <TextField
          {...code}
          error={error ?? code.error}
          label="Tilmeldingskode"
          hint="Koden står i invitationen fra din underviser, fx K7QM-3XPA."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <button type="submit" className="button button-primary">
          Tilmeld mig holdet
        </button>
      </IntentForm>
    </>
  );
}
