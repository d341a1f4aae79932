/**
 * The preview beside the browser editor: a lesson's (or module introduction's) HTML, a case's map
 * with each step and outcome linked to its line in the editor, a quiz's questions with the right
 * answers marked in words, an evaluation's statements.
 */
import { Link } from "@remix-run/react";
import { AnswerOptions } from "./answer-options";
import type { MouseEvent } from "react";
import type { EditorPreview } from "~/authoring/editor.server";
import { CaseMapLegend, CaseMapSvg } from "./case-map-svg";

export function EditorPreviewPane({
  preview,
  saved,
  onGoToLine,
}: {
  preview: EditorPreview;
  /** Whether the preview is of the saved file (the step preview pages show the saved file only). */
  saved: boolean;
  onGoToLine?: (line: number) => void;
}) {
  const goTo = (line: number) => (event: MouseEvent) => {
    if (!onGoToLine) return; // without JavaScript the link opens the editor at the line
    event.preventDefault();
    onGoToLine(line);
  };
  switch (preview.kind) {
    case "none":
      return <p>{preview.reason}</p>;
    case "html":
      return (
        <>
          <p className="meta">{preview.typeLabel}</p>
          <h3 className="editor-preview-title">{preview.title}</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html }} />
        </>
      );
    case "quiz":
      return (
        <>
          <h3 className="editor-preview-title">{preview.title}</h3>
          <p className="meta">
            {preview.questions.length} spørgsmål · bestået ved {preview.passPercent} % rigtige
          </p>
          {preview.introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: preview.introHtml }} />}
          <ol className="author-questions">
            {preview.questions.map((question) => (
              <li key={question.id}>
                <div className="prose" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />
                <AnswerOptions options={question.options} />
              </li>
            ))}
          </ol>
        </>
      );
    case "evaluation":
      return (
        <>
          <h3 className="editor-preview-title">{preview.title}</h3>
          {preview.introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: preview.introHtml }} />}
          <ul>
            {preview.items.map((item) => (
              <li key={item.id}>
                {item.text} <span className="meta">({item.kind === "likert" ? "skala" : "fritekst"})</span>
              </li>
            ))}
          </ul>
        </>
      );
    case "case": {
      const lineOf = new Map(preview.places.map((place) => [place.id, place.line]));
      const here = (line: number) => `?linje=${line}`;
      return (
        <>
          <h3 className="editor-preview-title">{preview.title}</h3>
          <p>
            Højeste score:{" "}
            <strong>{preview.maxScore === null ? "kan ikke beregnes" : `${preview.maxScore} point`}</strong>
            {preview.bestOutcomeId && (
              <>
                {" "}
                (bedste vej ender i <strong>{preview.bestOutcomeId}</strong>)
              </>
            )}
            {!preview.playable && " · kan ikke spilles af kursister, før fejlene er rettet"}
          </p>
          <CaseMapLegend />
          <div
            className="case-map-scroll editor-case-map"
            tabIndex={0}
            role="region"
            aria-label="Kortet over casen (samme trin som listen nedenfor)"
          >
            <CaseMapSvg
              layout={preview.layout}
              stepHref={(id) => here(lineOf.get(id) ?? 1)}
              onStepClick={(id, event) => goTo(lineOf.get(id) ?? 1)(event)}
            />
          </div>
          <h4>Trin og afslutninger</h4>
          <ul className="nobullet-list editor-places">
            {preview.places.map((place) => (
              <li key={place.id}>
                <a href={here(place.line)} onClick={goTo(place.line)}>
                  {place.kind === "step" ? "Trin" : "Afslutning"} {place.id}: linje {place.line}
                </a>
                {saved && preview.playable && place.kind === "step" && (
                  <>
                    {" · "}
                    <Link to={`/forfatter/case/${preview.activityId}/trin/${place.id}`}>
                      Forhåndsvis trinnet<span className="visually-hidden"> {place.id}</span>
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      );
    }
  }
}
