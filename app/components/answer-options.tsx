/** A quiz question's options as the author sees them: right and wrong marked in words and signs, not colour alone. */
export function AnswerOptions({ options }: { options: { id: string; label: string; correct: boolean }[] }) {
  return (
    <ul className="nobullet-list author-options">
      {options.map((option) => (
        <li key={option.id} className={option.correct ? "option-correct" : "option-wrong"}>
          <span className="option-mark">
            <span aria-hidden="true">{option.correct ? "✓" : "✗"}</span> {option.correct ? "Rigtigt" : "Forkert"}:
          </span>{" "}
          {option.label} <span className="meta">({option.id})</span>
        </li>
      ))}
    </ul>
  );
}
