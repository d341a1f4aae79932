import { CRITERION_RATINGS, type CriterionRatingValue } from "~/content/vocabulary";
import { ratingField } from "./text";

/** The three ratings of one criterion as radio buttons (Opfyldt · Delvist · Ikke opfyldt), for the learner and the trainer. */
export function RatingScale({ criterionId, checked }: { criterionId: string; checked?: CriterionRatingValue }) {
  const field = ratingField(criterionId);
  return (
    <ul className="nobullet-list rating-scale">
      {CRITERION_RATINGS.map((rating) => (
        <li key={rating.value} className="form-group-radio">
          <input
            className="form-radio"
            type="radio"
            id={`${field}-${rating.value}`}
            name={field}
            value={rating.value}
            defaultChecked={checked === rating.value}
          />
          <label className="form-label" htmlFor={`${field}-${rating.value}`}>
            {rating.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
