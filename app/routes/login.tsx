import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { authenticate, getOptionalUser, safeRedirectTarget } from "~/auth/auth.server";
import { createSession } from "~/auth/session.server";
import { fieldProps, IntentForm, SuccessMessage, TextField } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/db/seed.server";
import { ROLES } from "~/auth/roles";
import { getEnv } from "~/utils/env.server";
import { readSubmission, refuse } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";

export const meta: MetaFunction = () => [{ title: "Log ind – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo")));
  const env = getEnv();
  const demo = env.demoMode
    ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role: ROLES[role] })) }
    : null;
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const singleSignOn = env.oidc
    ? {
        text: env.oidc.buttonText,
        href: `/login/oidc${redirectTo ? `?redirectTo=${encodeURIComponent(safeRedirectTarget(redirectTo))}` : ""}`,
      }
    : null;
  const loggedOut = new URL(request.url).searchParams.has("logget-ud");
  return { demo, singleSignOn, passwordLogin: env.passwordLogin, loggedOut };
}

const loginSchema = z.object({
  email: z.string({ error: "Skriv din e-mailadresse." }).trim().min(1, "Skriv din e-mailadresse.").max(320),
  password: z.string({ error: "Skriv din adgangskode." }).min(1, "Skriv din adgangskode.").max(1000),
  redirectTo: z.string().optional(),
});

const LOGIN_FORM = "login";

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request, loginSchema);
  if (submission.status !== "success") return refuse(LOGIN_FORM, submission);
  const db = await getDb();
  const result = await authenticate(db, {
    email: submission.value.email,
    password: submission.value.password,
    clientAddress: context.clientAddress ?? "unknown",
  });
  if (!result.ok && result.reason === "throttled") {
    const wait = result.retryAfterSeconds;
    return refuse(
      LOGIN_FORM,
      submission,
      {
        form: `Der har været for mange mislykkede forsøg på at logge ind. Vent ${wait < 90 ? `${wait} sekunder` : `${minutes(wait)} minutter`}, og prøv igen.`,
      },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  if (!result.ok && result.reason === "single-sign-on-only") {
    return refuse(
      LOGIN_FORM,
      submission,
      {
        form: `Log ind med „${getEnv().oidc?.buttonText ?? "din organisation"}“. Adgangskoder bruges her kun af administratorer.`,
      },
      403,
    );
  }
  if (!result.ok) {
    return refuse(LOGIN_FORM, submission, { form: "Forkert e-mailadresse eller adgangskode. Prøv igen." }, 401);
  }
  // The same request ends the session this browser had before (a shared computer, a planted cookie).
  const cookie = await createSession(db, result.userId, { request, clientAddress: context.clientAddress });
  throw redirect(safeRedirectTarget(submission.value.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { demo, singleSignOn, passwordLogin, loggedOut } = useLoaderData<typeof loader>();
  const login = useReplyForm<z.input<typeof loginSchema>>(LOGIN_FORM, useActionData<typeof action>());
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <div className="login-form">
      <h1>Log ind</h1>
      {loggedOut && <SuccessMessage message="Du er logget ud." />}
      <p>Log ind for at følge dine moduler og cases.</p>
      {singleSignOn && (
        <p>
          {/* A link, not a form: the provider's page is a navigation away, and it works without JavaScript. */}
          <a className="button button-primary" href={singleSignOn.href}>
            {singleSignOn.text}
          </a>
        </p>
      )}
      {singleSignOn && (
        <h2 className="h3">
          {passwordLogin ? "Eller log ind med adgangskode" : "Administratorer: log ind med adgangskode"}
        </h2>
      )}
      <IntentForm reply={login}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField {...fieldProps(login.fields.email)} label="E-mail" type="email" autoComplete="username" required />
        <TextField
          {...fieldProps(login.fields.password)}
          label="Adgangskode"
          type="password"
          autoComplete="current-password"
          required
        />
        <button
          type="submit"
          className={`button ${singleSignOn ? "button-secondary" : "button-primary"}`}
          disabled={navigation.state === "submitting"}
        >
          Log ind
        </button>
      </IntentForm>
      <p>
        <Link to="/glemt-adgangskode">Glemt adgangskode?</Link>
      </p>
      {demo && (
        <section className="demo-accounts" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demokonti</h2>
          <p>
            Denne installation kører i demotilstand. Alle konti har adgangskoden <code>{demo.password}</code>.
          </p>
          <div className="table--responsive-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">E-mail</th>
                  <th scope="col">Rolle</th>
                </tr>
              </thead>
              <tbody>
                {demo.accounts.map((account) => (
                  <tr key={account.email}>
                    <td>{account.email}</td>
                    <td>{account.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
