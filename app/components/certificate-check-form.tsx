/** The form on /bevis: a code typed from a printed certificate, looked up with a plain GET. */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { FormReply } from "~/forms/reply";
import { useReplyForm } from "~/forms/use-reply-form";
import { fieldProps, ErrorSummary, TextField } from "./forms";

/** The form's id, and the one /bevis's loader answers a refused code with. */
export const CERTIFICATE_CHECK_FORM = "bevis";

export function CertificateCheckForm({ reply, defaultCode }: { reply?: FormReply; defaultCode?: string }) {
  const check = useReplyForm<{ kode: string }>(CERTIFICATE_CHECK_FORM, reply, { kode: defaultCode });
  // A GET form (the code's page is a link to share), so not IntentForm, which posts.
  return (
    <Form method="get" action="/bevis" {...getFormProps(check.form)} noValidate>
      <ErrorSummary reply={check} />
      <TextField
        {...fieldProps(check.fields.kode)}
        label="Kontrolkode"
        hint="Koden står nederst på kursusbeviset, fx K7QM-3XPA-9TRW."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <button type="submit" className="button button-primary">
        Kontrollér beviset
      </button>
    </Form>
  );
}
