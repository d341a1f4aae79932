import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/auth.server";
import { ROLES } from "~/auth/roles";
import { destroyOwnSession, destroyUserSessions } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { ErrorSummary, SuccessMessage, TextField } from "~/components/forms";
import { getDb } from "~/db/database.server";
import { formatMailDate } from "~/mail/templates";
import { changeOwnPassword, myAccount } from "~/users/my-account.server";
import { newPasswordFields, PASSWORD_LABELS } from "~/users/password-forms";
import { describeUserAgent } from "~/users/user-agent";
import { getEnv } from "~/utils/env.server";
import { formFailure, parseFormData } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Min konto – Sagslab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = await myAccount(await getDb(), user);
  const env = getEnv();
  return {
    name: user.name,
    email: user.email,
    role: ROLES[user.role],
    organisation: account.organisation,
    cohorts: account.cohorts,
    hasPassword: account.hasPassword,
    passwordAllowed: env.passwordLogin || user.role === "admin",
    identities: account.identities.map((identity) => ({
      issuer: identity.issuer,
      name: env.oidc && identity.issuer.startsWith(env.oidc.issuer.origin) ? env.oidc.buttonText : identity.issuer,
      lastLoginAt: formatMailDate(identity.lastLoginAt),
    })),
    sessions: account.sessions.map((session) => ({
      id: session.id,
      current: session.current,
      browser: describeUserAgent(session.user_agent),
      address: session.client_address,
      method: session.auth_method === "oidc" ? "single sign-on" : "adgangskode",
      createdAt: formatMailDate(session.created_at),
      lastSeenAt: formatMailDate(session.last_seen_at),
    })),
  };
}

const LABELS = { currentPassword: "Nuværende adgangskode", ...PASSWORD_LABELS };
const intentSchema = z.object({
  intent: z.enum(["change-password", "end-session", "end-other-sessions"], { error: "Ukendt handling." }),
});
const currentPasswordSchema = z.object({
  currentPassword: z.string({ error: "Skriv din nuværende adgangskode." }).min(1, "Skriv din nuværende adgangskode."),
});
const sessionSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, "Sessionen findes ikke.") });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const form = await request.formData();
  const intent = parseFormData(form, intentSchema);
  if (!intent.ok) return formFailure(intent.errors);
  switch (intent.data.intent) {
    case "change-password": {
      const current = parseFormData(form, currentPasswordSchema);
      const fields = parseFormData(form, newPasswordFields);
      if (!current.ok || !fields.ok) {
        return formFailure({ ...(current.ok ? {} : current.errors), ...(fields.ok ? {} : fields.errors) });
      }
      const result = await changeOwnPassword(db, {
        user,
        currentPassword: current.data.currentPassword,
        newPassword: fields.data.password,
        clientAddress: context.clientAddress ?? "unknown",
      });
      if (!result.ok && "retryAfterSeconds" in result) {
        return formFailure({}, "Der har været for mange forkerte forsøg. Vent lidt, og prøv igen.", 429);
      }
      if (!result.ok) return formFailure({ currentPassword: result.message });
      return data({
        ok: true as const,
        message:
          result.endedSessions > 0
            ? `Din adgangskode er ændret, og du er logget ud ${result.endedSessions === 1 ? "ét andet sted" : `${result.endedSessions} andre steder`}.`
            : "Din adgangskode er ændret.",
      });
    }
    case "end-session": {
      const parsed = parseFormData(form, sessionSchema);
      if (!parsed.ok) return formFailure(parsed.errors);
      if (parsed.data.sessionId === user.sessionId) {
        return formFailure({}, "Det er den session, du bruger nu. Brug „Log ud“ øverst på siden.");
      }
      const ended = await destroyOwnSession(db, user.id, parsed.data.sessionId);
      return data({
        ok: true as const,
        message: ended ? "Sessionen er afsluttet." : "Sessionen var allerede afsluttet.",
      });
    }
    case "end-other-sessions": {
      const ended = await destroyUserSessions(db, user.id, user.sessionId);
      return data({
        ok: true as const,
        message: ended === 0 ? "Du var ikke logget ind andre steder." : "Du er logget ud alle andre steder.",
      });
    }
  }
}

export default function MyAccountPage() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const others = account.sessions.filter((session) => !session.current);
  return (
    <>
      <h1>Min konto</h1>
      {result?.ok ? (
        <SuccessMessage message={result.message} />
      ) : (
        <ErrorSummary errors={errors} formError={result?.formError} labels={LABELS} />
      )}
      <dl className="module-facts">
        <dt>Navn</dt>
        <dd>{account.name}</dd>
        <dt>E-mail</dt>
        <dd>{account.email}</dd>
        <dt>Rolle</dt>
        <dd>{account.role}</dd>
        <dt>Kommune</dt>
        <dd>{account.organisation ?? "Ingen"}</dd>
      </dl>
      <p>Navn, e-mail og kommune ændres af en administrator.</p>

      <h2>Dine hold</h2>
      {account.cohorts.length === 0 ? (
        <p>Du er ikke på noget hold.</p>
      ) : (
        <ul>
          {account.cohorts.map((cohort) => (
            <li key={`${cohort.as}-${cohort.id}`}>
              {cohort.name}, {cohort.organisation} ({cohort.startsOn} – {cohort.endsOn}),{" "}
              {cohort.as === "underviser" ? "som underviser" : "som deltager"}
            </li>
          ))}
        </ul>
      )}

      <h2>Adgangskode</h2>
      {!account.passwordAllowed ? (
        <p>Du logger ind med single sign-on. Adgangskoder bruges her kun af administratorer.</p>
      ) : !account.hasPassword ? (
        <p>
          Din konto har ingen adgangskode. Vil du have en, så brug „Glemt adgangskode?“ på login-siden, når du er logget
          ud.
        </p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="change-password" />
          <TextField
            name="currentPassword"
            label={LABELS.currentPassword}
            type="password"
            autoComplete="current-password"
            required
            error={errors?.currentPassword}
          />
          <TextField
            name="password"
            label={LABELS.password}
            type="password"
            autoComplete="new-password"
            hint="Mindst 10 tegn. Du bliver logget ud alle andre steder."
            required
            error={errors?.password}
          />
          <TextField
            name="confirm"
            label={LABELS.confirm}
            type="password"
            autoComplete="new-password"
            required
            error={errors?.confirm}
          />
          <button type="submit" className="button button-primary">
            Skift adgangskode
          </button>
        </Form>
      )}
      {account.identities.length > 0 && (
        <>
          <h2>Single sign-on</h2>
          <ul>
            {account.identities.map((identity) => (
              <li key={identity.issuer}>
                {identity.name}: senest brugt {identity.lastLoginAt}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Dine data</h2>
      <p>
        Hent alt, hvad Sagslab har gemt om dig, som en JSON-fil: kontoen, hold, fremskridt, forsøg, svar, sessioner og
        logbogens poster om dig. Adgangskoder og links gemmes kun som hashværdier, der ikke kan regnes tilbage, og de
        kommer ikke med.
      </p>
      <p>
        <a className="button button-secondary" href="/min-konto/data.json" download>
          Hent mine data (JSON)
        </a>
      </p>

      <h2>Hvor du er logget ind</h2>
      <ScrollBox label="Tabel: dine sessioner">
        <table className="table">
          <caption>Dine sessioner</caption>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Logget ind</th>
              <th scope="col">Senest brugt</th>
              <th scope="col">Afslut</th>
            </tr>
          </thead>
          <tbody>
            {account.sessions.map((session) => (
              <tr key={session.id}>
                <th scope="row">
                  {session.browser}
                  {session.address ? `, ${session.address}` : ""}
                  {session.current && " (denne browser)"}
                </th>
                <td>
                  {session.createdAt} med {session.method}
                </td>
                <td>{session.lastSeenAt}</td>
                <td>
                  {session.current ? (
                    "–"
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="sessionId" value={session.id} />
                      <button type="submit" className="button button-secondary">
                        Log ud<span className="sr-only"> af {session.browser}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {others.length > 0 && (
        <Form method="post">
          <input type="hidden" name="intent" value="end-other-sessions" />
          <button type="submit" className="button button-secondary">
            Log ud alle andre steder
          </button>
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
