import type { CertificateView } from "~/progress/certificate.server";

/** The facts a certificate states, the same on the certificate and on its public check page. */
export function CertificateFacts({ certificate }: { certificate: CertificateView }) {
  return (
    <dl className="certificate-facts">
      <dt>Navn</dt>
      <dd>{certificate.learnerName}</dd>
      <dt>Kommune</dt>
      <dd>{certificate.organisationName ?? "Ikke oplyst"}</dd>
      <dt>Modul</dt>
      <dd>{certificate.moduleTitle}</dd>
      <dt>Gennemført</dt>
      <dd>
        <time dateTime={certificate.completedOn.iso}>{certificate.completedOn.text}</time>
      </dd>
      <dt>Retsgrundlag</dt>
      <dd>
        {certificate.legalAsOf && (
          <>
            pr. <time dateTime={certificate.legalAsOf.iso}>{certificate.legalAsOf.text}</time>:{" "}
          </>
        )}
        {certificate.legalBasis}
      </dd>
      <dt>Kontrolkode</dt>
      <dd className="certificate-code">{certificate.code}</dd>
    </dl>
  );
}
