import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CertificateCheckForm } from "~/components/certificate-check-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { normaliseJoinCode } from "~/trainer/join-code";

export const meta: MetaFunction = () => [{ title: "Kontrollér et kursusbevis – Sagslab" }];

const codeSchema = z.string().trim().min(1).max(40);

/** Open to everyone: whoever is handed a printed certificate can check it here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const kode = new URL(request.url).searchParams.get("kode");
  if (kode === null) return { error: undefined };
  const typed = codeSchema.safeParse(kode);
  if (typed.success) throw redirect(`/bevis/${encodeURIComponent(normaliseJoinCode(typed.data))}`);
  // The form was sent without a code (or with one far too long to be one).
  return data({ error: "Skriv kontrolkoden, som den står nederst på kursusbeviset." }, { status: 400 });
}

export default function CertificateCheckPage() {
  const { error } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Kontrollér et kursusbevis</h1>
      <p>
        Et kursusbevis fra Sagslab har en kontrolkode. Skriv koden, så ser du, hvad beviset skal sige: navn, kommune,
        modul, dato og retsgrundlag.
      </p>
      <CertificateCheckForm error={error} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
