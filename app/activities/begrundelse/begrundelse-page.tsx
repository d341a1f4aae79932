/**
 * "Skriv begrundelsen": the task and the case file, then the learner's text (a draft saved with
 * "Gem kladde", and with JavaScript also automatically), the self-assessment per criterion once
 * submitted, and at last each criterion's explanation and the model answer beside the learner's
 * own text, with the trainer's assessment when there is one. Plain forms, so every step works
 * without JavaScript; focus moves to the new step's heading after each step.
 */
import { useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { ActivityReply, ActivityViewProps } from "../activity-type";
import { Alert } from "~/components/alert";
import { CaseFile } from "~/components/case-file";
import { FieldError, IntentForm } from "~/components/forms";
import { PageReply } from "~/components/reply-forms";
import { CRITERION_RATINGS, type CriterionRatingValue } from "~/content/vocabulary";
import { isRefused, replyMessages } from "~/forms/reply";
import { useReplyForm } from "~/forms/use-reply-form";
import { useFocusOnChange } from "~/utils/use-focus-on-change";
import { useHydrated } from "~/utils/use-hydrated";
import { RatingScale } from "./rating-scale";
import {
  BEGRUNDELSE_FORMS,
  type BegrundelsePage,
  type BegrundelseStep,
  type CriterionReview,
  type EarlierAttempt,
  type TrainerFeedback,
} from "./page";
import { countCharacters, danishNumber, lengthHint, ratingField, ratingLabel } from "./text";

/** Why a post was refused, as the form's own message. */
const refusal = (reply: ActivityReply | undefined) =>
  reply && isRefused(reply) ? replyMessages(reply).formError : undefined;

/** How long the learner must pause typing before the draft is saved in the background. */
const AUTOSAVE_AFTER_MS = 1500;

function TheText({ text, label }: { text: string; label: string }) {
  return (
    <div className="begrundelse-text" role="region" aria-label={label} tabIndex={0}>
      {text}
    </div>
  );
}

function WritingStep({
  page,
  step,
  reply,
  headingRef,
}: {
  page: BegrundelsePage;
  step: Extract<BegrundelseStep, { kind: "writing" }>;
  reply?: ActivityReply;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const form = useReplyForm<{ text: string; attempt: string }>(BEGRUNDELSE_FORMS.text, reply);
  const field = form.fields.text;
  // A refused text comes back in the reply (with and without JavaScript): nothing typed is lost.
  const [text, setText] = useState(typeof field.initialValue === "string" ? field.initialValue : step.text);
  const [announced, setAnnounced] = useState("");
  const lastSaved = useRef(step.text);
  const autosave = useFetcher<ActivityReply>();
  const limits = { minLength: page.minLength, maxLength: page.maxLength };
  const length = countCharacters(text);
  // The newest save: the page's own (after "Gem kladde") or the autosave's.
  const autosaved = autosave.data?.saved;
  const attemptId = step.attemptId ?? autosaved?.attemptId ?? null;
  const savedAt =
    autosaved && (!step.savedAt || autosaved.iso > step.savedAt.iso) ? autosaved.at : (step.savedAt?.label ?? null);

  // The draft is saved once the learner pauses, and the count is announced then (not per key).
  useEffect(() => {
    if (!hydrated) return;
    const timer = setTimeout(() => {
      setAnnounced(lengthHint(length, limits));
      if (text === lastSaved.current || length > page.maxLength) return;
      lastSaved.current = text;
      autosave.submit(
        { intent: "begrundelse.draft", attempt: attemptId ?? "", text, autosave: "1" },
        { method: "post", preventScrollReset: true },
      );
    }, AUTOSAVE_AFTER_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, hydrated]);

  const fieldError = field.errors?.[0];
  const autosaveError = refusal(autosave.data);
  const over = length > page.maxLength;
  const countId = `${field.id}-count`;
  return (
    <section aria-labelledby="tekst-overskrift" id="tekst">
      <h2 id="tekst-overskrift" tabIndex={-1} ref={headingRef}>
        Din begrundelse{step.number > 1 ? ` (forsøg ${step.number})` : ""}
      </h2>
      <p>
        Skriv begrundelsen, som den skal stå i afgørelsen. Når du indsender den, kan teksten ikke ændres; derefter
        vurderer du den selv og ser, hvad en god begrundelse skal indeholde.
      </p>
      <IntentForm reply={form} className="begrundelse-form">
        <input type="hidden" name="attempt" value={attemptId ?? ""} />
        <div className={`form-group${fieldError ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={field.id}>
            Begrundelsen til borgeren
          </label>
          <span className="form-hint" id={field.descriptionId}>
            Mindst {danishNumber(page.minLength)} og højst {danishNumber(page.maxLength)} tegn. Din tekst gemmes, så du
            kan skrive videre senere, også fra en anden computer.
          </span>
          <FieldError id={field.errorId} message={fieldError} />
          <textarea
            className="form-input begrundelse-textarea"
            id={field.id}
            name={field.name}
            rows={14}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={fieldError || over ? true : undefined}
            aria-describedby={[field.descriptionId, countId, fieldError ? field.errorId : null]
              .filter(Boolean)
              .join(" ")}
          />
          <p className={`form-hint char-count${over ? " char-count-over" : ""}`} id={countId}>
            {lengthHint(length, limits)}
          </p>
          <p className="sr-only" aria-live="polite">
            {announced}
          </p>
        </div>
        <div className="actions">
          <button
            type="submit"
            name="intent"
            value="begrundelse.submit"
            className="button button-primary"
            disabled={busy}
          >
            Indsend teksten
          </button>
          <button
            type="submit"
            name="intent"
            value="begrundelse.draft"
            className="button button-secondary"
            disabled={busy}
          >
            Gem kladde
          </button>
          <p className="meta begrundelse-saved" role="status">
            {autosaveError ? autosaveError : savedAt ? `Gemt ${savedAt}` : ""}
          </p>
        </div>
      </IntentForm>
    </section>
  );
}

function SelfAssessmentStep({
  step,
  reply,
  headingRef,
}: {
  step: Extract<BegrundelseStep, { kind: "self-assessment" }>;
  reply?: ActivityReply;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const busy = useNavigation().state === "submitting";
  // A refusal keeps the ratings chosen (`rating-<criterion>`).
  const form = useReplyForm<Record<string, string>>(BEGRUNDELSE_FORMS.assess, reply);
  return (
    <section aria-labelledby="vurdering" id="vurdering-afsnit">
      <h2 id="vurdering" tabIndex={-1} ref={headingRef}>
        Vurdér din tekst
      </h2>
      <p>
        Din tekst er indsendt og kan ikke ændres. Læs den igen, og vurdér for hvert krav, om teksten opfylder det.
        Bagefter ser du, hvad hvert krav indebærer, og en mønsterbesvarelse.
      </p>
      <h3>Din tekst</h3>
      <TheText text={step.text} label="Din indsendte tekst" />
      <IntentForm reply={form} intent={BEGRUNDELSE_FORMS.assess} className="begrundelse-form">
        <input type="hidden" name="attempt" value={step.attemptId} />
        {step.criteria.map((criterion, index) => {
          const field = form.fields[ratingField(criterion.id)]!;
          const error = field.errors?.[0];
          return (
            <fieldset
              key={criterion.id}
              id={field.id}
              className={`form-group${error ? " form-error" : ""}`}
              aria-describedby={error ? field.errorId : undefined}
            >
              <legend className="form-label">
                {index + 1}. {criterion.label}
              </legend>
              <FieldError id={field.errorId} message={error} />
              <RatingScale criterionId={criterion.id} checked={ratingOf(field.initialValue)} />
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Gem min vurdering
          </button>
        </div>
      </IntentForm>
    </section>
  );
}

/** A rating given back by a refusal, if it is one of the scale's. */
const ratingOf = (value: unknown) => CRITERION_RATINGS.find((rating) => rating.value === value)?.value;

const ratingText = (rating: CriterionRatingValue | null) => (rating ? ratingLabel(rating) : "Ikke vurderet");

function CriterionResult({ criterion, trainerAssessed }: { criterion: CriterionReview; trainerAssessed: boolean }) {
  return (
    <li className="criterion-result">
      <h4>{criterion.label}</h4>
      <dl className="criterion-ratings">
        <div>
          <dt>Din vurdering</dt>
          <dd className={`rating rating-${criterion.self ?? "ingen"}`}>{ratingText(criterion.self)}</dd>
        </div>
        {trainerAssessed && (
          <div>
            <dt>Underviserens vurdering</dt>
            <dd className={`rating rating-${criterion.trainer ?? "ingen"}`}>{ratingText(criterion.trainer)}</dd>
          </div>
        )}
      </dl>
      <div className="prose" dangerouslySetInnerHTML={{ __html: criterion.explanationHtml }} />
    </li>
  );
}

function TrainerComment({ trainer }: { trainer: TrainerFeedback }) {
  return (
    <Alert tone="info" heading="Din underviser har kommenteret din begrundelse" headingLevel={3}>
      <p className="alert-text meta">Vurderet {trainer.at}</p>
      {trainer.comment ? (
        <p className="alert-text trainer-comment">{trainer.comment}</p>
      ) : (
        <p className="alert-text">Underviseren har vurderet teksten for hvert krav uden at skrive en kommentar.</p>
      )}
    </Alert>
  );
}

function ReviewStep({
  step,
  reply,
  headingRef,
}: {
  step: Extract<BegrundelseStep, { kind: "review" }>;
  reply?: ActivityReply;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const busy = useNavigation().state === "submitting";
  const again = useReplyForm<{ prefill: string }>(BEGRUNDELSE_FORMS.again, reply);
  return (
    <section aria-labelledby="sammenligning" id="sammenligning-afsnit">
      <h2 id="sammenligning" tabIndex={-1} ref={headingRef}>
        Sammenlign med kravene
      </h2>
      <p>Du har vurderet din tekst. Her er, hvad hvert krav indebærer, og en mønsterbesvarelse at sammenligne med.</p>
      {step.trainer ? (
        <TrainerComment trainer={step.trainer} />
      ) : (
        <p className="meta">Din underviser kan også vurdere teksten; så ser du vurderingen her.</p>
      )}
      <h3>Kravene</h3>
      <ol className="criterion-results nobullet-list">
        {step.criteria.map((criterion) => (
          <CriterionResult key={criterion.id} criterion={criterion} trainerAssessed={step.trainer !== null} />
        ))}
      </ol>
      <div className="begrundelse-compare">
        <section aria-labelledby="din-tekst">
          <h3 id="din-tekst">Din tekst</h3>
          <TheText text={step.text} label="Din indsendte tekst" />
        </section>
        <section aria-labelledby="moensterbesvarelse">
          <h3 id="moensterbesvarelse">Mønsterbesvarelse</h3>
          <div className="begrundelse-model prose" dangerouslySetInnerHTML={{ __html: step.modelAnswerHtml }} />
        </section>
      </div>
      <IntentForm reply={again} intent={BEGRUNDELSE_FORMS.again} className="begrundelse-again">
        <h3>Skriv begrundelsen igen</h3>
        <p>Alle dine forsøg bliver gemt. Du kan starte forfra eller skrive videre på denne tekst.</p>
        <div className="form-group-checkbox">
          <input
            className="form-checkbox"
            type="checkbox"
            id={again.fields.prefill.id}
            name={again.fields.prefill.name}
            value="1"
            defaultChecked={again.fields.prefill.initialValue === "1"}
          />
          <label className="form-label" htmlFor={again.fields.prefill.id}>
            Start med min tekst fra dette forsøg
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={busy}>
            Prøv igen
          </button>
        </div>
      </IntentForm>
    </section>
  );
}

function EarlierAttempts({ attempts }: { attempts: EarlierAttempt[] }) {
  if (attempts.length === 0) return null;
  return (
    <section aria-labelledby="tidligere" className="begrundelse-earlier">
      <h2 id="tidligere">Dine tidligere forsøg</h2>
      <ul className="nobullet-list">
        {attempts.map((attempt) => (
          <li key={attempt.number}>
            <details>
              <summary>
                Forsøg {attempt.number}, indsendt {attempt.submittedOn}
                {attempt.self && ` · din vurdering: ${attempt.self}`}
                {attempt.trainer && ` · underviseren: ${attempt.trainer}`}
              </summary>
              <TheText text={attempt.text} label={`Din tekst i forsøg ${attempt.number}`} />
              {attempt.trainerComment && (
                <p>
                  <strong>Underviserens kommentar:</strong> {attempt.trainerComment}
                </p>
              )}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The form each step shows. */
const STEP_FORM: Record<BegrundelseStep["kind"], string> = {
  writing: BEGRUNDELSE_FORMS.text,
  "self-assessment": BEGRUNDELSE_FORMS.assess,
  review: BEGRUNDELSE_FORMS.again,
};

export function BegrundelseView({ page, reply }: ActivityViewProps<BegrundelsePage>) {
  const { step } = page;
  const headingRef = useFocusOnChange<HTMLHeadingElement>(`${step.kind}-${step.number}`);
  return (
    <div className="begrundelse">
      <div className="prose" dangerouslySetInnerHTML={{ __html: page.introHtml }} />
      {page.olderVersion && (
        <p className="meta">Opgaven er blevet opdateret, siden du begyndte. Du skriver videre på din tekst.</p>
      )}
      <div className="case-layout">
        <div className="case-main">
          {/* A refusal of a form the page no longer shows (the text was submitted in another tab,
              409): the page shows the step the activity is at, and why the post did not go through. */}
          <PageReply forms={[STEP_FORM[step.kind]]} />
          <section aria-labelledby="opgaven">
            <h2 id="opgaven">Opgaven</h2>
            <div className="prose begrundelse-task" dangerouslySetInnerHTML={{ __html: page.taskHtml }} />
          </section>
          {step.kind === "writing" && (
            // A new attempt (after "Prøv igen") is a new field with its own text.
            <WritingStep key={step.number} page={page} step={step} reply={reply} headingRef={headingRef} />
          )}
          {step.kind === "self-assessment" && <SelfAssessmentStep step={step} reply={reply} headingRef={headingRef} />}
          {step.kind === "review" && <ReviewStep step={step} reply={reply} headingRef={headingRef} />}
        </div>
        <CaseFile documents={page.documents} note="Åbn et dokument for at læse det." />
      </div>
      <EarlierAttempts attempts={page.earlier} />
    </div>
  );
}
