import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/auth.server";
import { requireAuthorBegrundelse } from "~/authoring/authoring.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TOPICS } from "~/content/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Krav: ${data.title} – Forfatter – Sagslab` : "Begrundelse – Forfatter – Sagslab" },
];

/** The author's view of a begrundelse: the task, the case file, every criterion with its explanation, the model answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  return requireAuthorBegrundelse(params);
}

export default function BegrundelseAuthorPage() {
  const { title, file, module, begrundelse, introHtml } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: `Krav: ${title}` }]} />
      <p className="meta">
        Skriv begrundelsen i {module.title}
        {module.draft && " (kladde)"} · <code>{file}</code>
      </p>
      <h1>Krav og mønsterbesvarelse: {title}</h1>
      <p>
        {begrundelse.criteria.length} krav. Teksten skal have mindst {begrundelse.minLength} og højst{" "}
        {begrundelse.maxLength.toLocaleString("da-DK")} tegn.
      </p>
      {introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: introHtml }} />}
      <h2>Opgaven</h2>
      <div className="prose" dangerouslySetInnerHTML={{ __html: begrundelse.taskHtml }} />
      <h2>Sagens akter</h2>
      {begrundelse.documents.length === 0 ? (
        <p>Ingen dokumenter.</p>
      ) : (
        begrundelse.documents.map((document) => (
          <details key={document.id}>
            <summary>
              {document.title} <span className="meta">({document.id})</span>
            </summary>
            <div className="prose" dangerouslySetInnerHTML={{ __html: document.html }} />
          </details>
        ))
      )}
      <h2>Kravene</h2>
      <ol className="author-questions">
        {begrundelse.criteria.map((criterion) => (
          <li key={criterion.id}>
            <h3>
              {criterion.label} <span className="meta">({criterion.id})</span>
            </h3>
            <p className="meta">Emne: {TOPICS[criterion.topic]}</p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: criterion.explanationHtml }} />
          </li>
        ))}
      </ol>
      <h2>Mønsterbesvarelse</h2>
      <div className="prose" dangerouslySetInnerHTML={{ __html: begrundelse.modelAnswerHtml }} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
