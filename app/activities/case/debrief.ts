/**
 * The debrief at the end of a case: the points per topic ("Sagsoplysning: 2 af 6 point") and, for
 * each topic where points were lost, the lesson and the checklist of the module that cover it.
 * Pure. Nothing is listed by hand: a lesson covers a topic when it cites the provisions that the
 * case's feedback on that topic cites (the `<LawRef>`s, and the lesson's `legalBasis`), rarer
 * provisions weighing more and those of its `legalBasis` double, and when its title names the topic.
 */
import type { ChecklistDefinition } from "~/content/types";
import type { CaseDefinition } from "./content";
import { LAWS, TOPICS, isKeyOf, type Topic } from "~/content/vocabulary";

export interface DebriefDecision {
  stepId: string;
  choiceId: string;
  points: number;
}

export interface DebriefLesson {
  id: string;
  title: string;
  html: string;
  legalBasis: string[];
}

export interface TopicDebrief {
  topic: Topic;
  label: string;
  earned: number;
  possible: number;
  lesson: { id: string; title: string } | null;
  checklist: { id: string; title: string; activityId: string | null } | null;
}

/** "10-12" → ["10", "11", "12"]; "11 a" → ["11 a"]; "§§ 3 og 10-12" → ["3", "10", "11", "12"]. */
function sections(text: string): string[] {
  const found: string[] = [];
  for (const part of text.split(/\s*(?:,|og)\s*/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part.trim());
    if (range && Number(range[2]) - Number(range[1]) < 50) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) found.push(String(n));
    } else if (/^\d+(\s?[a-z])?$/.test(part.trim())) {
      found.push(part.trim().replace(/\s+/, " "));
    }
  }
  return found;
}

/** The provisions an HTML fragment cites with `<LawRef>`: "RSL § 10", "FVL § 24", … */
export function citedProvisions(html: string): Set<string> {
  const cited = new Set<string>();
  for (const match of html.matchAll(/data-law="([^"]+)" data-section="([^"]+)"/g)) {
    for (const section of sections(match[2]!)) cited.add(`${match[1]} § ${section}`);
  }
  return cited;
}

/** The provisions a `legalBasis` list names with a law code: "RSL §§ 10-12" → RSL § 10, § 11, § 12. */
export function legalBasisProvisions(legalBasis: readonly string[]): Set<string> {
  const cited = new Set<string>();
  for (const entry of legalBasis) {
    const match = /^([A-Z0-9]+)\s+§§?\s+(.+)$/.exec(entry.trim());
    if (!match || !isKeyOf(LAWS, match[1]!)) continue;
    const bare = match[2]!.replace(/,?\s*stk\..*$/, "");
    for (const section of sections(bare)) cited.add(`${match[1]} § ${section}`);
  }
  return cited;
}

/** The title names the topic: its label's first six letters ("begrun…" finds "begrundet" and "Begrundelse"). */
const mentions = (title: string, topic: Topic) => title.toLowerCase().includes(TOPICS[topic].toLowerCase().slice(0, 6));

/** The best match for a topic among candidates that cite provisions; null when nothing matches. */
function bestMatch<T extends { title: string }>(
  topic: Topic,
  wanted: ReadonlySet<string>,
  candidates: { item: T; cites: ReadonlySet<string>; declares?: ReadonlySet<string> }[],
  bonus: (item: T) => number = () => 0,
): T | null {
  const frequency = new Map<string, number>();
  for (const { cites } of candidates) for (const p of cites) frequency.set(p, (frequency.get(p) ?? 0) + 1);
  let best: { item: T; score: number } | null = null;
  for (const { item, cites, declares } of candidates) {
    let score = (mentions(item.title, topic) ? 2 : 0) + bonus(item);
    // A provision the lesson names as its legal basis is what it is about: it weighs double.
    for (const provision of wanted) {
      if (cites.has(provision)) score += (declares?.has(provision) ? 2 : 1) / frequency.get(provision)!;
    }
    if (score > 0 && (!best || score > best.score)) best = { item, score };
  }
  return best?.item ?? null;
}

export function debriefByTopic(input: {
  definition: CaseDefinition;
  /** The case's best path: what each topic can earn. */
  bestPath: readonly { stepId: string; choiceId: string }[];
  decisions: readonly DebriefDecision[];
  lessons: readonly DebriefLesson[];
  checklists: readonly ChecklistDefinition[];
}): TopicDebrief[] {
  const choiceOf = (stepId: string, choiceId: string) =>
    input.definition.steps.find((s) => s.id === stepId)?.choices.find((c) => c.id === choiceId);
  const possible = new Map<Topic, number>();
  for (const { stepId, choiceId } of input.bestPath) {
    const choice = choiceOf(stepId, choiceId);
    if (choice && choice.points > 0) possible.set(choice.topic, (possible.get(choice.topic) ?? 0) + choice.points);
  }
  const earned = new Map<Topic, number>();
  for (const decision of input.decisions) {
    const choice = choiceOf(decision.stepId, decision.choiceId);
    if (choice) earned.set(choice.topic, (earned.get(choice.topic) ?? 0) + decision.points);
  }

  const lessons = input.lessons.map((lesson) => {
    const declares = legalBasisProvisions(lesson.legalBasis);
    return { item: lesson, cites: new Set([...citedProvisions(lesson.html), ...declares]), declares };
  });
  const checklists = input.checklists.map((checklist) => ({ item: checklist, cites: citedProvisions(checklist.html) }));

  return [...possible].map(([topic, max]) => {
    // Points earned on a way off the best path can exceed what the best path gives a topic.
    const got = Math.min(earned.get(topic) ?? 0, max);
    const weak = got < max;
    const wanted = new Set(
      input.definition.steps.flatMap((s) =>
        s.choices.filter((c) => c.topic === topic).flatMap((c) => [...citedProvisions(c.feedbackHtml)]),
      ),
    );
    const lesson = weak ? bestMatch(topic, wanted, lessons) : null;
    // A checklist of the chosen lesson is preferred; one that names the topic or cites its provisions more so.
    const checklist = weak
      ? bestMatch(topic, wanted, checklists, (c) => (lesson && c.activityId === lesson.id ? 0.5 : 0))
      : null;
    return {
      topic,
      label: TOPICS[topic],
      earned: got,
      possible: max,
      lesson: lesson && { id: lesson.id, title: lesson.title },
      checklist: checklist && { id: checklist.id, title: checklist.title, activityId: checklist.activityId },
    };
  });
}
