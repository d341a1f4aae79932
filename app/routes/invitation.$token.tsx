import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getOptionalUser } from "~/auth/auth.server";
import { createSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { acceptInvitation, findInvitation, InvitationError } from "~/users/invitations.server";
import { newPasswordFields, PASSWORD_LABELS } from "~/users/password-forms";
import { getEnv } from "~/utils/env.server";
import { formFailure, parseFormData } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Invitation – Sagslab" }];

const tokenOf = (params: Record<string, string | undefined>) => (params.token ?? "").slice(0, 100);

const UNUSABLE = {
  unknown: "Invitationen findes ikke. Tjek, at du har kopieret hele linket fra e-mailen.",
  used: "Invitationen er allerede brugt. Log ind med den adgangskode, du valgte, eller med single sign-on.",
  expired: "Invitationen er udløbet. Bed den, der inviterede dig, om en ny.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = tokenOf(params);
  const [found, user] = await Promise.all([findInvitation(await getDb(), token), getOptionalUser(request)]);
  if (found.status !== "open") return { open: false as const, message: UNUSABLE[found.status] };
  const env = getEnv();
  const { invitation } = found;
  return {
    open: true as const,
    invitation: {
      name: invitation.name,
      email: invitation.email,
      organisation: invitation.organisation,
      cohort: invitation.cohort,
      accountCanSignIn: invitation.accountCanSignIn,
    },
    signedInAs: user ? { email: user.email, isInvitee: user.id === invitation.userId } : null,
    singleSignOn: env.oidc
      ? { text: env.oidc.buttonText, href: `/login/oidc?invitation=${encodeURIComponent(token)}` }
      : null,
    passwordAllowed: env.passwordLogin || invitation.role === "admin",
    loginHref: `/login?redirectTo=${encodeURIComponent(`/invitation/${token}`)}`,
  };
}

const intentSchema = z.object({ intent: z.enum(["accept", "set-password"], { error: "Ukendt handling." }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = parseFormData(form, intentSchema);
  if (!intent.ok) return formFailure(intent.errors);
  const db = await getDb();
  const found = await findInvitation(db, tokenOf(params));
  if (found.status !== "open") return formFailure({}, UNUSABLE[found.status], 410);
  try {
    if (intent.data.intent === "accept") {
      const user = await getOptionalUser(request);
      if (!user) return formFailure({}, "Log ind først for at tage imod invitationen.", 401);
      await acceptInvitation(db, found.invitation.id, { kind: "signed-in", userId: user.id });
      throw redirect("/?invitation=modtaget");
    }
    if (!getEnv().passwordLogin && found.invitation.role !== "admin") {
      return formFailure({}, "Brug single sign-on for at tage imod invitationen.", 403);
    }
    const fields = parseFormData(form, newPasswordFields);
    if (!fields.ok) return formFailure(fields.errors);
    const userId = await acceptInvitation(db, found.invitation.id, {
      kind: "password",
      password: fields.data.password,
    });
    const cookie = await createSession(db, userId, { request, clientAddress: context.clientAddress });
    throw redirect("/?invitation=modtaget", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof InvitationError) return formFailure({}, error.message, 409);
    throw error;
  }
}

export default function InvitationPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!data.open) {
    return (
      <div className="login-form">
        <h1>Invitation</h1>
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{data.message}</p>
          </div>
        </div>
        <p>
          <Link to="/login">Gå til login-siden</Link>
        </p>
      </div>
    );
  }
  const { invitation, signedInAs, singleSignOn, passwordAllowed, loginHref } = data;
  const where = [invitation.cohort && `holdet „${invitation.cohort}“`, invitation.organisation]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="login-form">
      <h1>Velkommen til Sagslab, {invitation.name}</h1>
      <p>
        Du er inviteret med adressen <strong>{invitation.email}</strong>
        {where ? ` (${where})` : ""}.
      </p>
      <ErrorSummary errors={result?.errors} formError={result?.formError} labels={PASSWORD_LABELS} />
      {invitation.accountCanSignIn ? (
        signedInAs?.isInvitee ? (
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <button type="submit" className="button button-primary">
              Tag imod invitationen
            </button>
          </Form>
        ) : (
          <>
            <p>
              Du har allerede en konto.{" "}
              {signedInAs
                ? `Du er logget ind som ${signedInAs.email}: log ud, og log ind som ${invitation.email} for at tage imod invitationen.`
                : "Log ind for at tage imod invitationen."}
            </p>
            {!signedInAs && (
              <p>
                <Link className="button button-primary" to={loginHref}>
                  Log ind
                </Link>
              </p>
            )}
          </>
        )
      ) : (
        <>
          {singleSignOn && (
            <p>
              <a className="button button-primary" href={singleSignOn.href}>
                {singleSignOn.text}
              </a>
            </p>
          )}
          {passwordAllowed && (
            <>
              {singleSignOn && <h2 className="h3">Eller vælg en adgangskode</h2>}
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="set-password" />
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
                <button type="submit" className={`button ${singleSignOn ? "button-secondary" : "button-primary"}`}>
                  Opret min adgang
                </button>
              </Form>
            </>
          )}
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
