/**
 * The course evaluation: the fixed Likert scale as radio groups and free-text fields. The
 * learner can save a draft and change it until pressing "Indsend"; then a thank-you.
 */
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ActivityViewProps } from "../activity-type";
import { FieldError, IntentForm } from "~/components/forms";
import { WayForwardLink } from "~/components/way-forward-link";
import { LIKERT_SCALE } from "~/content/vocabulary";
import { useReplyForm } from "~/forms/use-reply-form";
import { likertField, textField } from "./answers";
import { EVALUATION_FORM, type EvaluationPage } from "./page";

/** The saved draft as the form's fields (`likert-<item>`, `text-<item>`). */
function draftValues({ items, answers }: EvaluationPage): Record<string, string> {
  return Object.fromEntries(
    items.flatMap((item) => {
      const answer = answers[item.id];
      if (answer === undefined) return [];
      return [[item.kind === "likert" ? likertField(item.id) : textField(item.id), answer]];
    }),
  );
}

export function EvaluationView({ page: data, reply }: ActivityViewProps<EvaluationPage>) {
  const navigation = useNavigation();
  // A refused save or submit shows what was posted; otherwise the saved draft.
  const evaluation = useReplyForm<Record<string, string>>(EVALUATION_FORM, reply, draftValues(data));
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

  const value = (name: string) => {
    const initial = evaluation.fields[name]!.initialValue;
    return typeof initial === "string" ? initial : undefined;
  };
  return (
    <>
      <div className="prose" dangerouslySetInnerHTML={{ __html: data.introHtml }} />
      <p className="meta">
        {data.followUp
          ? "Dine svar bruges samlet og uden navn, ved siden af holdets svar på evalueringen."
          : "Dine svar bruges samlet og uden navn. Du kan gemme en kladde og ændre den, indtil du trykker „Indsend“."}
        {data.status === "draft" && " Du har en gemt kladde."}
      </p>
      <IntentForm reply={evaluation} className="evaluation-form">
        {data.items.map((item, index) => {
          if (item.kind === "likert") {
            const field = evaluation.fields[likertField(item.id)]!;
            const error = field.errors?.[0];
            return (
              <fieldset
                key={item.id}
                id={field.id}
                className={`form-group likert${error ? " form-error" : ""}`}
                aria-describedby={error ? field.errorId : undefined}
              >
                <legend className="form-label">
                  {index + 1}. {item.statement}
                </legend>
                <FieldError id={field.errorId} message={error} />
                <ul className="nobullet-list likert-scale">
                  {LIKERT_SCALE.map((step) => (
                    <li key={step.value} className="form-group-radio">
                      <input
                        className="form-radio"
                        type="radio"
                        id={`${field.id}-${step.value}`}
                        name={field.name}
                        value={step.value}
                        defaultChecked={value(field.name) === step.value}
                      />
                      <label className="form-label" htmlFor={`${field.id}-${step.value}`}>
                        {step.label}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          }
          const field = evaluation.fields[textField(item.id)]!;
          const error = field.errors?.[0];
          return (
            <div key={item.id} className={`form-group${error ? " form-error" : ""}`}>
              <label className="form-label" htmlFor={field.id}>
                {index + 1}. {item.label}
              </label>
              <span className="form-hint" id={field.descriptionId}>
                Frivilligt. Højst {data.maxLength} tegn. Skriv ikke navne eller oplysninger om borgere.
              </span>
              <FieldError id={field.errorId} message={error} />
              <textarea
                className="form-input"
                id={field.id}
                name={field.name}
                rows={5}
                maxLength={data.maxLength}
                defaultValue={value(field.name) ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={[field.descriptionId, error ? field.errorId : null].filter(Boolean).join(" ")}
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
      </IntentForm>
    </>
  );
}
