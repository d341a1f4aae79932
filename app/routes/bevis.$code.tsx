import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/alert";
import { CertificateCheckForm } from "~/components/certificate-check-form";
import { CertificateFacts } from "~/components/certificate-facts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/database.server";
import { verifyCertificate } from "~/progress/certificate.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.certificate ? "Kursusbeviset er gyldigt – Sagslab" : "Kursusbeviset findes ikke – Sagslab" },
];

/**
 * Open to everyone, no login: confirms exactly what the certificate with this code says and
 * nothing else (no e-mail, no scores, no other certificates of the person).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = (params.code ?? "").slice(0, 40);
  const certificate = await verifyCertificate(await getDb(), code);
  return certificate ? { code, certificate } : data({ code, certificate: null }, { status: 404 });
}

export default function CertificateCheckResult() {
  const { code, certificate } = useLoaderData<typeof loader>();
  if (!certificate) {
    return (
      <>
        <h1>Kursusbeviset findes ikke</h1>
        <Alert tone="error" role="alert">
          <p className="alert-text">
            Sagslab har ikke udstedt et kursusbevis med kontrolkoden „{code}“. Kontrollér, at koden er skrevet rigtigt.
          </p>
        </Alert>
        <CertificateCheckForm defaultCode={code} />
      </>
    );
  }
  return (
    <>
      <h1>Kursusbeviset er gyldigt</h1>
      <Alert tone="success" role="status">
        Sagslab har udstedt dette kursusbevis. Det bekræfter, at personen har gennemført modulet og bestået dets cases
        og quiz.
      </Alert>
      <CertificateFacts certificate={certificate} />
      <p className="meta">Siden viser kun, hvad der står på beviset.</p>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
