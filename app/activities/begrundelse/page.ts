/**
 * What the activity page shows of a begrundelse. Before the learner has submitted, the page has
 * the task, the case file and the learner's own draft only: no criterion and no model answer.
 */
import type { CaseFileDocument } from "~/components/case-file";

export interface BegrundelsePage {
  introHtml: string;
  taskHtml: string;
  documents: CaseFileDocument[];
  minLength: number;
  maxLength: number;
}
