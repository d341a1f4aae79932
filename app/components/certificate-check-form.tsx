/** The form on /bevis: a code typed from a printed certificate, looked up with a plain GET. */
import { Form } from "@remix-run/react";
import { TextField } from "./forms";

export function CertificateCheckForm({ error, defaultCode }: { error?: string; defaultCode?: string }) {
  return (
    <Form method="get" action="/bevis">
      <TextField
        name="kode"
        label="Kontrolkode"
        hint="Koden står nederst på kursusbeviset, fx K7QM-3XPA-9TRW."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={defaultCode}
        error={error}
      />
      <button type="submit" className="button button-primary">
        Kontrollér beviset
      </button>
    </Form>
  );
}
