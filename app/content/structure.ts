/**
 * Turns the component tree of one file into the definitions the platform plays (cases,
 * quizzes, evaluations, checklists) and applies the rules that need only that file. The graph
 * rules of cases, which need the case machine, are in `~/cases/analysis`.
 */
import type { ComponentNode, Position, Problem } from "./mdx-tree";
import type {
  CaseChoice,
  CaseDefinition,
  CaseStep,
  ChecklistDefinition,
  EvaluationDefinition,
  EvaluationItem,
  QuizDefinition,
} from "./types";
import type { CaseResult, Phase, Topic } from "./vocabulary";

/** The HTML the renderer produced, by node number. */
export type Fragments = ReadonlyMap<number, string>;

const DEFAULT_PASS_PERCENT = 80;

const str = (node: ComponentNode, name: string): string => {
  const value = node.attributes[name];
  return typeof value === "string" ? value : "";
};
const flags = (node: ComponentNode, name: string): string[] => {
  const value = node.attributes[name];
  return Array.isArray(value) ? value : [];
};
const int = (node: ComponentNode, name: string, fallback: number): number => {
  const value = node.attributes[name];
  return typeof value === "number" ? value : fallback;
};
const bool = (node: ComponentNode, name: string): boolean => node.attributes[name] === true;
const positionOf = (node: ComponentNode, attribute?: string): Position =>
  (attribute && node.attributePositions[attribute]) || node.position;
const html = (fragments: Fragments, node: ComponentNode | undefined) =>
  node ? (fragments.get(node.node) ?? "") : "";

function findAll(nodes: ComponentNode[], name: ComponentNode["name"]): ComponentNode[] {
  const found: ComponentNode[] = [];
  const walk = (list: ComponentNode[]) => {
    for (const node of list) {
      if (node.name === name) found.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return found;
}

/** Reports each id that was used before in the same scope. */
function reportDuplicates(
  items: { id: string; position: Position }[],
  problems: Problem[],
  describe: (id: string, first: Position) => string,
) {
  const seen = new Map<string, Position>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) problems.push({ ...item.position, message: describe(item.id, first) });
    else seen.set(item.id, item.position);
  }
}

/** Exactly one of a component must stand in a file of its type. */
function single(roots: ComponentNode[], name: ComponentNode["name"], problems: Problem[]): ComponentNode | null {
  const found = roots.filter((node) => node.name === name);
  if (found.length === 0) {
    problems.push({ line: 1, column: 1, message: `Filen skal indeholde præcis én <${name}>, men har ingen.` });
    return null;
  }
  for (const extra of found.slice(1)) {
    problems.push({ ...extra.position, message: `Filen må kun indeholde én <${name}>; denne er nummer ${found.indexOf(extra) + 1}.` });
  }
  return found[0]!;
}

export function buildCase(roots: ComponentNode[], fragments: Fragments, problems: Problem[]): CaseDefinition | null {
  const caseNode = single(roots, "Case", problems);
  if (!caseNode) return null;

  const steps: CaseStep[] = caseNode.children
    .filter((node) => node.name === "Step")
    .map((stepNode) => {
      const stepId = str(stepNode, "id");
      const choiceNodes = stepNode.children.filter((node) => node.name === "Choice");
      const choices: CaseChoice[] = choiceNodes.map((choiceNode) => ({
        id: str(choiceNode, "id") || str(choiceNode, "to"),
        to: str(choiceNode, "to"),
        label: str(choiceNode, "label"),
        points: int(choiceNode, "points", 0),
        topic: str(choiceNode, "topic") as Topic,
        sets: flags(choiceNode, "sets"),
        requires: flags(choiceNode, "requires"),
        feedbackHtml: html(fragments, choiceNode),
        position: choiceNode.position,
      }));
      if (choices.length === 0) {
        problems.push({
          ...stepNode.position,
          message: `Trinnet "${stepId}" har intet <Choice>, så kursisten kan ikke komme videre.`,
        });
      }
      reportDuplicates(
        choiceNodes.map((node, index) => ({ id: choices[index]!.id, position: node.position })),
        problems,
        (id, first) =>
          `To valg i trinnet "${stepId}" har samme id "${id}" (det første står i linje ${first.line}). ` +
          `Valg, der fører til samme sted, skal have hver sit id="…".`,
      );
      return {
        id: stepId,
        phase: str(stepNode, "phase") as Phase,
        situationHtml: html(fragments, stepNode),
        documents: stepNode.children
          .filter((node) => node.name === "Document")
          .map((documentNode) => ({
            id: str(documentNode, "id"),
            title: str(documentNode, "title"),
            html: html(fragments, documentNode),
            position: documentNode.position,
          })),
        choices,
        position: stepNode.position,
      };
    });

  const outcomes = caseNode.children
    .filter((node) => node.name === "Outcome")
    .map((outcomeNode) => ({
      id: str(outcomeNode, "id"),
      result: str(outcomeNode, "result") as CaseResult,
      html: html(fragments, outcomeNode),
      position: outcomeNode.position,
    }));

  reportDuplicates(
    [...steps, ...outcomes].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column),
    problems,
    (id, first) => `Id'et "${id}" er brugt før i denne case (linje ${first.line}). Trin og afslutninger skal have hver sit id.`,
  );
  reportDuplicates(
    steps.flatMap((step) => step.documents),
    problems,
    (id, first) => `Dokument-id'et "${id}" er brugt før i denne case (linje ${first.line}).`,
  );

  const places = new Set([...steps.map((s) => s.id), ...outcomes.map((o) => o.id)]);
  const start = str(caseNode, "start");
  if (start && !steps.some((step) => step.id === start)) {
    problems.push({
      ...positionOf(caseNode, "start"),
      message: outcomes.some((o) => o.id === start)
        ? `start="${start}" peger på en afslutning; casen skal starte i et <Step>.`
        : `start="${start}" findes ikke: der er intet <Step id="${start}"> i casen.`,
    });
  }
  if (outcomes.length === 0) {
    problems.push({ ...caseNode.position, message: "Casen har intet <Outcome>, så den kan aldrig slutte." });
  }

  const flagsSet = new Set(steps.flatMap((step) => step.choices.flatMap((choice) => choice.sets)));
  stepNodesWithChoices(caseNode).forEach(({ stepId, choiceNode, choice }) => {
    if (choice.to && !places.has(choice.to)) {
      problems.push({
        ...positionOf(choiceNode, "to"),
        message: `Valget "${choice.label}" i trinnet "${stepId}" peger på to="${choice.to}", men der er intet trin eller nogen afslutning med det id.`,
      });
    }
    for (const flag of choice.requires) {
      if (!flagsSet.has(flag)) {
        problems.push({
          ...positionOf(choiceNode, "requires"),
          message: `Flaget "${flag}" i requires på valget "${choice.label}" sættes ikke af noget valg (sets="${flag}"), så valget kan aldrig vælges.`,
        });
      }
    }
  });

  return { start, steps, outcomes };

  function stepNodesWithChoices(node: ComponentNode) {
    return node.children
      .filter((child) => child.name === "Step")
      .flatMap((stepNode, stepIndex) =>
        stepNode.children
          .filter((child) => child.name === "Choice")
          .map((choiceNode, choiceIndex) => ({
            stepId: str(stepNode, "id"),
            choiceNode,
            choice: steps[stepIndex]!.choices[choiceIndex]!,
          })),
      );
  }
}

export function buildQuiz(roots: ComponentNode[], fragments: Fragments, problems: Problem[]): QuizDefinition | null {
  const quizNode = single(roots, "Quiz", problems);
  if (!quizNode) return null;
  const questionNodes = quizNode.children.filter((node) => node.name === "Question");
  if (questionNodes.length === 0) {
    problems.push({ ...quizNode.position, message: "Quizzen har ingen <Question>." });
  }
  const questions = questionNodes.map((questionNode) => {
    const questionId = str(questionNode, "id");
    const multiple = bool(questionNode, "multiple");
    const optionNodes = questionNode.children.filter((node) => node.name === "Option");
    const options = optionNodes.map((optionNode) => ({
      id: str(optionNode, "id"),
      label: str(optionNode, "label"),
      correct: bool(optionNode, "correct"),
    }));
    if (options.length < 2) {
      problems.push({
        ...questionNode.position,
        message: `Spørgsmålet "${questionId}" skal have mindst to <Option>, men har ${options.length}.`,
      });
    }
    const correctCount = options.filter((option) => option.correct).length;
    if (options.length > 0 && correctCount === 0) {
      problems.push({
        ...questionNode.position,
        message: `Spørgsmålet "${questionId}" har intet rigtigt svar. Markér det rigtige svar med correct på <Option>.`,
      });
    }
    if (!multiple && correctCount > 1) {
      problems.push({
        ...questionNode.position,
        message: `Spørgsmålet "${questionId}" har ${correctCount} rigtige svar, men kursisten kan kun vælge ét. Tilføj multiple={true} eller ret svarene.`,
      });
    }
    reportDuplicates(
      optionNodes.map((node) => ({ id: str(node, "id"), position: node.position })),
      problems,
      (id, first) => `Svarmuligheden "${id}" findes to gange i spørgsmålet "${questionId}" (første gang i linje ${first.line}).`,
    );
    const explanations = questionNode.children.filter((node) => node.name === "Explanation");
    for (const extra of explanations.slice(1)) {
      problems.push({ ...extra.position, message: `Spørgsmålet "${questionId}" har mere end én <Explanation>.` });
    }
    return {
      id: questionId,
      topic: str(questionNode, "topic") as Topic,
      multiple,
      promptHtml: html(fragments, questionNode),
      options,
      explanationHtml: html(fragments, explanations[0]),
      position: questionNode.position,
    };
  });
  reportDuplicates(questions, problems, (id, first) => `Spørgsmåls-id'et "${id}" er brugt før i denne quiz (linje ${first.line}).`);
  return { id: str(quizNode, "id"), passPercent: int(quizNode, "passPercent", DEFAULT_PASS_PERCENT), questions };
}

export function buildEvaluation(roots: ComponentNode[], problems: Problem[]): EvaluationDefinition | null {
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
    (id, first) => `Id'et "${id}" er brugt før i denne evaluering (linje ${first.line}). Hvert udsagn og felt skal have sit eget id.`,
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

export function buildChecklists(
  roots: ComponentNode[],
  fragments: Fragments,
  activityId: string | null,
  problems: Problem[],
): ChecklistDefinition[] {
  return findAll(roots, "Checklist").map((node) => {
    if (node.listItemCount === 0) {
      problems.push({
        ...node.position,
        message: `Tjeklisten "${str(node, "title")}" har ingen punkter. Skriv punkterne som en liste med "- " inde i <Checklist>.`,
      });
    }
    return { id: str(node, "id"), title: str(node, "title"), html: html(fragments, node), activityId };
  });
}

/** Ids that must be unique across the whole course, with where each was written. */
export function globalIds(roots: ComponentNode[]): { kind: string; id: string; position: Position }[] {
  const kinds = { Quiz: "quiz", Evaluation: "evaluering", Checklist: "tjekliste" } as const;
  return (Object.keys(kinds) as (keyof typeof kinds)[]).flatMap((name) =>
    findAll(roots, name).map((node) => ({ kind: kinds[name], id: str(node, "id"), position: positionOf(node, "id") })),
  );
}
