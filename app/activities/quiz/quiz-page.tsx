/**
 * A quiz as one form (radio buttons, or checkboxes where several answers are right), and after
 * submitting, the result per question with the right answer and the explanation.
 */
import { Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ActivityViewProps } from "../activity-type";
import { FieldError, IntentForm } from "~/components/forms";
import { Prose } from "~/components/prose";
import { WayForwardLink } from "~/components/way-forward-link";
import { useReplyForm } from "~/forms/use-reply-form";
import { QUIZ_FORM, type QuizPage } from "./page";

/** A new form (a retake) starts empty: keyed on its submission id. */
export function QuizView({ page, reply }: ActivityViewProps<QuizPage>) {
  return <Quiz key={page.kind === "form" ? page.submissionId : "result"} data={page} reply={reply} />;
}

function Quiz({ data, reply }: { data: QuizPage; reply?: ActivityViewProps<QuizPage>["reply"] }) {
  const navigation = useNavigation();
  // A refused submit keeps what was chosen: `q-<question>` is an option's position, or several.
  const quiz = useReplyForm<Record<string, string | string[]>>(QUIZ_FORM, reply);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (data.kind === "result") headingRef.current?.focus();
  }, [data.kind]);

  if (data.kind === "result") {
    const { result } = data;
    return (
      <>
        <section
          className={`quiz-result ${result.passed ? "result-korrekt" : "result-forkert"}`}
          aria-labelledby="quiz-resultat"
        >
          <h2 id="quiz-resultat" tabIndex={-1} ref={headingRef}>
            {result.passed ? "Bestået" : "Ikke bestået"}: {result.correctCount} af {result.questionCount} rigtige (
            {result.percent} %)
          </h2>
          <p>
            {result.passed
              ? `Du har bestået quizzen (kravet er ${result.passPercent} % rigtige).`
              : `Kravet er ${result.passPercent} % rigtige. Læs forklaringerne, og prøv igen.`}{" "}
            Dette var dit {result.attemptNumber}. forsøg.
          </p>
        </section>
        <ol className="quiz-review">
          {result.questions.map((question) => (
            <li key={question.number}>
              <h3>
                Spørgsmål {question.number}:{" "}
                <span className={question.correct ? "answer-right" : "answer-wrong"}>
                  {question.correct ? "Rigtigt" : "Forkert"}
                </span>
              </h3>
              <Prose prose={question.prompt} />
              <p>
                Dit svar: <strong>{question.chosenLabels.join(", ") || "(intet svar)"}</strong>
              </p>
              {!question.correct && (
                <p>
                  Rigtigt svar: <strong>{question.correctLabels.join(", ")}</strong>
                </p>
              )}
              {question.explanation && (
                <div className="quiz-explanation">
                  <p className="quiz-explanation-heading">Forklaring</p>
                  <Prose prose={question.explanation} />
                </div>
              )}
            </li>
          ))}
        </ol>
        {/* Passed: going on comes first; not passed: trying again does. */}
        <div className="actions">
          {result.passed && <WayForwardLink way={data.way} primary />}
          <Link className={`button ${result.passed ? "button-secondary" : "button-primary"}`} to={data.retakeUrl}>
            Tag quizzen igen
          </Link>
          {!result.passed && <WayForwardLink way={data.way} />}
        </div>
      </>
    );
  }

  const { form } = data;
  return (
    <>
      <Prose prose={data.intro} />
      <p className="meta">
        {form.questions.length} spørgsmål. Du skal have mindst {form.passPercent} % rigtige for at bestå.
        {data.best &&
          ` Dit bedste resultat: ${data.best.correctCount} af ${data.best.questionCount} rigtige (${data.best.percent} %)${data.best.passed ? ", bestået" : ""}, efter ${data.attempts} forsøg.`}
      </p>
      <IntentForm reply={quiz} intent={QUIZ_FORM} className="quiz-form">
        <input type="hidden" name="submissionId" value={data.submissionId} />
        <input type="hidden" name="attemptNumber" value={data.attemptNumber} />
        {form.questions.map((question) => {
          const field = quiz.fields[question.field]!;
          const error = field.errors?.[0];
          const promptId = `${field.id}-prompt`;
          const chosen = field.defaultOptions ?? [];
          return (
            <fieldset
              key={question.id}
              id={field.id}
              className={`quiz-question form-group${error ? " form-error" : ""}`}
              aria-describedby={[promptId, error ? field.errorId : null].filter(Boolean).join(" ")}
            >
              <legend className="h3">
                Spørgsmål {question.number} af {form.questions.length}
              </legend>
              <Prose prose={question.prompt} id={promptId} />
              {question.multiple && <p className="form-hint">Vælg alle de rigtige svar.</p>}
              <FieldError id={field.errorId} message={error} />
              <ul className="nobullet-list">
                {question.options.map((option) => {
                  const inputId = `${field.id}-${option.value}`;
                  return (
                    <li key={option.value} className={question.multiple ? "form-group-checkbox" : "form-group-radio"}>
                      <input
                        className={question.multiple ? "form-checkbox" : "form-radio"}
                        type={question.multiple ? "checkbox" : "radio"}
                        id={inputId}
                        name={question.field}
                        value={option.value}
                        defaultChecked={chosen.includes(option.value)}
                      />
                      <label className="form-label" htmlFor={inputId}>
                        {option.label}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          Indsend svar
        </button>
      </IntentForm>
    </>
  );
}
