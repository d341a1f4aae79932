/**
 * A course evaluation: its MDX components (`<Evaluation>`, `<Likert>`, `<FreeText>`), the
 * definition the build reads from them, and the content format's rules for evaluations.
 */
import type { ActivityContent } from "../activity-type";
import { id, text } from "~/content/format";
import { errorsOf } from "~/content/problems";
import type { ComponentNode, Problem } from "~/content/mdx-tree";
import { reportDuplicates, single, str } from "~/content/structure";
import type { ActivityBase } from "~/content/types";

export interface EvaluationActivity extends ActivityBase {
  type: "evaluation";
  introHtml: string;
  evaluation: EvaluationDefinition;
}

export type EvaluationItem =
  { kind: "likert"; id: string; statement: string } | { kind: "text"; id: string; label: string };

export interface EvaluationDefinition {
  id: string;
  items: EvaluationItem[];
}

export const evaluationContent: ActivityContent<EvaluationActivity> = {
  components: {
    Evaluation: {
      attributes: { id: id() },
      parents: ["root"],
      noProse: true,
      onlyInItsTypes: true,
      globalId: "evaluering",
    },
    Likert: { attributes: { id: id(), statement: text() }, parents: ["Evaluation"], empty: true },
    FreeText: { attributes: { id: id(), label: text() }, parents: ["Evaluation"], empty: true },
  },
  build(file) {
    const before = errorsOf(file.problems).length;
    const evaluation = buildEvaluation(file.roots, file.problems);
    if (!evaluation || errorsOf(file.problems).length > before) return null;
    return { activity: { type: "evaluation", introHtml: file.html, evaluation }, versionOf: evaluation };
  },
};

function buildEvaluation(roots: ComponentNode[], problems: Problem[]): EvaluationDefinition | null {
  const evaluationNode = single(roots, "Evaluation", problems);
  if (!evaluationNode) return null;
  const itemNodes = evaluationNode.children.filter((node) => node.name === "Likert" || node.name === "FreeText");
  if (itemNodes.length === 0) {
    problems.push({ ...evaluationNode.position, message: "Evalueringen har hverken <Likert> eller <FreeText>." });
  }
  const items: EvaluationItem[] = itemNodes.map((node) =>
    node.name === "Likert"
      ? { kind: "likert", id: str(node, "id"), statement: str(node, "statement") }
      : { kind: "text", id: str(node, "id"), label: str(node, "label") },
  );
  reportDuplicates(
    itemNodes.map((node) => ({ id: str(node, "id"), position: node.position })),
    problems,
    (id, first) =>
      `Id'et "${id}" er brugt før i denne evaluering (linje ${first.line}). Hvert udsagn og felt skal have sit eget id.`,
  );
  reportDuplicates(
    itemNodes
      .filter((node) => node.name === "Likert")
      .map((node) => ({ id: str(node, "statement"), position: node.position })),
    problems,
    (_statement, first) => `Udsagnet står allerede i evalueringen (linje ${first.line}).`,
  );
  return { id: str(evaluationNode, "id"), items };
}
