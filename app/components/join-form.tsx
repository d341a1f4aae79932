/** The form that joins a cohort by its code; /tilmeld and the join link /tilmeld/<code> both show it. */
import { Form } from "@remix-run/react";
import { TextField } from "./forms";

export function JoinForm({ error, defaultCode }: { error?: string; defaultCode?: string }) {
  return (
    <Form method="post" action="/tilmeld" noValidate>
      <TextField
        name="code"
        label="Tilmeldingskode"
        hint="Koden står i invitationen fra din underviser, fx K7QM-3XPA."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        defaultValue={defaultCode}
        error={error}
      />
      <button type="submit" className="button button-primary">
        Tilmeld mig holdet
      </button>
    </Form>
  );
}
