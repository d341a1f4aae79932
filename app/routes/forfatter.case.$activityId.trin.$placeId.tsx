import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorCase } from "~/authoring/authoring.server";
import { choiceFacts } from "~/authoring/case-map";
import { buildStepPreview, previewQuery, previewQuerySchema, validatePreviewState } from "~/authoring/preview";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ID_PATTERN } from "~/content/format";
import { badRequest, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Forhåndsvisning: ${data.preview.id} – ${data.title} – Sagslab` : "Forhåndsvisning – Sagslab" },
];

const placeParams = z.object({ placeId: z.string().regex(ID_PATTERN, "Trinnets id har ugyldige tegn.") });

/** The author's preview of one step or outcome. Its state is the query string; nothing is stored. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  const found = await requireAuthorCase(params);
  const place = placeParams.safeParse(params);
  if (!place.success) notFound("Trinnet findes ikke i casen.");
  const url = new URL(request.url);
  const query = previewQuerySchema.safeParse({
    flag: url.searchParams.getAll("flag"),
    vej: url.searchParams.getAll("vej"),
  });
  if (!query.success) badRequest(query.error.issues[0]!.message);
  const state = validatePreviewState(found.definition, query.data);
  if ("error" in state) badRequest(state.error);
  const base = `/forfatter/case/${found.id}`;
  const preview = buildStepPreview(
    found.definition,
    place.data.placeId,
    state,
    (placeId, next) => `${base}/trin/${placeId}${previewQuery(next)}`,
  );
  if (!preview) notFound(`Casen har intet trin og ingen afslutning med id'et "${place.data.placeId}".`);
  return {
    id: found.id,
    title: found.title,
    base,
    preview,
    restart: `${base}/trin/${found.definition.start}`,
    path: state.path,
  };
}

export default function StepPreviewPage() {
  const { id, title, base, preview, restart, path } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[{ to: "/forfatter", label: "Forfatter" }, { to: base, label: `Kort: ${title}` }, { label: preview.id }]}
      />
      <p className="meta">Forhåndsvisning som forfatter · intet gemmes, og kursister kan ikke se denne side</p>
      <h1>
        {preview.kind === "step" ? `Trin: ${preview.id}` : `Afslutning: ${preview.id}`}
        <span className="visually-hidden"> i {title}</span>
      </h1>

      {preview.lastChoice && (
        <section className="case-feedback author-last-choice" aria-labelledby="sidste-valg">
          <h2 id="sidste-valg">
            Tilbagemelding på „{preview.lastChoice.label}“ ({preview.lastChoice.points} point)
          </h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: preview.lastChoice.feedbackHtml }} />
        </section>
      )}

      <dl className="module-facts">
        <dt>{preview.kind === "step" ? "Fase" : "Resultat"}</dt>
        <dd>
          {preview.kind === "step" ? (
            preview.phaseLabel
          ) : (
            <span className={`result-${preview.result}`}>{preview.resultLabel}</span>
          )}
        </dd>
        <dt>Flag sat</dt>
        <dd>{preview.flags.length > 0 ? preview.flags.join(", ") : "ingen"}</dd>
        <dt>Score på vejen hertil</dt>
        <dd>{preview.score} point</dd>
      </dl>

      {preview.kind === "outcome" ? (
        <section aria-labelledby="afslutning">
          <h2 id="afslutning">Hvad der sker</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html }} />
        </section>
      ) : (
        <>
          <section aria-labelledby="situation">
            <h2 id="situation">Situationen</h2>
            <div className="prose" dangerouslySetInnerHTML={{ __html: preview.situationHtml }} />
          </section>
          {preview.documents.length > 0 && (
            <section aria-labelledby="dokumenter">
              <h2 id="dokumenter">Sagens akter</h2>
              <ul className="case-documents">
                {preview.documents.map((document) => (
                  <li key={document.id}>
                    <details open={document.fromStep === preview.id}>
                      <summary>
                        {document.title} <span className="meta">(fra trinnet {document.fromStep})</span>
                      </summary>
                      <div className="case-document prose" dangerouslySetInnerHTML={{ __html: document.html }} />
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="valg">
            <h2 id="valg">Alle valg</h2>
            <ol className="author-choices">
              {preview.choices.map((choice) => (
                <li key={choice.id} className={choice.offered ? undefined : "choice-not-offered"}>
                  <h3>„{choice.label}“</h3>
                  <p className="meta">
                    Id <code>{choice.id}</code> · {choiceFacts(choice)} · fører til {choice.toLabel}
                  </p>
                  {!choice.offered && (
                    <p>
                      <strong>Tilbydes ikke kursisten nu:</strong> kræver flaget{" "}
                      {choice.requires.filter((f) => !preview.flags.includes(f)).join(", ")}.
                    </p>
                  )}
                  <details open>
                    <summary>Tilbagemelding</summary>
                    <div className="prose" dangerouslySetInnerHTML={{ __html: choice.feedbackHtml }} />
                  </details>
                  <p>
                    <Link className="button button-secondary" to={choice.href}>
                      {choice.offered ? "Tag dette valg" : "Sæt flaget og vis trinnet igen"}
                      <span className="visually-hidden">: {choice.label}</span>
                    </Link>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}

      {preview.path.length > 0 && (
        <section aria-labelledby="vejen">
          <h2 id="vejen">Vejen hertil</h2>
          <ol>
            {preview.path.map((entry, index) => (
              <li key={index}>
                {entry.stepId}: „{entry.choiceLabel}“ ({entry.points} point)
              </li>
            ))}
          </ol>
        </section>
      )}

      <form method="get" className="author-flags" aria-labelledby="flag-overskrift">
        <h2 id="flag-overskrift">Flag i forhåndsvisningen</h2>
        {preview.allFlags.length === 0 ? (
          <p>Casen bruger ingen flag.</p>
        ) : (
          <fieldset>
            <legend>Vælg de flag, der skal være sat</legend>
            {path.map((entry, index) => (
              <input key={index} type="hidden" name="vej" value={entry} />
            ))}
            {preview.allFlags.map((flag) => (
              <div className="form-group-checkbox" key={flag}>
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`flag-${flag}`}
                  name="flag"
                  value={flag}
                  defaultChecked={preview.flags.includes(flag)}
                />
                <label htmlFor={`flag-${flag}`}>{flag}</label>
              </div>
            ))}
            <button type="submit" className="button button-secondary">
              Vis trinnet med disse flag
            </button>
          </fieldset>
        )}
      </form>
      <p className="actions">
        <Link to={restart}>Start forfra</Link>
        <Link to={base}>Tilbage til kortet over {id}</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
