import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { Alert } from "~/components/alert";
import { DanishPeriod } from "~/components/danish-date";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/database.server";
import { joinSchema, lookUpJoinCode } from "~/trainer/cohorts.server";
import { JoinForm } from "~/components/join-form";

export const meta: MetaFunction = () => [{ title: "Tilmeld dig et hold – Sagslab" }];

/** The join link: shows which cohort the code belongs to; joining is a POST to /tilmeld. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const parsed = joinSchema.safeParse({ code: params.code ?? "" });
  if (!parsed.success) return { code: "", lookup: { ok: false as const, message: parsed.error.issues[0]!.message } };
  return { code: parsed.data.code, lookup: await lookUpJoinCode(await getDb(), parsed.data.code) };
}

export default function JoinLinkPage() {
  const { code, lookup } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Tilmeld dig et hold</h1>
      {lookup.ok ? (
        <>
          <p>
            Du er inviteret til holdet <strong>{lookup.cohort.name}</strong> i {lookup.cohort.organisation},{" "}
            <DanishPeriod from={lookup.cohort.startsOn} to={lookup.cohort.endsOn} />.
          </p>
          <JoinForm defaultCode={code} />
        </>
      ) : (
        <>
          <Alert tone="error" role="alert">
            {lookup.message}
          </Alert>
          <JoinForm defaultCode={code} error={lookup.message} />
        </>
      )}
      <p>
        <Link to="/">Til dine moduler</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
