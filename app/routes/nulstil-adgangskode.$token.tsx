import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { newPasswordFields, PASSWORD_LABELS } from "~/users/password-forms";
import { findPasswordReset, RESET_LINK_UNUSABLE, ResetLinkError, resetPassword } from "~/users/password-reset.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Vælg en ny adgangskode – Sagslab" }];

const tokenOf = (params: Record<string, string | undefined>) => (params.token ?? "").slice(0, 100);

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findPasswordReset(await getDb(), tokenOf(params));
  // The message travels in the data: the component runs in the browser, where server modules are empty.
  return found.ok
    ? { usable: true as const, email: found.email }
    : { usable: false as const, message: RESET_LINK_UNUSABLE };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, newPasswordFields);
  if (!parsed.ok) return formFailure(parsed.errors);
  const db = await getDb();
  try {
    const userId = await resetPassword(db, tokenOf(params), parsed.data.password);
    // Every session of the account has ended; this browser gets a new one.
    const cookie = await createSession(db, userId, { request, clientAddress: context.clientAddress });
    throw redirect("/?adgangskode=ny", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof ResetLinkError) return formFailure({}, RESET_LINK_UNUSABLE, 410);
    throw error;
  }
}

export default function ResetPasswordPage() {
  const found = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="login-form">
      <h1>Vælg en ny adgangskode</h1>
      {!found.usable ? (
        <>
          <div className="alert alert-error" role="alert">
            <div className="alert-body">
              <p className="alert-text">{found.message}</p>
            </div>
          </div>
          <p>
            <Link to="/glemt-adgangskode">Bed om et nyt link</Link>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary errors={result?.errors} formError={result?.formError} labels={PASSWORD_LABELS} />
          <p>
            Til kontoen <strong>{found.email}</strong>. Når du har gemt den nye adgangskode, bliver du logget ind her og
            logget ud alle andre steder.
          </p>
          <Form method="post" noValidate>
            <TextField
              name="password"
              label={PASSWORD_LABELS.password}
              type="password"
              autoComplete="new-password"
              hint="Mindst 10 tegn."
              required
              error={result?.errors.password}
            />
            <TextField
              name="confirm"
              label={PASSWORD_LABELS.confirm}
              type="password"
              autoComplete="new-password"
              required
              error={result?.errors.confirm}
            />
            <button type="submit" className="button button-primary">
              Gem adgangskoden
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
