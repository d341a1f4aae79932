/** Small case definitions for the pure tests of the case engine. */
import type { CaseChoice, CaseDefinition, CaseStep } from "./content";
import type { CaseResult, Phase, Topic } from "~/content/vocabulary";

const at = { line: 1, column: 1 };

export function choice(to: string, options: Partial<CaseChoice> & { label?: string } = {}): CaseChoice {
  return {
    id: options.id ?? to,
    to,
    label: options.label ?? `Til ${to}`,
    points: options.points ?? 0,
    topic: options.topic ?? ("sagsoplysning" as Topic),
    sets: options.sets ?? [],
    requires: options.requires ?? [],
    feedbackHtml: options.feedbackHtml ?? `<p>Feedback på ${options.id ?? to}</p>`,
    position: at,
  };
}

export function step(
  id: string,
  choices: CaseChoice[],
  options: { phase?: Phase; documents?: string[] } = {},
): CaseStep {
  return {
    id,
    phase: options.phase ?? "oplysning",
    situationHtml: `<p>Situation ${id}</p>`,
    documents: (options.documents ?? []).map((documentId) => ({
      id: documentId,
      title: `Dokument ${documentId}`,
      html: `<p>${documentId}</p>`,
      position: at,
    })),
    choices,
    position: at,
  };
}

export function outcome(id: string, result: CaseResult) {
  return { id, result, html: `<p>Afslutning ${id}</p>`, position: at };
}

/**
 * start → (investigate, 2, sets "oplyst") → investigated → (decide well, 3, requires "oplyst") → good
 * start → (decide now, 0) → remitted;  investigated → (back to start, 0) → start (a loop)
 * investigated → (decide badly, 1) → partial
 */
export const sampleCase: CaseDefinition = {
  start: "start",
  steps: [
    step(
      "start",
      [
        choice("investigated", { id: "investigate", points: 2, sets: ["oplyst"], label: "Undersøg" }),
        choice("remitted", { id: "decide-now", label: "Afgør nu" }),
      ],
      { phase: "opstart", documents: ["ansoegning"] },
    ),
    step(
      "investigated",
      [
        choice("good", {
          id: "decide-well",
          points: 3,
          requires: ["oplyst"],
          label: "Afgør med begrundelse",
          topic: "begrundelse",
        }),
        choice("partial", { id: "decide-badly", points: 1, label: "Afgør kort", topic: "begrundelse" }),
        choice("start", { id: "back", label: "Tilbage" }),
      ],
      { documents: ["laegeerklaering"] },
    ),
  ],
  outcomes: [outcome("good", "korrekt"), outcome("partial", "delvist"), outcome("remitted", "forkert")],
};
