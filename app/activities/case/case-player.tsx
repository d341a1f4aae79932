/**
 * Plays a case: the situation, the case file so far and the offered choices; then the feedback
 * on the choice; at the end the result and a review of the whole path. Plain forms, so it works
 * without JavaScript; with JavaScript Remix submits them without a page reload, and focus moves
 * to what changed (the feedback, the new situation, the result) so a screen reader announces it.
 */
import { Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Alert } from "~/components/alert";
import { Prose } from "~/components/prose";
import { WayForwardLink } from "~/components/way-forward-link";
import type { ActivityViewProps } from "../activity-type";
import { CaseFile } from "~/components/case-file";
import { IntentForm } from "~/components/forms";
import { isRefused, replyMessages } from "~/forms/reply";
import { useFocusOnChange } from "~/utils/use-focus-on-change";
import { CASE_FORMS, type CasePage } from "./page";

export function CasePlayer({ page, reply }: ActivityViewProps<CasePage>) {
  // The case's forms are buttons, and the one refused may be gone (a stale tab is shown where the
  // case is now): why the case did not move on stands above it, whichever form was sent.
  const error = reply && isRefused(reply) ? replyMessages(reply).formError : undefined;
  const { attempt: data, intro } = page;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const focusKey =
    data.kind === "attempt" ? `${data.view.state}-${"seq" in data.view ? data.view.seq : "end"}` : data.kind;
  const focusRef = useFocusOnChange<HTMLHeadingElement>(focusKey);
  const errorRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const errorBox = error ? <Alert tone="warning" role="alert" heading={error} headingRef={errorRef} /> : null;

  if (data.kind === "intro" || data.kind === "outdated") {
    return (
      <>
        {errorBox}
        {data.kind === "outdated" && (
          <Alert tone="info" role="status" heading="Casen er blevet opdateret">
            Forfatteren har ændret casen, siden du startede, og din tidligere udgave findes ikke længere. Start forfra
            på den nye udgave.
          </Alert>
        )}
        <Prose prose={intro} />
        {data.kind === "intro" && (
          <p className="meta">
            Casen har {page.stepCount} beslutningspunkter. Efter hvert valg ser du, hvor godt det var, og hvor mange
            point det gav; til sidst får du en gennemgang af alle dine valg.
          </p>
        )}
        <IntentForm intent={data.kind === "intro" ? CASE_FORMS.start : CASE_FORMS.restart} className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {data.kind === "intro" ? "Start casen" : "Start forfra"}
          </button>
        </IntentForm>
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
      {view.state !== "outcome" && view.resume && (
        <Alert tone="info" role="status" className="case-resume">
          {view.resume}
        </Alert>
      )}
      <div className="case-layout">
        <div className="case-main">
          {view.state === "step" && (
            <>
              <section aria-labelledby="situation">
                <h2 id="situation" tabIndex={-1} ref={focusRef}>
                  {view.counter} <span className="meta">· fase: {view.phaseLabel}</span>
                </h2>
                <Prose prose={view.situation} className="prose situation" />
              </section>
              <IntentForm intent={CASE_FORMS.choose} preventScrollReset>
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
              </IntentForm>
            </>
          )}

          {view.state === "feedback" && (
            <section className="case-feedback" aria-labelledby="tilbagemelding">
              <Alert
                tone={view.verdict.tone}
                heading={
                  <>
                    {view.verdict.text} <span className="verdict-points">· {view.verdict.points}</span>
                  </>
                }
                headingId="tilbagemelding"
                headingRef={focusRef}
                className="case-verdict"
              >
                {view.verdict.notes.map((note) => (
                  <p className="alert-text" key={note}>
                    {note}
                  </p>
                ))}
              </Alert>
              <p>
                Du valgte: <strong>{view.chosenLabel}</strong>
              </p>
              <Prose prose={view.feedback} className="prose feedback" />
              <IntentForm intent={CASE_FORMS.continue} preventScrollReset className="actions">
                <input type="hidden" name="seq" value={view.seq} />
                <button type="submit" className="button button-primary" disabled={busy}>
                  {view.leadsToOutcome ? "Se resultatet" : "Fortsæt"}
                </button>
              </IntentForm>
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
                <p className="case-passed">
                  {view.passed
                    ? "Casen er bestået."
                    : "Casen er spillet, men ikke bestået. Læs gennemgangen, og prøv igen."}
                </p>
                <Prose prose={view.outcome} />
              </section>
              <ResultActions passed={view.passed} way={page.way} busy={busy} />
              {view.debrief.length > 0 && (
                <section aria-labelledby="emner">
                  <h2 id="emner">Dine point emne for emne</h2>
                  <ul className="case-debrief">
                    {view.debrief.map((topic) => (
                      <li key={topic.label}>
                        <strong>
                          {topic.label}: {topic.earned} af {topic.possible} point
                        </strong>
                        {(topic.lesson || topic.checklist) && (
                          <span className="debrief-links">
                            {" "}
                            Læs mere:{" "}
                            {topic.lesson && <Link to={topic.lesson.to}>lektionen „{topic.lesson.title}“</Link>}
                            {topic.lesson && topic.checklist && " og "}
                            {topic.checklist && (
                              <Link to={topic.checklist.to}>tjeklisten „{topic.checklist.title}“</Link>
                            )}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
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
                        <Prose prose={item.situation} />
                      </details>
                      <p>
                        Dit valg: <strong>{item.chosenLabel}</strong> ({item.points} point)
                      </p>
                      <Alert tone={item.tone} heading={item.heading} headingLevel={4} className="review-verdict">
                        {item.notes.map((note) => (
                          <p className="alert-text" key={note}>
                            {note}
                          </p>
                        ))}
                      </Alert>
                      <Prose prose={item.feedback} className="prose feedback" />
                    </li>
                  ))}
                </ol>
              </section>
              <ResultActions passed={view.passed} way={page.way} busy={busy} />
            </>
          )}
        </div>
        <CaseFile documents={view.documents} />
      </div>
    </div>
  );
}

/** Above and below the review: "Prøv igen" first when the case is not passed, the way on first when it is. */
function ResultActions({ passed, way, busy }: { passed: boolean; way: CasePage["way"]; busy: boolean }) {
  return (
    <div className="actions">
      {!passed && <TryAgain busy={busy} primary />}
      <WayForwardLink way={way} primary={passed} />
      {passed && <TryAgain busy={busy} />}
    </div>
  );
}

function TryAgain({ busy, primary = false }: { busy: boolean; primary?: boolean }) {
  return (
    <IntentForm intent={CASE_FORMS.restart}>
      <button type="submit" className={`button ${primary ? "button-primary" : "button-secondary"}`} disabled={busy}>
        Prøv igen
      </button>
    </IntentForm>
  );
}
