/**
 * The classroom brief: what a trainer takes to the classroom day, on at most four A4 pages. The
 * cohort and its participation; the case steps the cohort got wrong most, each with its
 * situation, the wrong choice made most and the feedback that explains it (the point to
 * discuss); the quiz questions missed most, with their explanations; topics × phases; and the
 * evaluation in brief. Texts are capped and each list holds what its page holds. Pure.
 */
import { MIN_ANSWERS, rankWeakest } from "./ranking";
import type { EvaluationStats } from "./dashboard";
import { plainText } from "./dashboard";
import { rankPlaces, topicPhaseTable, type Place, type PlaceWithDiscussion } from "./weak-places";

/** At most this many places per section, however short their texts. */
export const BRIEF_CASE_PLACES = 6;
export const BRIEF_QUIZ_PLACES = 6;
const SITUATION_LENGTH = 240;
const WRONG_CHOICE_LENGTH = 160;
const EXPLANATION_LENGTH = 300;

/**
 * What one printed A4 page holds for a list of places, in lines of body text at the print
 * stylesheet's size (brief.css: 9.45 pt, line height 1.3, 267 mm of page): some 61 lines, less
 * the section's heading and introduction, less a margin for a narrower font or a heading that
 * wraps once more than estimated.
 */
export const PAGE_LINES = 54;
/** Characters per printed line of a place (about 85 in DejaVu Serif across the page; fewer assumed). */
const LINE_CHARS = 82;
/** The place's heading is set larger: fewer characters to a line, and each line taller. */
const HEADING_CHARS = 68;
const HEADING_LINE = 1.2;
/** The figure line, and the space after a place. */
const FIXED_LINES = 2;

export interface BriefPlace {
  heading: string;
  where: string;
  figure: string;
  situation: string;
  wrongChoice: string | null;
  explanation: string;
}

const figureText = (p: { wrong: number; total: number; wrongShare: number }) =>
  `${p.wrong} af ${p.total} (${p.wrongShare} %) svarede forkert i første forsøg`;

function briefPlace(place: PlaceWithDiscussion & { wrongShare: number }): BriefPlace {
  return {
    heading: `${place.activityTitle}, ${place.position.toLowerCase()}`,
    where: place.moduleTitle,
    figure: figureText(place),
    situation: plainText(place.discussion.html, SITUATION_LENGTH),
    wrongChoice: place.mostChosenWrong
      ? `${plainText(place.mostChosenWrong.label, WRONG_CHOICE_LENGTH)} (${place.mostChosenWrong.chosen} ${place.mostChosenWrong.chosen === 1 ? "gang" : "gange"})`
      : null,
    explanation: plainText(place.discussion.explanationHtml, EXPLANATION_LENGTH),
  };
}

/** The printed lines a place takes (estimated from its texts' lengths; see PAGE_LINES). */
export function placeLines(place: BriefPlace, kind: "case" | "quiz"): number {
  const lines = (text: string, perLine = LINE_CHARS) => Math.ceil(text.length / perLine);
  const labels = LABELS[kind];
  return (
    lines(`${place.heading} · ${place.where}`, HEADING_CHARS) * HEADING_LINE +
    FIXED_LINES +
    lines(labels.situation + place.situation) +
    (place.wrongChoice ? lines(labels.wrongChoice + place.wrongChoice) : 0) +
    (place.explanation ? lines(labels.explanation + place.explanation) : 0)
  );
}

/** The labels the brief prints before a place's texts. */
export const LABELS = {
  case: {
    situation: "Situationen: ",
    wrongChoice: "Oftest valgt forkert: ",
    explanation: "Til drøftelse (feedbacken på valget): ",
  },
  quiz: { situation: "Spørgsmålet: ", wrongChoice: "Hyppigste forkerte svar: ", explanation: "Forklaring: " },
} as const;

/**
 * The weakest places that fit on one page, worst first: places are taken in rank order until
 * the next would not fit (the first is always taken: its texts are capped, so one place always fits).
 */
export function fitToPage(places: BriefPlace[], kind: "case" | "quiz", limit: number, budget = PAGE_LINES) {
  const fitted: BriefPlace[] = [];
  let used = 0;
  for (const place of places) {
    const lines = placeLines(place, kind);
    if (fitted.length === limit || (fitted.length > 0 && used + lines > budget)) break;
    fitted.push(place);
    used += lines;
  }
  return fitted;
}

/**
 * The brief's two lists and its overview: the case steps and the quiz questions ranked apart,
 * the same way as on the cohort page (evidence counts), so a list of quiz questions never
 * crowds the cases out; each list as long as its page holds.
 */
export function briefSections(places: PlaceWithDiscussion[], evaluations: EvaluationStats[] = []) {
  const ofKind = (kind: Place["kind"], limit: number) =>
    fitToPage(
      rankWeakest(
        places.filter((p) => p.kind === kind),
        { limit },
      ).map(briefPlace),
      kind,
      limit,
    );
  const { byTopic } = rankPlaces(places);
  return {
    cases: ofKind("case", BRIEF_CASE_PLACES),
    quizzes: ofKind("quiz", BRIEF_QUIZ_PLACES),
    topicsByPhase: topicPhaseTable(places, byTopic),
    evaluationTable: evaluationTable(evaluations),
    minimum: MIN_ANSWERS,
  };
}

/**
 * The evaluations in one small table: a row per module with its statements and the share that
 * answered "i høj grad" or "i nogen grad". The modules word their statements each their own way,
 * so a column per statement would grow with every module; a row per module grows only with the
 * cohort's modules.
 */
export function evaluationTable(evaluations: (EvaluationStats & { moduleTitle?: string })[]) {
  return evaluations.map((e) => ({
    activityId: e.activityId,
    moduleTitle: e.moduleTitle ?? e.title,
    respondents: e.respondents,
    statements: e.shown
      ? e.statements.map((s) => ({ id: s.id, statement: s.statement, share: s.positiveShare, answers: s.answers }))
      : null,
  }));
}
