import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { signInWithIdentity } from "~/auth/oidc-accounts.server";
import { finishOidcLogin, OidcLoginError } from "~/auth/oidc.server";
import { createSession } from "~/auth/session.server";
import { SignInRefused } from "~/components/sign-in-refused";
import { getDb } from "~/db/database.server";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Log ind – Sagslab" }];

/**
 * Where the provider sends the browser back. openid-client checks the response and the ID
 * token; the account is found by its identity; the session is the same as after a password login.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { oidc } = getEnv();
  if (!oidc) notFound("Single sign-on er ikke sat op på denne installation.");
  const db = await getDb();
  let finished;
  try {
    finished = await finishOidcLogin(db, oidc, request);
  } catch (error) {
    if (!(error instanceof OidcLoginError)) throw error;
    console.warn(`Single sign-on afvist (${error.reason}): ${error.detail ?? ""}`);
    return data({ message: error.message }, { status: error.reason === "unavailable" ? 503 : 400 });
  }
  const headers = new Headers({ "Set-Cookie": finished.setCookie });
  const result = await signInWithIdentity(db, oidc, finished.claims, {
    invitationId: finished.invitationId,
    clientAddress: context.clientAddress,
  });
  if (!result.ok) return data({ message: result.message }, { status: 403, headers });
  headers.append(
    "Set-Cookie",
    await createSession(db, result.userId, {
      request,
      clientAddress: context.clientAddress,
      method: "oidc",
      idToken: finished.idToken,
    }),
  );
  throw redirect(finished.redirectTo, { headers });
}

export default function SingleSignOnCallback() {
  const { message } = useLoaderData<typeof loader>();
  return <SignInRefused message={message} />;
}
