import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldProps, IntentForm, SuccessMessage, TextField } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { accept, readSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";
import { requestPasswordReset } from "~/users/password-reset.server";

export const meta: MetaFunction = () => [{ title: "Glemt adgangskode – Sagslab" }];

const schema = z.object({
  email: z
    .string({ error: "Skriv din e-mailadresse." })
    .trim()
    .min(1, "Skriv din e-mailadresse.")
    .max(320, "Adressen er for lang.")
    .email("Skriv en gyldig e-mailadresse."),
});

const FORGOT_FORM = "glemt-adgangskode";

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request, schema);
  if (submission.status !== "success") return refuse(FORGOT_FORM, submission);
  const result = await requestPasswordReset(await getDb(), {
    email: submission.value.email,
    clientAddress: context.clientAddress ?? "unknown",
  });
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return refuse(
      FORGOT_FORM,
      submission,
      {
        form: `Der er bedt om for mange nye adgangskoder. Vent ${minutes} ${minutes === 1 ? "minut" : "minutter"}, og prøv igen.`,
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // The same answer whether the address has an account: the page must not tell who is a user.
  return accept(
    FORGOT_FORM,
    submission,
    `Hvis ${submission.value.email} hører til en konto i Sagslab, har vi sendt en e-mail med et link til at vælge en ny adgangskode. Linket virker i 1 time. Kommer der ingen e-mail, så tjek din spam-mappe.`,
  );
}

export default function ForgotPasswordPage() {
  const forgot = useReplyForm<z.input<typeof schema>>(FORGOT_FORM, useActionData<typeof action>());
  return (
    <div className="login-form">
      <h1>Glemt adgangskode?</h1>
      {forgot.message && <SuccessMessage message={forgot.message} />}
      <p>Skriv den e-mailadresse, du logger ind med. Så sender vi dig et link, hvor du kan vælge en ny adgangskode.</p>
      <IntentForm reply={forgot}>
        <TextField {...fieldProps(forgot.fields.email)} label="E-mail" type="email" autoComplete="username" required />
        <button type="submit" className="button button-primary">
          Send link
        </button>
      </IntentForm>
      <p>
        <Link to="/login">Tilbage til login-siden</Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
