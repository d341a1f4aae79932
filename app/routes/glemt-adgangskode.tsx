import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SuccessMessage, TextField } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { requestPasswordReset } from "~/users/password-reset.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Glemt adgangskode – Sagslab" }];

const schema = z.object({
  email: z
    .string({ error: "Skriv din e-mailadresse." })
    .trim()
    .min(1, "Skriv din e-mailadresse.")
    .max(320, "Adressen er for lang.")
    .email("Skriv en gyldig e-mailadresse."),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, schema);
  if (!parsed.ok) return formFailure(parsed.errors);
  const result = await requestPasswordReset(await getDb(), {
    email: parsed.data.email,
    clientAddress: context.clientAddress ?? "unknown",
  });
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      {
        ok: false as const,
        errors: {} as Record<string, string>,
        formError: `Der er bedt om for mange nye adgangskoder. Vent ${minutes} ${minutes === 1 ? "minut" : "minutter"}, og prøv igen.`,
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // The same answer whether the address has an account: the page must not tell who is a user.
  return data({
    ok: true as const,
    message: `Hvis ${parsed.data.email} hører til en konto i Sagslab, har vi sendt en e-mail med et link til at vælge en ny adgangskode. Linket virker i 1 time. Kommer der ingen e-mail, så tjek din spam-mappe.`,
  });
}

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  return (
    <div className="login-form">
      <h1>Glemt adgangskode?</h1>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={result?.errors} formError={result?.formError} labels={{ email: "E-mail" }} />
      )}
      <p>Skriv den e-mailadresse, du logger ind med. Så sender vi dig et link, hvor du kan vælge en ny adgangskode.</p>
      <Form method="post" noValidate>
        <TextField
          name="email"
          label="E-mail"
          type="email"
          autoComplete="username"
          required
          error={result && !result.ok ? result.errors.email : undefined}
        />
        <button type="submit" className="button button-primary">
          Send link
        </button>
      </Form>
      <p>
        <Link to="/login">Tilbage til login-siden</Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
