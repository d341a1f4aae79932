/**
 * Sagens akter: a case's documents beside the main column, each one a disclosure the learner
 * opens to read. The case player and the begrundelse page show the case file the same way.
 */
export interface CaseFileDocument {
  key: string;
  title: string;
  html: string;
  /** Shown open and marked "(nyt)": reached at the current step of a case. */
  isNew: boolean;
}

export function CaseFile({
  documents,
  note = "Nyeste øverst. Åbn et dokument for at læse det.",
}: {
  documents: CaseFileDocument[];
  note?: string;
}) {
  return (
    <aside className="case-aside" aria-labelledby="sagens-akter">
      <h2 id="sagens-akter">Sagens akter</h2>
      {documents.length === 0 ? (
        <p className="meta">Der er endnu ingen dokumenter i sagen.</p>
      ) : (
        <>
          <p className="meta">{note}</p>
          <ul className="case-documents">
            {documents.map((document) => (
              <li key={document.key}>
                <details open={document.isNew}>
                  <summary>
                    {document.title}
                    {document.isNew && <span className="tag-new"> (nyt)</span>}
                  </summary>
                  <div className="case-document prose" dangerouslySetInnerHTML={{ __html: document.html }} />
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
