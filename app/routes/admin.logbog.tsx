import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AUDIT_ACTION_LABELS, AUDIT_KEEP_MONTHS, listAuditLog } from "~/admin/audit.server";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import { getDb } from "~/db/database.server";
import { formatDateTime } from "~/utils/danish";

export const meta: MetaFunction = () => [{ title: "Logbog – Administration – Sagslab" }];

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const page = pageSchema.parse(new URL(request.url).searchParams.get("side") ?? 1);
  const { entries, more } = await listAuditLog(await getDb(), { page });
  return {
    page,
    more,
    keepMonths: AUDIT_KEEP_MONTHS,
    entries: entries.map((entry) => ({
      id: entry.id,
      at: formatDateTime(entry.at),
      actor: entry.actorName ?? "Sagslab (automatisk)",
      action: AUDIT_ACTION_LABELS[entry.action],
      subject: entry.subjectName ? `${entry.subjectName} (${entry.subjectEmail})` : null,
      cohort: entry.cohortName,
      details: Object.entries(entry.details)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(", "),
      clientAddress: entry.clientAddress,
    })),
  };
}

export default function AuditLogPage() {
  const { entries, page, more, keepMonths } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/admin", label: "Administration" }, { label: "Logbog" }]} />
      <h1>Logbog</h1>
      <p>
        Hvem der har oprettet, importeret, inviteret eller rettet en bruger, ændret en rolle (også ved single sign-on),
        deaktiveret eller genaktiveret en bruger, eksporteret et holds CSV eller en brugers data, slettet læringsdata,
        givet et hold en ny tilmeldingskode eller tilføjet og fjernet undervisere – hvornår og fra hvilken adresse. Hver
        post gemmes i {keepMonths} måneder. Nyeste først.
      </p>
      {entries.length === 0 ? (
        <p>Logbogen er tom.</p>
      ) : (
        <ScrollBox label={`Logbog, side ${page}`}>
          <table className="table">
            <caption>Logbog, side {page}</caption>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Hvem</th>
                <th scope="col">Handling</th>
                <th scope="col">Bruger</th>
                <th scope="col">Hold</th>
                <th scope="col">Detaljer</th>
                <th scope="col">Adresse</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.at}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td>{entry.subject ?? "–"}</td>
                  <td>{entry.cohort ?? "–"}</td>
                  <td>{entry.details || "–"}</td>
                  <td>{entry.clientAddress ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <nav aria-label="Sider i logbogen">
        <ul className="nobullet-list">
          {page > 1 && (
            <li>
              <Link to={`?side=${page - 1}`}>Nyere poster</Link>
            </li>
          )}
          {more && (
            <li>
              <Link to={`?side=${page + 1}`}>Ældre poster</Link>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
