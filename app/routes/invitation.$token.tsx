import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getOptionalUser } from "~/auth/auth.server";
import { createSession } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert } from "~/components/alert";
import { IntentForm } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { acceptInvitation, findInvitation, InvitationError, type Acceptance } from "~/users/invitations.server";
import { NewPasswordFields } from "~/users/components/new-password-fields";
import { newPasswordFields } from "~/users/password-forms";
import { getEnv } from "~/utils/env.server";
import { parseSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";

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

/** The page's two forms, by their intent; a reply shows only in the form that was sent. */
const FORMS = { accept: "invitation-accept", "set-password": "invitation-password" } as const;
/** A post that names neither form (no page sends one). */
const UNKNOWN_FORM = "invitation";

const intentSchema = z.object({ intent: z.enum(["accept", "set-password"], { error: "Ukendt handling." }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = parseSubmission(form, intentSchema);
  if (intent.status !== "success") return refuse(UNKNOWN_FORM, intent);
  const formId = FORMS[intent.value.intent];
  const db = await getDb();
  const found = await findInvitation(db, tokenOf(params));
  if (found.status !== "open") return refuse(formId, intent, { form: UNUSABLE[found.status] }, 410);
  let acceptance: Acceptance;
  if (intent.value.intent === "accept") {
    const user = await getOptionalUser(request);
    if (!user) return refuse(formId, intent, { form: "Log ind først for at tage imod invitationen." }, 401);
    acceptance = { kind: "signed-in", userId: user.id };
  } else {
    if (!getEnv().passwordLogin && found.invitation.role !== "admin") {
      return refuse(formId, intent, { form: "Brug single sign-on for at tage imod invitationen." }, 403);
    }
    const fields = parseSubmission(form, newPasswordFields);
    if (fields.status !== "success") return refuse(formId, fields);
    acceptance = { kind: "password", password: fields.value.password };
  }
  let userId: string;
  try {
    userId = await acceptInvitation(db, found.invitation.id, acceptance);
  } catch (error) {
    if (error instanceof InvitationError) return refuse(formId, intent, { form: error.message }, 409);
    throw error;
  }
  // A signed-in invitee keeps their session; a new password signs this browser in.
  if (acceptance.kind === "signed-in") throw redirect("/?invitation=modtaget");
  const cookie = await createSession(db, userId, { request, clientAddress: context.clientAddress });
  throw redirect("/?invitation=modtaget", { headers: { "Set-Cookie": cookie } });
}

export default function InvitationPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const accepting = useReplyForm(FORMS.accept, reply);
  const password = useReplyForm<z.input<typeof newPasswordFields>>(FORMS["set-password"], reply);
  if (!data.open) {
    return (
      <div className="login-form">
        <h1>Invitation</h1>
        <Alert tone="error" role="alert">
          {data.message}
        </Alert>
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
      {invitation.accountCanSignIn ? (
        signedInAs?.isInvitee ? (
          <IntentForm reply={accepting} intent="accept">
            <button type="submit" className="button button-primary">
              Tag imod invitationen
            </button>
          </IntentForm>
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
              <IntentForm reply={password} intent="set-password">
                <NewPasswordFields fields={password.fields} />
                <button type="submit" className={`button ${singleSignOn ? "button-secondary" : "button-primary"}`}>
                  Opret min adgang
                </button>
              </IntentForm>
            </>
          )}
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
