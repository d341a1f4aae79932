/**
 * A quiz as one form (radio buttons, or checkboxes where several answers are right), and after
 * submitting, the result per question with the right answer and the explanation.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ActivityViewProps } from "../activity-type";
import { ErrorSummary, FieldError } from "~/components/forms";
import { WayForwardLink } from "~/components/way-forward-link";
import type { QuizPage } from "./page";

/** A new form (a retake) starts empty: keyed on its submission id. */
export function QuizView({ page, actionData }: ActivityViewProps<QuizPage>) {
  return <Quiz key={page.kind === "form" ? page.submissionId : "result"} data={page} actionData={actionData} />;
}

function Quiz({ data, actionData }: { data: QuizPage; actionData?: ActivityViewProps<QuizPage>["actionData"] }) {
  const navigation = useNavigation();
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
              <div className="prose" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />
              <p>
                Dit svar: <strong>{question.chosenLabels.join(", ") || "(intet svar)"}</strong>
              </p>
              {!question.correct && (
                <p>
                  Rigtigt svar: <strong>{question.correctLabels.join(", ")}</strong>
                </p>
              )}
              {question.explanationHtml && (
                <div className="quiz-explanation">
                  <p className="quiz-explanation-heading">Forklaring</p>
                  <div className="prose" dangerouslySetInnerHTML={{ __html: question.explanationHtml }} />
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
  const values = actionData?.values ?? {};
  const fieldErrors = actionData?.fieldErrors ?? {};
  return (
    <>
      <div className="prose" dangerouslySetInnerHTML={{ __html: data.introHtml }} />
      <p className="meta">
        {form.questions.length} spørgsmål. Du skal have mindst {form.passPercent} % rigtige for at bestå.
        {data.best &&
          ` Dit bedste resultat: ${data.best.correctCount} af ${data.best.questionCount} rigtige (${data.best.percent} %)${data.best.passed ? ", bestået" : ""}, efter ${data.attempts} forsøg.`}
      </p>
      <Form method="post" className="quiz-form" noValidate>
        <ErrorSummary
          formError={actionData?.error}
          errors={fieldErrors}
          labels={Object.fromEntries(form.questions.map((q) => [q.field, q.field]))}
        />
        <input type="hidden" name="intent" value="quiz.submit" />
        <input type="hidden" name="submissionId" value={data.submissionId} />
        <input type="hidden" name="attemptNumber" value={data.attemptNumber} />
        {form.questions.map((question) => {
          const error = fieldErrors[question.field];
          const promptId = `${question.field}-prompt`;
          const chosen = values[question.id] ?? [];
          return (
            <fieldset
              key={question.id}
              id={question.field}
              className={`quiz-question form-group${error ? " form-error" : ""}`}
              aria-describedby={[promptId, error ? `${question.field}-error` : null].filter(Boolean).join(" ")}
            >
              <legend className="h3">
                Spørgsmål {question.number} af {form.questions.length}
              </legend>
              <div className="prose" id={promptId} dangerouslySetInnerHTML={{ __html: question.promptHtml }} />
              {question.multiple && <p className="form-hint">Vælg alle de rigtige svar.</p>}
              <FieldError id={`${question.field}-error`} message={error} />
              <ul className="nobullet-list">
                {question.options.map((option) => {
                  const inputId = `${question.field}-${option.value}`;
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
      </Form>
    </>
  );
}
