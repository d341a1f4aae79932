/**
 * The classroom brief: what a trainer takes to the classroom day, on at most four A4 pages. The
 * cohort and its participation; the case steps the cohort got wrong most, each with its
 * situation, the wrong choice made most and the feedback that explains it (the point to
 * discuss); the quiz questions missed most, with their explanations; topics × phases; and the
 * evaluation in brief. Texts are shortened so each section keeps to its page. Pure.
 */
import { MIN_ANSWERS, rankWeakest } from "./ranking";
import type { EvaluationStats } from "./dashboard";
import { plainText } from "./dashboard";
import { rankPlaces, topicPhaseTable, type Place, type PlaceWithDiscussion } from "./weak-places";

/** Places per section: with their texts this is what one A4 page holds. */
export const BRIEF_CASE_PLACES = 4;
export const BRIEF_QUIZ_PLACES = 5;
const SITUATION_LENGTH = 240;
const EXPLANATION_LENGTH = 300;

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
      ? `${place.mostChosenWrong.label} (${place.mostChosenWrong.chosen} ${place.mostChosenWrong.chosen === 1 ? "gang" : "gange"})`
      : null,
    explanation: plainText(place.discussion.explanationHtml, EXPLANATION_LENGTH),
  };
}

/**
 * The brief's two lists and its overview: the case steps and the quiz questions ranked apart,
 * the same way as on the cohort page (evidence counts), so a list of quiz questions never
 * crowds the cases out.
 */
export function briefSections(places: PlaceWithDiscussion[], evaluations: EvaluationStats[] = []) {
  const ofKind = (kind: Place["kind"], limit: number) =>
    rankWeakest(
      places.filter((p) => p.kind === kind),
      { limit },
    ).map(briefPlace);
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
 * The evaluations in one small table: a row per module, a column per statement (the modules ask
 * the same statements, so the columns are the distinct statements in order of appearance).
 */
export function evaluationTable(evaluations: (EvaluationStats & { moduleTitle?: string })[]) {
  const statements = [...new Set(evaluations.flatMap((e) => (e.shown ? e.statements.map((s) => s.statement) : [])))];
  return {
    statements,
    rows: evaluations.map((e) => ({
      activityId: e.activityId,
      moduleTitle: e.moduleTitle ?? e.title,
      respondents: e.respondents,
      cells: e.shown
        ? statements.map((text) => {
            const statement = e.statements.find((s) => s.statement === text);
            return statement ? { share: statement.positiveShare, answers: statement.answers } : null;
          })
        : null,
    })),
  };
}
