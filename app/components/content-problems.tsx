/** The content check's problems as a table: file, line, column and the Danish message. */
import { isWarning } from "~/content/problems";
import type { ContentProblem } from "~/content/types";
import { ScrollBox } from "./scroll-box";

export function ContentProblems({ problems, caption }: { problems: ContentProblem[]; caption: string }) {
  return (
    <ScrollBox label={caption}>
      <table className="table table--compact author-problems">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fil</th>
            <th scope="col">Linje</th>
            <th scope="col">Kolonne</th>
            <th scope="col">Besked</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index}>
              <td>
                <code>{problem.file}</code>
              </td>
              <td>{problem.line}</td>
              <td>{problem.column}</td>
              <td>
                {isWarning(problem) && <strong>Advarsel: </strong>}
                {problem.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** "Ingen fejl" or "2 fejl", and "1 advarsel" when there are warnings, each with a sign that is not colour alone. */
export function CheckResult({ count, warnings = 0 }: { count: number; warnings?: number }) {
  return (
    <>
      {count === 0 ? (
        <span className="check-ok">
          <span aria-hidden="true">✓ </span>Ingen fejl
        </span>
      ) : (
        <span className="check-error">
          <span aria-hidden="true">✗ </span>
          {count} fejl
        </span>
      )}
      {warnings > 0 && (
        <>
          {" "}
          <span className="check-warning">
            <span aria-hidden="true">! </span>
            {warnings} {warnings === 1 ? "advarsel" : "advarsler"}
          </span>
        </>
      )}
    </>
  );
}
