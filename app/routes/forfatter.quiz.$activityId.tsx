import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { AnswerOptions } from "~/components/answer-options";
import { useLoaderData } from "@remix-run/react";
import { requireAuthorQuiz } from "~/authoring/authoring.server";
import { requireUser } from "~/auth/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TOPICS } from "~/content/vocabulary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Svar: ${data.title} – Forfatter – Sagslab` : "Quiz – Forfatter – Sagslab" },
];

/** The author's view of a quiz: every question with its correct options marked and its explanation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  return requireAuthorQuiz(params);
}

export default function QuizAuthorPage() {
  const { title, file, module, quiz, introHtml } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: `Svar: ${title}` }]} />
      <p className="meta">
        Quiz i {module.title}
        {module.draft && " (kladde)"} · <code>{file}</code>
      </p>
      <h1>Svar og forklaringer: {title}</h1>
      <p>
        {quiz.questions.length} spørgsmål. Bestået ved {quiz.passPercent} % rigtige.
      </p>
      {introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: introHtml }} />}
      <ol className="author-questions">
        {quiz.questions.map((question, index) => (
          <li key={question.id}>
            <h2>
              Spørgsmål {index + 1} <span className="meta">({question.id})</span>
            </h2>
            <p className="meta">
              Emne: {TOPICS[question.topic]} · {question.multiple ? "flere rigtige svar mulige" : "ét rigtigt svar"}
            </p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />
            <AnswerOptions options={question.options} />
            <h3>Forklaring</h3>
            <div className="prose" dangerouslySetInnerHTML={{ __html: question.explanationHtml }} />
          </li>
        ))}
      </ol>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
