import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { createSession } from "~/auth/session.server";
import { Alert } from "~/components/alert";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IntentForm } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { readSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";
import { NewPasswordFields } from "~/users/components/new-password-fields";
import { newPasswordFields } from "~/users/password-forms";
import { findPasswordReset, RESET_LINK_UNUSABLE, ResetLinkError, resetPassword } from "~/users/password-reset.server";

export const meta: MetaFunction = () => [{ title: "Vælg en ny adgangskode – Sagslab" }];

const tokenOf = (params: Record<string, string | undefined>) => (params.token ?? "").slice(0, 100);

const RESET_FORM = "nulstil-adgangskode";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findPasswordReset(await getDb(), tokenOf(params));
  // The message travels in the data: the component runs in the browser, where server modules are empty.
  return found.ok
    ? { usable: true as const, email: found.email }
    : { usable: false as const, message: RESET_LINK_UNUSABLE };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request, newPasswordFields);
  if (submission.status !== "success") return refuse(RESET_FORM, submission);
  const db = await getDb();
  let userId: string;
  try {
    userId = await resetPassword(db, tokenOf(params), submission.value.password);
  } catch (error) {
    if (error instanceof ResetLinkError) return refuse(RESET_FORM, submission, { form: RESET_LINK_UNUSABLE }, 410);
    throw error;
  }
  // Every session of the account has ended; this browser gets a new one.
  const cookie = await createSession(db, userId, { request, clientAddress: context.clientAddress });
  throw redirect("/?adgangskode=ny", { headers: { "Set-Cookie": cookie } });
}

export default function ResetPasswordPage() {
  const found = useLoaderData<typeof loader>();
  const reset = useReplyForm<z.input<typeof newPasswordFields>>(RESET_FORM, useActionData<typeof action>());
  return (
    <div className="login-form">
      <h1>Vælg en ny adgangskode</h1>
      {!found.usable ? (
        <>
          <Alert tone="error" role="alert">
            {found.message}
          </Alert>
          <p>
            <Link to="/glemt-adgangskode">Bed om et nyt link</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            Til kontoen <strong>{found.email}</strong>. Når du har gemt den nye adgangskode, bliver du logget ind her og
            logget ud alle andre steder.
          </p>
          <IntentForm reply={reset}>
            <NewPasswordFields fields={reset.fields} />
            <button type="submit" className="button button-primary">
              Gem adgangskoden
            </button>
          </IntentForm>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
