/**
 * The course evaluation: the fixed Likert scale as radio groups and free-text fields. The
 * learner can save a draft and change it until pressing "Indsend"; then a thank-you.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ActivityViewProps } from "../activity-type";
import { ErrorSummary, FieldError } from "~/components/forms";
import { WayForwardLink } from "~/components/way-forward-link";
import { LIKERT_SCALE } from "~/content/vocabulary";
import type { EvaluationPage } from "./page";

export function EvaluationView({ page: data, actionData }: ActivityViewProps<EvaluationPage>) {
  const navigation = useNavigation();
  const thanksRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (data.status === "submitted") thanksRef.current?.focus();
  }, [data.status]);

  if (data.status === "submitted") {
    return (
      <section className="evaluation-thanks" aria-labelledby="tak">
        <h2 id="tak" tabIndex={-1} ref={thanksRef}>
          {data.followUp ? "Tak for dine svar på opfølgningen" : "Tak for din evaluering"}
        </h2>
        <p>
          Dine svar er indsendt. Underviserne ser kun svarene samlet for hele holdet, aldrig dine enkelte svar med dit
          navn.
        </p>
        <div className="actions">
          <WayForwardLink way={data.way} primary />
        </div>
      </section>
    );
  }

  const fieldErrors = actionData?.fieldErrors ?? {};
  return (
    <>
      <div className="prose" dangerouslySetInnerHTML={{ __html: data.introHtml }} />
      <p className="meta">
        {data.followUp
          ? "Dine svar bruges samlet og uden navn, ved siden af holdets svar på evalueringen."
          : "Dine svar bruges samlet og uden navn. Du kan gemme en kladde og ændre den, indtil du trykker „Indsend“."}
        {data.status === "draft" && " Du har en gemt kladde."}
      </p>
      <Form method="post" className="evaluation-form" noValidate>
        <ErrorSummary
          formError={actionData?.error}
          errors={fieldErrors}
          labels={Object.fromEntries(Object.keys(fieldErrors).map((field) => [field, field]))}
        />
        {data.items.map((item, index) => {
          if (item.kind === "likert") {
            const field = `likert-${item.id}`;
            const error = fieldErrors[field];
            return (
              <fieldset
                key={item.id}
                id={field}
                className={`form-group likert${error ? " form-error" : ""}`}
                aria-describedby={error ? `${field}-error` : undefined}
              >
                <legend className="form-label">
                  {index + 1}. {item.statement}
                </legend>
                <FieldError id={`${field}-error`} message={error} />
                <ul className="nobullet-list likert-scale">
                  {LIKERT_SCALE.map((step) => (
                    <li key={step.value} className="form-group-radio">
                      <input
                        className="form-radio"
                        type="radio"
                        id={`${field}-${step.value}`}
                        name={field}
                        value={step.value}
                        defaultChecked={data.answers[item.id] === step.value}
                      />
                      <label className="form-label" htmlFor={`${field}-${step.value}`}>
                        {step.label}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          }
          const field = `text-${item.id}`;
          const error = fieldErrors[field];
          return (
            <div key={item.id} className={`form-group${error ? " form-error" : ""}`}>
              <label className="form-label" htmlFor={field}>
                {index + 1}. {item.label}
              </label>
              <span className="form-hint" id={`${field}-hint`}>
                Frivilligt. Højst {data.maxLength} tegn. Skriv ikke navne eller oplysninger om borgere.
              </span>
              <FieldError id={`${field}-error`} message={error} />
              <textarea
                className="form-input"
                id={field}
                name={field}
                rows={5}
                maxLength={data.maxLength}
                defaultValue={data.answers[item.id] ?? ""}
                aria-describedby={[`${field}-hint`, error ? `${field}-error` : null].filter(Boolean).join(" ")}
              />
            </div>
          );
        })}
        <div className="actions">
          <button
            type="submit"
            name="intent"
            value="evaluation.submit"
            className="button button-primary"
            disabled={navigation.state === "submitting"}
          >
            Indsend
          </button>
          {!data.followUp && (
            <button
              type="submit"
              name="intent"
              value="evaluation.save"
              className="button button-secondary"
              disabled={navigation.state === "submitting"}
            >
              Gem kladde
            </button>
          )}
        </div>
      </Form>
    </>
  );
}
