/**
 * The begrundelse page: the introduction, the task and the case file.
 */
import type { ActivityViewProps } from "../activity-type";
import { CaseFile } from "~/components/case-file";
import type { BegrundelsePage } from "./page";

export function BegrundelseView({ page }: ActivityViewProps<BegrundelsePage>) {
  return (
    <div className="begrundelse">
      <div className="prose" dangerouslySetInnerHTML={{ __html: page.introHtml }} />
      <div className="case-layout">
        <div className="case-main">
          <section aria-labelledby="opgaven">
            <h2 id="opgaven">Opgaven</h2>
            <div className="prose begrundelse-task" dangerouslySetInnerHTML={{ __html: page.taskHtml }} />
          </section>
        </div>
        <CaseFile documents={page.documents} note="Åbn et dokument for at læse det." />
      </div>
    </div>
  );
}
