/**
 * A course evaluation: its MDX components (`<Evaluation>`, `<Likert>`, `<FreeText>`, and the
 * follow-up `<FollowUp afterDays>` asked months later), the definition the build reads from
 * them, and the content format's rules for evaluations.
 */
import type { ActivityContent } from "../activity-type";
import { id, text } from "~/content/format";
import { errorsOf } from "~/content/problems";
import type { ComponentNode, Problem } from "~/content/mdx-tree";
import { int, reportDuplicates, single, str } from "~/content/structure";
import { DEFAULT_FOLLOW_UP_DAYS } from "./follow-up";
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
  /** Asked of those who submitted the evaluation, `afterDays` after their cohort ends. */
  followUp?: FollowUpDefinition;
}

export interface FollowUpDefinition {
  afterDays: number;
  items: EvaluationItem[];
}

/**
 * The evaluation's statement a follow-up statement is compared with ("før / efter"): the one
 * with the same id, or with the id before "-efter" (`praksis-efter` after `praksis`).
 */
export function statementBefore(definition: EvaluationDefinition, followUpItemId: string) {
  const ids = [followUpItemId, followUpItemId.replace(/-efter$/, "")];
  return definition.items.find((item) => item.kind === "likert" && ids.includes(item.id)) ?? null;
}

/** How long after a cohort's end a follow-up may be asked: from a week to two years. */
export const FOLLOW_UP_DAYS_RANGE = { min: 7, max: 730 };

export const evaluationContent: ActivityContent<EvaluationActivity> = {
  components: {
    Evaluation: {
      attributes: { id: id() },
      parents: ["root"],
      noProse: true,
      onlyInItsTypes: true,
      globalId: "evaluering",
    },
    FollowUp: {
      attributes: { afterDays: { kind: "int", required: false, ...FOLLOW_UP_DAYS_RANGE } },
      parents: ["Evaluation"],
      noProse: true,
    },
    Likert: { attributes: { id: id(), statement: text() }, parents: ["Evaluation", "FollowUp"], empty: true },
    FreeText: { attributes: { id: id(), label: text() }, parents: ["Evaluation", "FollowUp"], empty: true },
  },
  build(file) {
    const before = errorsOf(file.problems).length;
    const evaluation = buildEvaluation(file.roots, file.problems);
    if (!evaluation || errorsOf(file.problems).length > before) return null;
    return { activity: { type: "evaluation", introHtml: file.html, evaluation }, versionOf: evaluation };
  },
};

const isItem = (node: ComponentNode) => node.name === "Likert" || node.name === "FreeText";

/** The statements and fields of an evaluation or its follow-up, each id and statement once. */
function buildItems(itemNodes: ComponentNode[], problems: Problem[]): EvaluationItem[] {
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
  return itemNodes.map((node) =>
    node.name === "Likert"
      ? { kind: "likert", id: str(node, "id"), statement: str(node, "statement") }
      : { kind: "text", id: str(node, "id"), label: str(node, "label") },
  );
}

function buildEvaluation(roots: ComponentNode[], problems: Problem[]): EvaluationDefinition | null {
  const evaluationNode = single(roots, "Evaluation", problems);
  if (!evaluationNode) return null;
  const itemNodes = evaluationNode.children.filter(isItem);
  if (itemNodes.length === 0) {
    problems.push({ ...evaluationNode.position, message: "Evalueringen har hverken <Likert> eller <FreeText>." });
  }
  const items = buildItems(itemNodes, problems);
  const followUpNodes = evaluationNode.children.filter((node) => node.name === "FollowUp");
  for (const extra of followUpNodes.slice(1)) {
    problems.push({
      ...extra.position,
      message: `En evaluering kan have én <FollowUp>; den første står på linje ${followUpNodes[0]!.position.line}.`,
    });
  }
  const followUpNode = followUpNodes[0];
  if (!followUpNode) return { id: str(evaluationNode, "id"), items };
  const followUpItemNodes = followUpNode.children.filter(isItem);
  if (followUpItemNodes.length === 0) {
    problems.push({ ...followUpNode.position, message: "Opfølgningen har hverken <Likert> eller <FreeText>." });
  }
  // The follow-up's answers are kept apart from the evaluation's; a statement may be asked again.
  const followUpItems = buildItems(followUpItemNodes, problems);
  return {
    id: str(evaluationNode, "id"),
    items,
    followUp: { afterDays: int(followUpNode, "afterDays", DEFAULT_FOLLOW_UP_DAYS), items: followUpItems },
  };
}
