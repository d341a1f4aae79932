/**
 * The quizzes as numbers: per quiz the attempts, the pass rate on the first attempt and at best,
 * the average and spread of first-attempt scores with their distribution (chart and table), and
 * each question's figures. Headed by the module the quiz belongs to.
 */
import { ChartWithTable } from "~/components/bar-chart";
import { ScrollBox } from "~/components/scroll-box";
import { formatDecimal } from "~/utils/danish";
import { formatShare } from "../dashboard";
import { DashboardSection } from "./dashboard-section";
import type { DashboardData } from "./types";

type Figures = DashboardData["quizFigures"][number];

const range = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return "–";
  return known[0] === known.at(-1) ? `${known[0]} %` : `${known[0]}-${known.at(-1)} %`;
};

function QuizFigureTable({ quiz }: { quiz: Figures }) {
  return (
    <ul className="nobullet-list">
      <li>
        {quiz.learners} deltagere har taget quizzen, {quiz.attempts} forsøg i alt. Bestået (mindst {quiz.passPercent} %)
        i første forsøg: {quiz.passedFirst} af {quiz.learners} ({formatShare(quiz.passedFirstShare)}); ved bedste
        forsøg: {quiz.passedAtBest} af {quiz.learners} ({formatShare(quiz.passedAtBestShare)}).
      </li>
      <li>
        Gennemsnit i første forsøg: {quiz.average === null ? "–" : `${formatDecimal(quiz.average)} %`}, spredning
        (standardafvigelse): {quiz.spread === null ? "–" : `${formatDecimal(quiz.spread)} procentpoint`}.
      </li>
    </ul>
  );
}

export function QuizSection({ data }: { data: DashboardData }) {
  const { quizFigures, quizzes } = data;
  return (
    <DashboardSection
      id="quizzer"
      title="Quizzer"
      show="Vis quizzernes tal"
      summary={
        quizFigures.length === 0
          ? "Holdets moduler har ingen quizzer."
          : `${quizFigures.length} quizzer · bestået i første forsøg: ${range(quizFigures.map((q) => q.passedFirstShare))} · ved bedste forsøg: ${range(quizFigures.map((q) => q.passedAtBestShare))}`
      }
    >
      {quizFigures.map((figures) => {
        const questions = quizzes.find((q) => q.activityId === figures.activityId)?.questions ?? [];
        return (
          <div key={figures.activityId} className="quiz-figures">
            <h3>
              {figures.moduleTitle}: {figures.title}
            </h3>
            <QuizFigureTable quiz={figures} />
            <ChartWithTable
              caption={`${figures.title}: point i første forsøg`}
              bars={figures.distribution.map((band) => ({
                label: band.label,
                value: band.share,
                valueText: formatShare(band.share),
              }))}
              table={
                <table className="table table--compact">
                  <caption>Deltagere pr. pointinterval i første forsøg</caption>
                  <thead>
                    <tr>
                      <th scope="col">Rigtige</th>
                      <th scope="col">Deltagere</th>
                      <th scope="col">Andel</th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.distribution.map((band) => (
                      <tr key={band.label}>
                        <th scope="row">{band.label}</th>
                        <td>{band.learners}</td>
                        <td>{formatShare(band.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
            <ScrollBox label={`Tabel: ${figures.title}, spørgsmål for spørgsmål`}>
              <table className="table table--compact">
                <caption>{figures.title}: rigtige svar pr. spørgsmål</caption>
                <thead>
                  <tr>
                    <th scope="col">Spørgsmål</th>
                    <th scope="col">Emne</th>
                    <th scope="col">Rigtigt i første forsøg</th>
                    <th scope="col">Rigtigt i alle forsøg</th>
                    <th scope="col">Hyppigste forkerte svar</th>
                  </tr>
                </thead>
                <tbody>
                  {questions.map((q) => (
                    <tr key={q.id} id={q.anchor}>
                      <th scope="row">
                        {q.number}. {q.prompt}
                      </th>
                      <td>{q.topic}</td>
                      <td>
                        {formatShare(q.firstRightShare)} <span className="meta">({q.firstAnswers} svar)</span>
                      </td>
                      <td>
                        {formatShare(q.overallRightShare)} <span className="meta">({q.answers} svar)</span>
                      </td>
                      <td>
                        {q.mostChosenWrong
                          ? `${q.mostChosenWrong.label} (${q.mostChosenWrong.chosen} ${q.mostChosenWrong.chosen === 1 ? "gang" : "gange"})`
                          : "–"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </div>
        );
      })}
    </DashboardSection>
  );
}
