import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollBox } from "~/components/scroll-box";
import trainerStyles from "~/styles/trainer.css";
import type { CaseAttemptView, QuizAttemptView } from "~/trainer/learner";
import { participantPage } from "~/trainer/learner.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainerStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.participant.name} – ${data.cohort.name} – Sagslab` : "Deltager – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return participantPage(request, params.cohortId, params.userId);
}

const attempts = (count: number) => `${count} forsøg`;

function CaseAttempts({ title, list }: { title: string; list: CaseAttemptView[] }) {
  return list.map((attempt) => (
    <div key={attempt.id} className="attempt">
      <h4>
        Forsøg {attempt.number}: {attempt.status}
        {attempt.outcome ? `, ${attempt.outcome.result.toLowerCase()}` : ""}, {attempt.score} af {attempt.maxScore}{" "}
        point
      </h4>
      <p className="meta">
        Startet {attempt.startedAt}
        {attempt.finishedAt && ` · afsluttet ${attempt.finishedAt}`}
        {attempt.olderVersion && " · spillet på en tidligere udgave af casen"}
      </p>
      {attempt.path.length === 0 ? (
        <p>Ingen valg truffet.</p>
      ) : (
        <ScrollBox label={`${title}, forsøg ${attempt.number}: valg`}>
          <table className="table table--compact">
            <caption>
              {title}, forsøg {attempt.number}: valg for valg
            </caption>
            <thead>
              <tr>
                <th scope="col">Trin</th>
                <th scope="col">Valg</th>
                <th scope="col">Vurdering</th>
                <th scope="col">Point</th>
              </tr>
            </thead>
            <tbody>
              {attempt.path.map((step) => (
                <tr key={step.seq}>
                  <th scope="row">
                    {step.step}
                    {step.phase && <span className="meta"> ({step.phase})</span>}
                  </th>
                  <td>{step.choice}</td>
                  <td>{step.verdict}</td>
                  <td>{step.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {attempt.outcome && (
        <p>
          <strong>Afslutning: {attempt.outcome.result}.</strong> {attempt.outcome.text}
        </p>
      )}
    </div>
  ));
}

function QuizAttempts({ title, list }: { title: string; list: QuizAttemptView[] }) {
  return list.map((attempt) => (
    <div key={attempt.id} className="attempt">
      <h4>
        Forsøg {attempt.number}: {attempt.correctCount} af {attempt.questionCount} rigtige ({attempt.percent} %),{" "}
        {attempt.passed ? "bestået" : "ikke bestået"}
      </h4>
      <p className="meta">Indsendt {attempt.submittedAt}</p>
      <ScrollBox label={`${title}, forsøg ${attempt.number}: svar`}>
        <table className="table table--compact">
          <caption>
            {title}, forsøg {attempt.number}: svar
          </caption>
          <thead>
            <tr>
              <th scope="col">Spørgsmål</th>
              <th scope="col">Svar</th>
              <th scope="col">Rigtigt?</th>
            </tr>
          </thead>
          <tbody>
            {attempt.answers.map((answer) => (
              <tr key={answer.question}>
                <th scope="row">{answer.question}</th>
                <td>{answer.chosen}</td>
                <td>{answer.correct ? "Ja" : "Nej"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  ));
}

export default function ParticipantPage() {
  const { cohort, participant, modules } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/underviser", label: "Underviser" },
          { to: `/underviser/hold/${cohort.id}`, label: cohort.name },
          { label: participant.name },
        ]}
      />
      <h1>{participant.name}</h1>
      <dl className="module-facts">
        <dt>E-mail</dt>
        <dd>{participant.email}</dd>
        <dt>Tilmeldt holdet</dt>
        <dd>{participant.joinedOn}</dd>
        {!participant.active && (
          <>
            <dt>Konto</dt>
            <dd>Deaktiveret: tæller ikke med i holdets tal</dd>
          </>
        )}
      </dl>
      <p>
        Alt, hvad deltageren har gjort i holdets moduler: status, hvert forsøg i cases og quizzer med valg og svar.
        Evalueringssvar vises aldrig for den enkelte, kun samlet for holdet.
      </p>
      {modules.map((module) => (
        <section key={module.id} aria-labelledby={`modul-${module.id}`}>
          <h2 id={`modul-${module.id}`}>{module.title}</h2>
          <ul className="activity-list participant-activities">
            {module.activities.map((activity) => {
              const caseAttempts = "caseAttempts" in activity ? activity.caseAttempts : [];
              const quizAttempts = "quizAttempts" in activity ? activity.quizAttempts : [];
              const count = caseAttempts.length + quizAttempts.length;
              return (
                <li key={activity.id}>
                  <span className="activity-title">{activity.title}</span>
                  <span className={`status status-${activity.status.tone}`}>{activity.status.label}</span>
                  <span className="meta">
                    {activity.completedOn ? `Gennemført ${activity.completedOn}` : "Ikke gennemført"}
                    {!activity.required && " · frivillig"}
                  </span>
                  {count > 0 && (
                    <details className="attempt-details">
                      <summary>
                        Vis {attempts(count)}
                        <span className="sr-only"> – {activity.title}</span>
                      </summary>
                      <h3 className="sr-only">{activity.title}: forsøg</h3>
                      <CaseAttempts title={activity.title} list={caseAttempts} />
                      <QuizAttempts title={activity.title} list={quizAttempts} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
