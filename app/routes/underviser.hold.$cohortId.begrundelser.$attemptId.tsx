import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DISCUSSION_FORM, REVIEW_FORM } from "~/activities/begrundelse/review-forms";
import { begrundelseTextAction, begrundelseTextPage } from "~/activities/begrundelse/trainer-pages.server";
import { RatingScale } from "~/activities/begrundelse/rating-scale";
import { ratingField, ratingLabel } from "~/activities/begrundelse/text";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldError, IntentForm, SuccessMessage } from "~/components/forms";
import { CRITERION_RATINGS } from "~/content/vocabulary";
import { useReplyForm } from "~/forms/use-reply-form";
import begrundelserStyles from "~/styles/begrundelser.css";
import trainerStyles from "~/styles/trainer.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: trainerStyles },
  { rel: "stylesheet", href: begrundelserStyles },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.text.who}: ${data.activity.title} – ${data.cohort.name} – Sagslab` : "Begrundelse – Sagslab",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return begrundelseTextPage(request, params.cohortId, params.attemptId);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return begrundelseTextAction(request, params.cohortId, params.attemptId);
}

const SAVED: Record<string, string> = {
  vurdering: "Din vurdering er gemt. Deltageren kan nu se den.",
  droeftelse: "Markeringen er gemt.",
};

export default function BegrundelseTextPage() {
  const { cohort, names, activity, text, commentMax, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // The ratings (rating-<criterion>) and the comment: the last assessment, or what a refused post sent.
  const review = useReplyForm<{ comment: string } & Record<`rating-${string}`, string>>(REVIEW_FORM, reply, {
    ...Object.fromEntries(activity.criteria.map((c) => [ratingField(c.id), text.review?.ratings[c.id] ?? ""])),
    comment: text.review?.comment ?? "",
  });
  const discussion = useReplyForm(DISCUSSION_FORM, reply);
  const busy = useNavigation().state === "submitting";
  const base = `/underviser/hold/${cohort.id}/begrundelser`;
  const withNames = names ? "?navne=1" : "";
  const comment = review.fields.comment;
  const commentError = comment.errors?.[0];
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/underviser", label: "Underviser" },
          { to: `/underviser/hold/${cohort.id}`, label: cohort.name },
          { to: `${base}${withNames}`, label: "Begrundelser" },
          { label: text.who },
        ]}
      />
      <p className="meta">{activity.title}</p>
      <h1>{text.who}</h1>
      {saved && SAVED[saved] && <SuccessMessage message={SAVED[saved]} />}
      <p className="meta">
        Forsøg {text.attemptNumber}, indsendt {text.submittedAt}. {text.forDiscussion && "Markeret til drøftelse. "}
        <Link to={names ? `${base}/${text.attemptId}` : `${base}/${text.attemptId}?navne=1`}>
          {names ? "Skjul navnet" : "Vis navnet"}
        </Link>
      </p>
      <details>
        <summary>Opgaven</summary>
        <div className="prose" dangerouslySetInnerHTML={{ __html: activity.taskHtml }} />
      </details>
      <h2>Teksten</h2>
      <div className="begrundelse-text" role="region" aria-label="Deltagerens tekst" tabIndex={0}>
        {text.body}
      </div>

      <h2 id="vurdering">Din vurdering</h2>
      {cohort.archived && <p>Holdet er arkiveret, så vurderingen kan ikke ændres.</p>}
      {text.review && (
        <p className="meta">
          Senest vurderet {text.review.at}
          {text.review.by ? ` af ${text.review.by}` : ""}. Gemmer du, erstatter din vurdering den.
        </p>
      )}
      <IntentForm reply={review} intent="review">
        {activity.criteria.map((criterion, index) => {
          // conform has metadata for every name; the criteria are known only at run time.
          const field = review.fields[ratingField(criterion.id) as `rating-${string}`]!;
          const error = field.errors?.[0];
          const own = text.self?.[criterion.id];
          const chosen = CRITERION_RATINGS.find((rating) => rating.value === field.initialValue)?.value;
          return (
            <fieldset
              key={criterion.id}
              id={field.id}
              className={`form-group${error ? " form-error" : ""}`}
              aria-describedby={[`${field.id}-self`, error ? `${field.id}-error` : null].filter(Boolean).join(" ")}
            >
              <legend className="form-label">
                {index + 1}. {criterion.label}
              </legend>
              <p className="form-hint" id={`${field.id}-self`}>
                Deltagerens egen vurdering: {own ? ratingLabel(own) : "ikke vurderet endnu"}
              </p>
              <FieldError id={`${field.id}-error`} message={error} />
              <RatingScale criterionId={criterion.id} checked={chosen} />
              <details>
                <summary>Hvad kravet indebærer</summary>
                <div className="prose" dangerouslySetInnerHTML={{ __html: criterion.explanationHtml }} />
              </details>
            </fieldset>
          );
        })}
        <div className={`form-group${commentError ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={comment.id}>
            Kommentar til deltageren (valgfri)
          </label>
          <span className="form-hint" id={`${comment.id}-hint`}>
            Deltageren ser kommentaren ved sin tekst. Højst {commentMax} tegn.
          </span>
          <FieldError id={`${comment.id}-error`} message={commentError} />
          <textarea
            className="form-input"
            id={comment.id}
            name={comment.name}
            rows={5}
            maxLength={commentMax}
            defaultValue={typeof comment.initialValue === "string" ? comment.initialValue : ""}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={`${comment.id}-hint${commentError ? ` ${comment.id}-error` : ""}`}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || cohort.archived}>
            Gem vurdering
          </button>
        </div>
      </IntentForm>

      <h2>Til undervisningsdagen</h2>
      <IntentForm reply={discussion} intent="discussion">
        <input type="hidden" name="on" value={text.forDiscussion ? "0" : "1"} />
        <p>
          {text.forDiscussion
            ? "Teksten er markeret til drøftelse og kommer med i udskriften."
            : "Markér teksten, så den kommer med i udskriften til drøftelse (uden navn)."}
        </p>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={busy || cohort.archived}>
            {text.forDiscussion ? "Fjern markeringen til drøftelse" : "Markér til drøftelse"}
          </button>
        </div>
      </IntentForm>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
