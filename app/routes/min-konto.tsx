import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/auth.server";
import { ROLES } from "~/auth/roles";
import { destroyOwnSession, destroyUserSessions } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldProps, IntentForm, TextField } from "~/components/forms";
import { ButtonForm, PageReply, usePageReply } from "~/components/reply-forms";
import { ScrollBox } from "~/components/scroll-box";
import { getDb } from "~/db/database.server";
import { rowFormId, submittedFormId } from "~/forms/form-ids";
import { accept, readSubmission, refuse, refuseInvalid } from "~/forms/submission.server";
import { useReplyForm } from "~/forms/use-reply-form";
import { formatMailDate } from "~/mail/templates";
import { NewPasswordFields } from "~/users/components/new-password-fields";
import { changeOwnPassword, myAccount } from "~/users/my-account.server";
import { newPasswordFields } from "~/users/password-forms";
import { describeUserAgent } from "~/users/user-agent";
import { getEnv } from "~/utils/env.server";

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

const CHANGE_PASSWORD_FORM = "change-password";
const END_OTHER_SESSIONS_FORM = "end-other-sessions";
const endSessionForm = (sessionId: string) => rowFormId("end-session", sessionId);

const changePasswordSchema = newPasswordFields.extend({
  intent: z.literal(CHANGE_PASSWORD_FORM),
  currentPassword: z.string({ error: "Skriv din nuværende adgangskode." }).min(1, "Skriv din nuværende adgangskode."),
});
const myAccountSchema = z.discriminatedUnion(
  "intent",
  [
    changePasswordSchema,
    z.object({
      intent: z.literal("end-session"),
      sessionId: z.string({ error: "Sessionen findes ikke." }).regex(/^[0-9a-f]{64}$/, "Sessionen findes ikke."),
    }),
    z.object({ intent: z.literal(END_OTHER_SESSIONS_FORM) }),
  ],
  { error: "Ukendt handling." },
);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const submission = await readSubmission(request, myAccountSchema);
  const formId = submittedFormId(submission.payload, { "end-session": "sessionId" }, "min-konto");
  if (submission.status !== "success") return refuseInvalid(formId, submission, { hidden: ["intent", "sessionId"] });
  const input = submission.value;
  switch (input.intent) {
    case "change-password": {
      const result = await changeOwnPassword(db, {
        user,
        currentPassword: input.currentPassword,
        newPassword: input.password,
        clientAddress: context.clientAddress ?? "unknown",
      });
      if (!result.ok && "retryAfterSeconds" in result) {
        return refuse(
          formId,
          submission,
          { form: "Der har været for mange forkerte forsøg. Vent lidt, og prøv igen." },
          429,
        );
      }
      if (!result.ok) return refuse(formId, submission, { fields: { currentPassword: result.message } });
      return accept(
        formId,
        submission,
        result.endedSessions > 0
          ? `Din adgangskode er ændret, og du er logget ud ${result.endedSessions === 1 ? "ét andet sted" : `${result.endedSessions} andre steder`}.`
          : "Din adgangskode er ændret.",
      );
    }
    case "end-session": {
      if (input.sessionId === user.sessionId) {
        return refuse(formId, submission, { form: "Det er den session, du bruger nu. Brug „Log ud“ øverst på siden." });
      }
      const ended = await destroyOwnSession(db, user.id, input.sessionId);
      return accept(formId, submission, ended ? "Sessionen er afsluttet." : "Sessionen var allerede afsluttet.");
    }
    case "end-other-sessions": {
      const ended = await destroyUserSessions(db, user.id, user.sessionId);
      return accept(
        formId,
        submission,
        ended === 0 ? "Du var ikke logget ind andre steder." : "Du er logget ud alle andre steder.",
      );
    }
  }
}

function ChangePasswordForm() {
  const change = useReplyForm<z.input<typeof changePasswordSchema>>(CHANGE_PASSWORD_FORM, usePageReply());
  return (
    <IntentForm reply={change} intent={CHANGE_PASSWORD_FORM} key={change.form.key}>
      <TextField
        {...fieldProps(change.fields.currentPassword)}
        label="Nuværende adgangskode"
        type="password"
        autoComplete="current-password"
        required
      />
      <NewPasswordFields fields={change.fields} hint="Mindst 10 tegn. Du bliver logget ud alle andre steder." />
      <button type="submit" className="button button-primary">
        Skift adgangskode
      </button>
    </IntentForm>
  );
}

export default function MyAccountPage() {
  const account = useLoaderData<typeof loader>();
  const others = account.sessions.filter((session) => !session.current);
  const passwordForm = account.passwordAllowed && account.hasPassword;
  const forms = [
    ...(passwordForm ? [CHANGE_PASSWORD_FORM] : []),
    ...others.map((session) => endSessionForm(session.id)),
    ...(others.length > 0 ? [END_OTHER_SESSIONS_FORM] : []),
  ];
  return (
    <>
      <h1>Min konto</h1>
      <PageReply forms={forms} />
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
        <ChangePasswordForm />
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
                    <ButtonForm
                      formId={endSessionForm(session.id)}
                      intent="end-session"
                      values={{ sessionId: session.id }}
                    >
                      Log ud<span className="sr-only"> af {session.browser}</span>
                    </ButtonForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {others.length > 0 && (
        <ButtonForm formId={END_OTHER_SESSIONS_FORM} intent={END_OTHER_SESSIONS_FORM}>
          Log ud alle andre steder
        </ButtonForm>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
