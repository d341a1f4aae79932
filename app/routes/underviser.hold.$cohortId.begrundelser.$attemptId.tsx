import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  begrundelseTextAction,
  begrundelseTextPage,
  type TextActionData,
} from "~/activities/begrundelse/trainer-pages.server";
import { RatingScale } from "~/activities/begrundelse/rating-scale";
import { ratingField, ratingLabel } from "~/activities/begrundelse/text";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, FieldError, SuccessMessage } from "~/components/forms";
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
  const actionData = useActionData<typeof action>() as TextActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const base = `/underviser/hold/${cohort.id}/begrundelser`;
  const withNames = names ? "?navne=1" : "";
  const errors = actionData?.fieldErrors ?? {};
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
      <Form method="post" noValidate>
        <ErrorSummary
          formError={actionData?.error}
          errors={errors}
          labels={Object.fromEntries(Object.keys(errors).map((field) => [field, field]))}
        />
        <input type="hidden" name="intent" value="review" />
        {activity.criteria.map((criterion, index) => {
          const field = ratingField(criterion.id);
          const error = errors[field];
          const own = text.self?.[criterion.id];
          return (
            <fieldset
              key={criterion.id}
              id={field}
              className={`form-group${error ? " form-error" : ""}`}
              aria-describedby={[`${field}-self`, error ? `${field}-error` : null].filter(Boolean).join(" ")}
            >
              <legend className="form-label">
                {index + 1}. {criterion.label}
              </legend>
              <p className="form-hint" id={`${field}-self`}>
                Deltagerens egen vurdering: {own ? ratingLabel(own) : "ikke vurderet endnu"}
              </p>
              <FieldError id={`${field}-error`} message={error} />
              <RatingScale criterionId={criterion.id} checked={text.review?.ratings[criterion.id]} />
              <details>
                <summary>Hvad kravet indebærer</summary>
                <div className="prose" dangerouslySetInnerHTML={{ __html: criterion.explanationHtml }} />
              </details>
            </fieldset>
          );
        })}
        <div className="form-group">
          <label className="form-label" htmlFor="comment">
            Kommentar til deltageren (valgfri)
          </label>
          <span className="form-hint" id="comment-hint">
            Deltageren ser kommentaren ved sin tekst. Højst {commentMax} tegn.
          </span>
          <textarea
            className="form-input"
            id="comment"
            name="comment"
            rows={5}
            maxLength={commentMax}
            defaultValue={text.review?.comment ?? ""}
            aria-describedby="comment-hint"
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || cohort.archived}>
            Gem vurdering
          </button>
        </div>
      </Form>

      <h2>Til undervisningsdagen</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="discussion" />
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
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
