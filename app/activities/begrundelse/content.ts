/**
 * A begrundelse ("Skriv begrundelsen"): its MDX components (`<Begrundelse>`, `<Document>`,
 * `<Task>`, `<Criterion>`, `<ModelAnswer>`), the definition the build reads from them, and the
 * content format's rules for the type. The criteria and the model answer are answer keys: they
 * live in the compiled course, and the page gets them only after the learner has submitted.
 */
import type { ActivityContent } from "../activity-type";
import { id, oneOf, text } from "~/content/format";
import type { ComponentNode, Position, Problem } from "~/content/mdx-tree";
import { errorsOf } from "~/content/problems";
import { html, int, positionOf, reportDuplicates, single, str, type Fragments } from "~/content/structure";
import type { ActivityBase } from "~/content/types";
import { TOPICS, type Topic } from "~/content/vocabulary";

/** `minLength` when the file does not say (content format: default 300 characters). */
export const DEFAULT_MIN_LENGTH = 300;
/** The longest text a learner may write, whatever the file says. */
export const MAX_LENGTH = 10_000;
/** The range an author may give `minLength`: a begrundelse is more than a sentence, and must fit. */
export const MIN_LENGTH_RANGE = { min: 50, max: 5000 } as const;
/** At least this many criteria (content format). */
export const MIN_CRITERIA = 3;

export interface BegrundelseActivity extends ActivityBase {
  type: "begrundelse";
  introHtml: string;
  begrundelse: BegrundelseDefinition;
}

export interface BegrundelseDefinition {
  minLength: number;
  maxLength: number;
  taskHtml: string;
  documents: BegrundelseDocument[];
  criteria: BegrundelseCriterion[];
  modelAnswerHtml: string;
}

export interface BegrundelseDocument {
  id: string;
  title: string;
  html: string;
  position: Position;
}

export interface BegrundelseCriterion {
  id: string;
  topic: Topic;
  label: string;
  /** The criterion's children: why it matters and what a good text does. */
  explanationHtml: string;
  position: Position;
}

export const begrundelseContent: ActivityContent<BegrundelseActivity> = {
  components: {
    Begrundelse: {
      attributes: { minLength: { kind: "int", required: false, ...MIN_LENGTH_RANGE } },
      parents: ["root"],
      noProse: true,
      onlyInItsTypes: true,
    },
    // The same attributes as a case's <Document>: it may then stand in <Step> or <Begrundelse>.
    Document: { attributes: { id: id(), title: text() }, parents: ["Begrundelse"], prose: true },
    Task: { attributes: {}, parents: ["Begrundelse"], prose: true },
    Criterion: {
      attributes: { id: id(), topic: oneOf(Object.keys(TOPICS), "emne"), label: text() },
      parents: ["Begrundelse"],
      prose: true,
    },
    ModelAnswer: { attributes: {}, parents: ["Begrundelse"], prose: true },
  },
  build(file) {
    const before = errorsOf(file.problems).length;
    const definition = buildBegrundelse(file.roots, file.fragments, file.rendered, file.problems);
    if (!definition || errorsOf(file.problems).length > before) return null;
    return { activity: { type: "begrundelse", introHtml: file.html, begrundelse: definition }, versionOf: definition };
  },
};

function buildBegrundelse(
  roots: ComponentNode[],
  fragments: Fragments,
  rendered: boolean,
  problems: Problem[],
): BegrundelseDefinition | null {
  const root = single(roots, "Begrundelse", problems);
  if (!root) return null;
  const childrenNamed = (name: string) => root.children.filter((node) => node.name === name);
  const task = one(
    root,
    childrenNamed("Task"),
    "Task",
    "opgaven (hvad kursisten har besluttet, og hvem begrundelsen er til)",
    problems,
  );
  const modelAnswer = one(root, childrenNamed("ModelAnswer"), "ModelAnswer", "en mønsterbesvarelse", problems);

  const criterionNodes = childrenNamed("Criterion");
  if (criterionNodes.length < MIN_CRITERIA) {
    problems.push({
      ...root.position,
      message: `Begrundelsen skal have mindst ${MIN_CRITERIA} <Criterion>, som kursisten vurderer sin tekst efter, men har ${criterionNodes.length}.`,
    });
  }
  const criteria: BegrundelseCriterion[] = criterionNodes.map((node) => ({
    id: str(node, "id"),
    topic: str(node, "topic") as Topic,
    label: str(node, "label"),
    explanationHtml: html(fragments, node),
    position: node.position,
  }));
  reportDuplicates(
    criteria.filter((criterion) => criterion.id),
    problems,
    (criterionId, first) =>
      `Kriterie-id'et "${criterionId}" er brugt før i denne begrundelse (linje ${first.line}). Hvert <Criterion> skal have sit eget id.`,
  );
  reportDuplicates(
    criterionNodes
      .map((node) => ({ id: str(node, "label").toLowerCase(), position: positionOf(node, "label") }))
      .filter((c) => c.id),
    problems,
    (_label, first) =>
      `Kriteriet har samme label som kriteriet i linje ${first.line}. Kursisten skal kunne skelne dem.`,
  );

  const documents: BegrundelseDocument[] = childrenNamed("Document").map((node) => ({
    id: str(node, "id"),
    title: str(node, "title"),
    html: html(fragments, node),
    position: node.position,
  }));
  reportDuplicates(
    documents,
    problems,
    (documentId, first) => `Dokument-id'et "${documentId}" er brugt før i denne begrundelse (linje ${first.line}).`,
  );

  // The texts are read only when the file was rendered (otherwise every fragment is empty).
  if (rendered) {
    const empty = (node: ComponentNode | null) => node !== null && html(fragments, node) === "";
    if (empty(task)) {
      problems.push({
        ...task!.position,
        message: "<Task> er tom. Skriv opgaven: hvad kursisten har besluttet, og hvem begrundelsen er til.",
      });
    }
    if (empty(modelAnswer)) {
      problems.push({
        ...modelAnswer!.position,
        message: "<ModelAnswer> er tom. Skriv mønsterbesvarelsen, som kursisten ser efter sin egen tekst.",
      });
    }
    criterionNodes.forEach((node, index) => {
      if (html(fragments, node) === "") {
        problems.push({
          ...node.position,
          message: `Kriteriet "${criteria[index]!.label || criteria[index]!.id}" har ingen forklaring. Skriv inde i <Criterion>, hvad en god begrundelse gør, og hvorfor (f.eks. med <LawRef>).`,
        });
      }
    });
    for (const document of documents) {
      if (document.html === "") {
        problems.push({ ...document.position, message: `Dokumentet "${document.title}" er tomt.` });
      }
    }
  }

  return {
    minLength: int(root, "minLength", DEFAULT_MIN_LENGTH),
    maxLength: MAX_LENGTH,
    taskHtml: html(fragments, task ?? undefined),
    documents,
    criteria,
    modelAnswerHtml: html(fragments, modelAnswer ?? undefined),
  };
}

/** Exactly one of a component inside <Begrundelse>: a missing one or a second is an error. */
function one(
  root: ComponentNode,
  found: ComponentNode[],
  name: string,
  what: string,
  problems: Problem[],
): ComponentNode | null {
  if (found.length === 0) {
    problems.push({ ...root.position, message: `Begrundelsen mangler <${name}> med ${what}.` });
    return null;
  }
  for (const extra of found.slice(1)) {
    problems.push({
      ...extra.position,
      message: `En begrundelse må kun have én <${name}>; denne er nummer ${found.indexOf(extra) + 1}.`,
    });
  }
  return found[0]!;
}
