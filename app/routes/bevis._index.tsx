import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { CertificateCheckForm } from "~/components/certificate-check-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { normaliseJoinCode } from "~/trainer/join-code";

export const meta: MetaFunction = () => [{ title: "Kontrollér et kursusbevis – Sagslab" }];

const codeSchema = z.string().trim().min(1).max(40);

/** Open to everyone: whoever is handed a printed certificate can check it here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = codeSchema.safeParse(new URL(request.url).searchParams.get("kode") ?? "");
  if (typed.success) throw redirect(`/bevis/${encodeURIComponent(normaliseJoinCode(typed.data))}`);
  return null;
}

export default function CertificateCheckPage() {
  return (
    <>
      <h1>Kontrollér et kursusbevis</h1>
      <p>
        Et kursusbevis fra Sagslab har en kontrolkode. Skriv koden, så ser du, hvad beviset skal sige: navn, kommune,
        modul, dato og retsgrundlag.
      </p>
      <CertificateCheckForm />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
