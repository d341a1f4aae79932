import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listMailbox } from "~/mail/mail.server";
import { splitLinks } from "~/mail/templates";
import trainerStyles from "~/styles/trainer.css";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction = () => [{ title: "Sendte e-mails – Sagslab" }];

/**
 * The mails written to DATA_DIR/mail when no SMTP_URL is set, so invitations and password resets
 * can be tried without a mail server. Only in development and demo mode: in production the
 * mails may hold live links to other people's accounts.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const env = getEnv();
  if (!env.mailboxVisible) notFound("Siden findes kun i udviklings- og demotilstand uden SMTP_URL.");
  const mails = await listMailbox();
  return {
    folder: env.mailDir,
    mails: mails.map((mail) => ({
      id: mail.id,
      to: mail.to,
      subject: mail.subject,
      sentAt: new Date(mail.sentAt).toLocaleString("da-DK", { timeZone: "Europe/Copenhagen" }),
      text: mail.text,
    })),
  };
}

export default function MailboxPage() {
  const { folder, mails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Sendte e-mails</h1>
      <p>
        Der er ikke sat en mailserver op (<code>SMTP_URL</code>), så e-mails gemmes som filer i <code>{folder}</code> og
        vises her. Siden findes kun i udviklings- og demotilstand.
      </p>
      {mails.length === 0 ? (
        <p>Der er ikke sendt nogen e-mails endnu.</p>
      ) : (
        <ul className="nobullet-list mailbox">
          {mails.map((mail) => (
            <li key={mail.id}>
              <details>
                <summary>
                  <strong>{mail.subject}</strong> til {mail.to}, {mail.sentAt}
                </summary>
                <pre className="mail-text">
                  {splitLinks(mail.text).map((part, index) =>
                    part.link ? (
                      <a key={index} href={part.text}>
                        {part.text}
                      </a>
                    ) : (
                      part.text
                    ),
                  )}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
