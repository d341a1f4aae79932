import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { safeRedirectTarget } from "~/auth/auth.server";
import { OidcLoginError, startOidcLogin } from "~/auth/oidc.server";
import { SignInRefused } from "~/components/sign-in-refused";
import { getDb } from "~/db/database.server";
import { findInvitation } from "~/users/invitations.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Log ind – Sagslab" }];

/**
 * Starts single sign-on: stores what the callback must check and sends the browser to the
 * provider. A link (GET), so it works from the login page and from an invitation without a form.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { oidc } = getEnv();
  if (!oidc) notFound("Single sign-on er ikke sat op på denne installation.");
  const url = new URL(request.url);
  const db = await getDb();
  let invitationId: string | null = null;
  const invitationToken = url.searchParams.get("invitation");
  if (invitationToken) {
    const found = await findInvitation(db, invitationToken.slice(0, 100));
    if (found.status !== "open") {
      return data(
        { message: "Invitationen er udløbet eller allerede brugt. Bed den, der inviterede dig, om en ny." },
        { status: 400 },
      );
    }
    invitationId = found.invitation.id;
  }
  try {
    const started = await startOidcLogin(db, oidc, {
      redirectTo: safeRedirectTarget(url.searchParams.get("redirectTo")),
      invitationId,
    });
    throw redirect(started.url, { headers: { "Set-Cookie": started.setCookie } });
  } catch (error) {
    if (!(error instanceof OidcLoginError)) throw error;
    console.warn(`Single sign-on kunne ikke startes: ${error.detail ?? error.message}`);
    return data({ message: error.message }, { status: 503 });
  }
}

export default function StartSingleSignOn() {
  const { message } = useLoaderData<typeof loader>();
  return <SignInRefused message={message} />;
}
