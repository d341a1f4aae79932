/**
 * Plays a case: the situation, the case file so far and the offered choices; then the feedback
 * on the choice; at the end the result and a review of the whole path. Plain forms, so it works
 * without JavaScript; with JavaScript Remix submits them without a page reload, and focus moves
 * to what changed (the feedback, the new situation, the result) so a screen reader announces it.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ActivityViewProps } from "../activity-type";
import { CaseFile } from "~/components/case-file";
import { IntentField as Intent } from "~/components/forms";
import { useFocusOnChange } from "~/utils/use-focus-on-change";
import type { CasePage } from "./page";

export function CasePlayer({ page, actionData }: ActivityViewProps<CasePage>) {
  const error = actionData?.error;
  const { attempt: data, introHtml } = page;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const focusKey =
    data.kind === "attempt" ? `${data.view.state}-${"seq" in data.view ? data.view.seq : "end"}` : data.kind;
  const focusRef = useFocusOnChange<HTMLHeadingElement>(focusKey);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const errorBox = error ? (
    <div className="alert alert-warning" role="alert" tabIndex={-1} ref={errorRef}>
      <div className="alert-body">
        <p className="alert-text">{error}</p>
      </div>
    </div>
  ) : null;

  if (data.kind === "intro" || data.kind === "outdated") {
    return (
      <>
        {errorBox}
        {data.kind === "outdated" && (
          <div className="alert alert-info" role="status">
            <div className="alert-body">
              <p className="alert-heading">Casen er blevet opdateret</p>
              <p className="alert-text">
                Forfatteren har ændret casen, siden du startede, og din tidligere udgave findes ikke længere. Start
                forfra på den nye udgave.
              </p>
            </div>
          </div>
        )}
        <div className="prose" dangerouslySetInnerHTML={{ __html: introHtml }} />
        {data.kind === "intro" && (
          <p className="meta">
            Casen har {page.stepCount} beslutningspunkter. Du får point for dine valg; dem ser du til sidst.
          </p>
        )}
        <Form method="post" className="actions">
          <Intent value={data.kind === "intro" ? "case.start" : "case.restart"} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {data.kind === "intro" ? "Start casen" : "Start forfra"}
          </button>
        </Form>
      </>
    );
  }

  const { view } = data;
  return (
    <div className="case-player">
      {errorBox}
      {data.olderVersion && (
        <p className="meta">Du spiller den udgave af casen, du startede på. Casen er siden blevet opdateret.</p>
      )}
      <div className="case-layout">
        <div className="case-main">
          {view.state === "step" && (
            <>
              <section aria-labelledby="situation">
                <h2 id="situation" tabIndex={-1} ref={focusRef}>
                  Beslutning {view.stepNumber} <span className="meta">· fase: {view.phaseLabel}</span>
                </h2>
                <div className="prose situation" dangerouslySetInnerHTML={{ __html: view.situationHtml }} />
              </section>
              <Form method="post" preventScrollReset>
                <Intent value="case.choose" />
                <input type="hidden" name="seq" value={view.seq} />
                <fieldset className="case-choices">
                  <legend className="h3">Hvad gør du?</legend>
                  {view.choices.map((choice) => (
                    <button
                      key={choice.value}
                      type="submit"
                      name="choice"
                      value={choice.value}
                      className="button button-secondary case-choice"
                      disabled={busy}
                    >
                      {choice.label}
                    </button>
                  ))}
                </fieldset>
              </Form>
            </>
          )}

          {view.state === "feedback" && (
            <section className="case-feedback" aria-labelledby="tilbagemelding">
              <h2 id="tilbagemelding" tabIndex={-1} ref={focusRef}>
                Tilbagemelding
              </h2>
              <p>
                Du valgte: <strong>{view.chosenLabel}</strong>
              </p>
              <div className="prose feedback" dangerouslySetInnerHTML={{ __html: view.feedbackHtml }} />
              <Form method="post" preventScrollReset className="actions">
                <Intent value="case.continue" />
                <input type="hidden" name="seq" value={view.seq} />
                <button type="submit" className="button button-primary" disabled={busy}>
                  {view.leadsToOutcome ? "Se resultatet" : "Fortsæt"}
                </button>
              </Form>
            </section>
          )}

          {view.state === "outcome" && (
            <>
              <section className={`case-result result-${view.result}`} aria-labelledby="resultat">
                <h2 id="resultat" tabIndex={-1} ref={focusRef}>
                  Resultat: {view.resultLabel}
                </h2>
                <p className="case-score">
                  Du fik <strong>{view.score}</strong> af {view.maxScore} mulige point ({view.percent} %).
                </p>
                <div className="prose" dangerouslySetInnerHTML={{ __html: view.outcomeHtml }} />
              </section>
              <section aria-labelledby="gennemgang">
                <h2 id="gennemgang">Gennemgang af dine valg</h2>
                <ol className="case-review">
                  {view.review.map((item) => (
                    <li key={item.number}>
                      <h3>
                        Beslutning {item.number} <span className="meta">· fase: {item.phaseLabel}</span>
                      </h3>
                      <details>
                        <summary>Situationen</summary>
                        <div className="prose" dangerouslySetInnerHTML={{ __html: item.situationHtml }} />
                      </details>
                      <p>
                        Dit valg: <strong>{item.chosenLabel}</strong> ({item.points} point)
                      </p>
                      <div className="prose feedback" dangerouslySetInnerHTML={{ __html: item.feedbackHtml }} />
                      {item.betterChoiceLabel ? (
                        <p className="review-better">
                          <strong>Et bedre valg var muligt:</strong> {item.betterChoiceLabel}
                        </p>
                      ) : (
                        <p className="review-best">Det var det bedste valg på dette trin.</p>
                      )}
                    </li>
                  ))}
                </ol>
              </section>
              <Form method="post" className="actions">
                <Intent value="case.restart" />
                <button type="submit" className="button button-primary" disabled={busy}>
                  Prøv igen
                </button>
              </Form>
            </>
          )}
        </div>
        <CaseFile documents={view.documents} />
      </div>
    </div>
  );
}
