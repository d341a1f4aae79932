import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { CertificateFacts } from "~/components/certificate-facts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/print-button";
import { getDb } from "~/db/database.server";
import { certificateFor } from "~/progress/certificate.server";
import { requireModule } from "~/content/require-content.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Kursusbevis – ${data.module.title} – Sagslab` : "Kursusbevis – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { module } = await requireModule(params, user.role);
  const certificate = await certificateFor(await getDb(), user.id, module);
  const body = { module: { id: module.id, title: module.title }, certificate, origin: new URL(request.url).origin };
  // Not completed yet: 403, with what is missing.
  return certificate.issued ? body : data(body, { status: 403 });
}

export default function CertificatePage() {
  const { module, certificate, origin } = useLoaderData<typeof loader>();
  const crumbs = [
    { to: "/", label: "Moduler" },
    { to: `/moduler/${module.id}`, label: module.title },
    { label: "Kursusbevis" },
  ];
  if (!certificate.issued) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>Kursusbeviset er ikke klar endnu</h1>
        <p>
          Du får dit kursusbevis for „{module.title}“, når du har læst modulets lektioner, bestået dets cases og quiz og
          indsendt evalueringen. Du mangler:
        </p>
        <ul className="missing-list">
          {certificate.missing.map((activity) => (
            <li key={activity.id}>
              <Link to={`/moduler/${module.id}/${activity.id}`}>{activity.sentence}</Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/moduler/${module.id}`}>Tilbage til modulet</Link>
        </p>
      </>
    );
  }
  const { certificate: bevis } = certificate;
  const checkUrl = `${origin}/bevis/${bevis.code}`;
  return (
    <>
      <div className="no-print">
        <Breadcrumbs items={crumbs} />
      </div>
      <article className="certificate" aria-labelledby="bevis-titel">
        <p className="certificate-platform">Sagslab</p>
        <h1 id="bevis-titel">Kursusbevis</h1>
        <p className="certificate-lead">Det bevidnes hermed, at</p>
        <p className="certificate-name">{bevis.learnerName}</p>
        {bevis.organisationName && <p className="certificate-lead">{bevis.organisationName}</p>}
        <p className="certificate-lead">har gennemført e-læringsmodulet</p>
        <p className="certificate-module">{bevis.moduleTitle}</p>
        <p className="certificate-lead">og bestået modulets cases og quiz.</p>
        <CertificateFacts certificate={bevis} />
        <p className="certificate-footer">
          Kontrollér beviset på <span className="certificate-url">{checkUrl}</span>
          <br />
          Udstedt af Sagslab – e-læring i sagsbehandling på handicapområdet
        </p>
      </article>
      <div className="actions no-print">
        <PrintButton label="Udskriv kursusbeviset" />
        <Link to={`/bevis/${bevis.code}`}>Se, hvad kontrolsiden viser</Link>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
