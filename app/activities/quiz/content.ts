/**
 * A quiz: its MDX components (`<Quiz>`, `<Question>`, `<Option>`, `<Explanation>`), the
 * definition the build reads from them, and the content format's rules for quizzes.
 */
import type { ActivityContent } from "../activity-type";
import { id, oneOf, text } from "~/content/format";
import { quizLengthWarning } from "~/content/length-bias";
import { errorsOf } from "~/content/problems";
import type { ComponentNode, Position, Problem } from "~/content/mdx-tree";
import { bool, html, int, reportDuplicates, single, str, type Fragments } from "~/content/structure";
import type { ActivityBase } from "~/content/types";
import { TOPICS, type Topic } from "~/content/vocabulary";

const DEFAULT_PASS_PERCENT = 80;

export interface QuizActivity extends ActivityBase {
  type: "quiz";
  introHtml: string;
  quiz: QuizDefinition;
}

export interface QuizDefinition {
  id: string;
  passPercent: number;
  questions: QuizQuestion[];
}

export interface QuizQuestion {
  id: string;
  topic: Topic;
  multiple: boolean;
  promptHtml: string;
  options: QuizOption[];
  explanationHtml: string;
  position: Position;
}

export interface QuizOption {
  id: string;
  label: string;
  correct: boolean;
  /** `<Option last>`: stays at the end when the options are shuffled ("Ved ikke", "Ingen af dem"). */
  last?: true;
}

export const quizContent: ActivityContent<QuizActivity> = {
  components: {
    Quiz: {
      attributes: { id: id(), passPercent: { kind: "int", required: false, min: 0, max: 100 } },
      parents: ["root"],
      noProse: true,
      onlyInItsTypes: true,
      globalId: "quiz",
    },
    Question: {
      attributes: {
        id: id(),
        topic: oneOf(Object.keys(TOPICS), "emne"),
        multiple: { kind: "boolean", required: false },
      },
      parents: ["Quiz"],
      prose: true,
    },
    Option: {
      attributes: {
        id: id(),
        label: text(),
        correct: { kind: "boolean", required: false },
        last: { kind: "boolean", required: false },
      },
      parents: ["Question"],
      empty: true,
    },
    Explanation: { attributes: {}, parents: ["Question"], prose: true },
  },
  build(file) {
    const before = errorsOf(file.problems).length;
    const quiz = buildQuiz(file.roots, file.fragments, file.problems);
    if (!quiz || errorsOf(file.problems).length > before) return null;
    const quizNode = file.roots.find((node) => node.name === "Quiz")!;
    const lengthWarning = quizLengthWarning(quiz, file.title, quizNode.position);
    if (lengthWarning) file.problems.push(lengthWarning);
    return { activity: { type: "quiz", introHtml: file.html, quiz }, versionOf: quiz };
  },
};

function buildQuiz(roots: ComponentNode[], fragments: Fragments, problems: Problem[]): QuizDefinition | null {
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
    const options = optionNodes.map((optionNode): QuizOption => ({
      id: str(optionNode, "id"),
      label: str(optionNode, "label"),
      correct: bool(optionNode, "correct"),
      // Only when set, so that a quiz without it keeps its version.
      ...(bool(optionNode, "last") ? { last: true as const } : {}),
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
      (id, first) =>
        `Svarmuligheden "${id}" findes to gange i spørgsmålet "${questionId}" (første gang i linje ${first.line}).`,
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
  reportDuplicates(
    questions,
    problems,
    (id, first) => `Spørgsmåls-id'et "${id}" er brugt før i denne quiz (linje ${first.line}).`,
  );
  return { id: str(quizNode, "id"), passPercent: int(quizNode, "passPercent", DEFAULT_PASS_PERCENT), questions };
}
