import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CERTIFICATE_CHECK_FORM, CertificateCheckForm } from "~/components/certificate-check-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseSubmission, refuse } from "~/forms/submission.server";
import { normaliseJoinCode } from "~/trainer/join-code";

export const meta: MetaFunction = () => [{ title: "Kontrollér et kursusbevis – Sagslab" }];

const TYPE_THE_CODE = "Skriv kontrolkoden, som den står nederst på kursusbeviset.";
// The form was sent without a code (or with one far too long to be one).
const checkSchema = z.object({
  kode: z.string({ error: TYPE_THE_CODE }).trim().min(1, TYPE_THE_CODE).max(40, TYPE_THE_CODE),
});

/** Open to everyone: whoever is handed a printed certificate can check it here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  if (!query.has("kode")) return null;
  const submission = parseSubmission(query, checkSchema);
  if (submission.status !== "success") return refuse(CERTIFICATE_CHECK_FORM, submission);
  throw redirect(`/bevis/${encodeURIComponent(normaliseJoinCode(submission.value.kode))}`);
}

export default function CertificateCheckPage() {
  const reply = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Kontrollér et kursusbevis</h1>
      <p>
        Et kursusbevis fra Sagslab har en kontrolkode. Skriv koden, så ser du, hvad beviset skal sige: navn, kommune,
        modul, dato og retsgrundlag.
      </p>
      <CertificateCheckForm reply={reply ?? undefined} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
