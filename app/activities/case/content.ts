/**
 * A case: its MDX components (`<Case>`, `<Step>`, `<Document>`, `<Choice>`, `<Outcome>`), the
 * definition the build reads from them, and the rules of the content format for cases — those
 * of one file here, the graph rules on the case's own machine (`analysis.ts`).
 */
import type { ActivityContent } from "../activity-type";
import { id, oneOf, text } from "~/content/format";
import type { ComponentNode, Position, Problem } from "~/content/mdx-tree";
import { errorsOf } from "~/content/problems";
import { bool, flags, html, int, positionOf, reportDuplicates, single, str, type Fragments } from "~/content/structure";
import { didYouMean } from "~/content/suggest";
import type { ActivityBase } from "~/content/types";
import { PHASES, RESULTS, TOPICS, type CaseResult, type Phase, type Topic } from "~/content/vocabulary";
import { caseLengthWarning } from "~/content/length-bias";
import { analyseCase } from "./analysis";

export interface CaseActivity extends ActivityBase {
  type: "case";
  introHtml: string;
  case: CaseDefinition;
  /** Computed at build time from the case's machine. */
  analysis: CaseAnalysis;
}

export interface CaseAnalysis {
  /** The highest score any way from start to an outcome can reach. */
  maxScore: number;
  /** One way that reaches it: the choices in order, and the outcome it ends in. */
  bestPath: { stepId: string; choiceId: string }[];
  bestOutcomeId: string;
}

export interface CaseDefinition {
  start: string;
  /** `<Case pass>`: the least result that passes the case; absent means `korrekt`. */
  pass?: Extract<CaseResult, "korrekt" | "delvist">;
  steps: CaseStep[];
  outcomes: CaseOutcome[];
}

export interface CaseStep {
  id: string;
  phase: Phase;
  situationHtml: string;
  documents: CaseDocument[];
  choices: CaseChoice[];
  position: Position;
}

export interface CaseDocument {
  id: string;
  title: string;
  html: string;
  position: Position;
}

export interface CaseChoice {
  id: string;
  to: string;
  label: string;
  points: number;
  topic: Topic;
  sets: string[];
  requires: string[];
  feedbackHtml: string;
  /** `<Choice last>`: shown after the shuffled choices of its step (only present when set). */
  last?: true;
  position: Position;
}

export interface CaseOutcome {
  id: string;
  result: CaseResult;
  html: string;
  position: Position;
}

export const caseContent: ActivityContent<CaseActivity> = {
  components: {
    Case: {
      attributes: { start: id(), pass: oneOf(["korrekt", "delvist"], "beståelsesniveau", false) },
      parents: ["root"],
      noProse: true,
      onlyInItsTypes: true,
    },
    Step: {
      attributes: { id: id(), phase: oneOf(Object.keys(PHASES), "fase") },
      parents: ["Case"],
      prose: true,
    },
    Document: {
      attributes: { id: id(), title: text() },
      parents: ["Step"],
      prose: true,
    },
    Choice: {
      attributes: {
        id: id(false),
        to: id(),
        label: text(),
        points: { kind: "int", required: false, min: 0 },
        topic: oneOf(Object.keys(TOPICS), "emne"),
        sets: { kind: "flags", required: false },
        requires: { kind: "flags", required: false },
        last: { kind: "boolean", required: false },
      },
      parents: ["Step"],
      prose: true,
    },
    Outcome: {
      attributes: { id: id(), result: oneOf(Object.keys(RESULTS), "resultat") },
      parents: ["Case"],
      prose: true,
    },
  },
  build(file) {
    const definition = buildCase(file.roots, file.fragments, file.problems);
    if (!definition) return null;
    // The graph is checked even when a reference is broken (the broken choice leads nowhere), so a
    // misspelt to= does not hide an unreachable step. The best-path rule waits for a file without
    // other errors: an unknown result or a missing choice would decide it.
    const sound = errorsOf(file.problems).length === 0;
    const analysis = analyseCase(definition);
    file.problems.push(...analysis.problems.filter((problem) => sound || problem !== analysis.bestPathProblem));
    const best = analysis.best;
    // Any error in the file keeps the case from learners; the author's map still shows it.
    if (errorsOf(file.problems).length > 0 || !best) return { unplayableCase: definition };
    const caseNode = file.roots.find((node) => node.name === "Case")!;
    const lengthWarning = caseLengthWarning(definition, file.title, caseNode.position);
    if (lengthWarning) file.problems.push(lengthWarning);
    return {
      activity: {
        type: "case",
        introHtml: file.html,
        case: definition,
        analysis: { maxScore: best.maxScore, bestPath: best.choices, bestOutcomeId: best.outcomeId },
      },
      versionOf: definition,
    };
  },
};

function buildCase(roots: ComponentNode[], fragments: Fragments, problems: Problem[]): CaseDefinition | null {
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
        // Only when set, so that a case without `last` keeps its version.
        ...(bool(choiceNode, "last") ? { last: true as const } : {}),
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
    (id, first) =>
      `Id'et "${id}" er brugt før i denne case (linje ${first.line}). Trin og afslutninger skal have hver sit id.`,
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
        : `start="${start}" findes ikke: der er intet <Step id="${start}"> i casen.${didYouMean(
            start,
            steps.map((s) => s.id),
          )}`,
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
        message: `Valget "${choice.label}" i trinnet "${stepId}" peger på to="${choice.to}", men der er intet trin eller nogen afslutning med det id.${didYouMean(choice.to, places)}`,
      });
    }
    for (const flag of choice.requires) {
      if (!flagsSet.has(flag)) {
        problems.push({
          ...positionOf(choiceNode, "requires"),
          message: `Flaget "${flag}" i requires på valget "${choice.label}" sættes ikke af noget valg (sets="${flag}"), så valget kan aldrig vælges.${didYouMean(flag, flagsSet)}`,
        });
      }
    }
  });

  const pass = str(caseNode, "pass");
  return { start, ...(pass === "korrekt" || pass === "delvist" ? { pass } : {}), steps, outcomes };

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
