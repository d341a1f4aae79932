import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/print-button";
import { getDb } from "~/db/database.server";
import { certificateFor } from "~/models/certificate.server";
import { requireModule } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Kursusbevis – ${data.module.title} – Sagslab` : "Kursusbevis – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module } = await requireModule(params, user.role);
  const certificate = await certificateFor(await getDb(), user, module);
  const body = { module: { id: module.id, title: module.title, legalBasis: module.legalBasis }, certificate };
  // Not complete yet: 403, with what is missing.
  return certificate.issued ? body : data(body, { status: 403 });
}

export default function CertificatePage() {
  const { module, certificate } = useLoaderData<typeof loader>();
  if (!certificate.issued) {
    return (
      <>
        <Breadcrumbs
          items={[
            { to: "/", label: "Moduler" },
            { to: `/moduler/${module.id}`, label: module.title },
            { label: "Kursusbevis" },
          ]}
        />
        <h1>Kursusbeviset er ikke klar endnu</h1>
        <p>
          Du får dit kursusbevis for „{module.title}“, når du har gennemført alle modulets obligatoriske aktiviteter. Du
          mangler:
        </p>
        <ul className="missing-list">
          {certificate.missing.map((activity) => (
            <li key={activity.id}>
              <Link to={`/moduler/${module.id}/${activity.id}`}>{activity.title}</Link> ({activity.typeLabel}):{" "}
              {activity.todo}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <div className="no-print">
        <Breadcrumbs
          items={[
            { to: "/", label: "Moduler" },
            { to: `/moduler/${module.id}`, label: module.title },
            { label: "Kursusbevis" },
          ]}
        />
      </div>
      <article className="certificate" aria-labelledby="bevis-titel">
        <p className="certificate-platform">Sagslab</p>
        <h1 id="bevis-titel">Kursusbevis</h1>
        <p className="certificate-lead">Det bevidnes hermed, at</p>
        <p className="certificate-name">{certificate.learnerName}</p>
        <p className="certificate-lead">har gennemført e-læringsmodulet</p>
        <p className="certificate-module">{module.title}</p>
        <dl className="certificate-facts">
          <dt>Retsgrundlag</dt>
          <dd>{module.legalBasis.join(" · ")}</dd>
          <dt>Gennemført</dt>
          <dd>
            <time dateTime={certificate.completedOnIso}>{certificate.completedOn}</time>
          </dd>
        </dl>
        <p className="certificate-footer">Udstedt af Sagslab – e-læring i sagsbehandling på handicapområdet</p>
      </article>
      <div className="actions">
        <PrintButton label="Udskriv kursusbeviset" />
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
