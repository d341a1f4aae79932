import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getOptionalUser } from "~/auth/auth.server";
import { endSessionUrl } from "~/auth/oidc.server";
import { endSession } from "~/auth/session.server";
import { IntentForm } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Log ud – Sagslab" }];

/**
 * Logging out changes state, so it happens on POST; a plain visit shows the button. A single
 * sign-on session also ends at the provider, through its end-session endpoint when it has one.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { setCookie, idToken } = await endSession(await getDb(), request);
  const { oidc } = getEnv();
  const providerLogout = oidc && idToken ? await endSessionUrl(oidc, idToken) : null;
  throw redirect(providerLogout ?? "/login?logget-ud=1", { headers: { "Set-Cookie": setCookie } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getOptionalUser(request))) throw redirect("/login");
  return null;
}

export default function LogoutPage() {
  return (
    <>
      <h1>Log ud</h1>
      <p>Du bliver logget ud af Sagslab på denne enhed.</p>
      <IntentForm>
        <button type="submit" className="button button-primary">
          Log ud
        </button>
      </IntentForm>
    </>
  );
}
