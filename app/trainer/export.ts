/**
 * The export of a cohort: one row per participant with the progress matrix and their results
 * (best quiz percentage, best case score). Evaluation answers are never in it: they are shown
 * only in aggregate. Pure; `csv.ts` writes the bytes.
 */
import type { CaseActivity, QuizActivity } from "~/content/types";
import { CELL_STATUS_LABELS, type ProgressMatrix } from "./dashboard";
import { toCsv } from "./csv";

/** "2026-03-01 14:05", Danish time: what Excel reads as a date and time. */
export function formatDateTime(date: Date | null): string {
  if (!date) return "";
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Copenhagen",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
  return parts.replace(",", "");
}

export interface ParticipantResults {
  quizzes: { userId: string; activityId: string; percent: number; attempts: number }[];
  cases: { userId: string; activityId: string; score: number; maxScore: number }[];
}

export function exportCsv(
  matrix: ProgressMatrix,
  results: ParticipantResults,
  quizzes: QuizActivity[],
  cases: CaseActivity[],
): string {
  const header = [
    "Navn",
    "E-mail",
    "Seneste aktivitet",
    ...matrix.modules.flatMap((m) => [`${m.title}: status`, `${m.title}: gennemført (%)`]),
    ...quizzes.flatMap((q) => [`${q.title}: bedste resultat (%)`, `${q.title}: forsøg`]),
    ...cases.map((c) => `${c.title}: bedste point`),
  ];
  const rows = matrix.rows.map((row) => [
    row.name,
    row.email,
    formatDateTime(row.lastActivity),
    ...row.cells.flatMap((cell) => [CELL_STATUS_LABELS[cell.status], cell.percent]),
    ...quizzes.flatMap((quiz) => {
      const result = results.quizzes.find((r) => r.userId === row.userId && r.activityId === quiz.id);
      return [result?.percent ?? "", result?.attempts ?? 0];
    }),
    ...cases.map((activity) => {
      const result = results.cases.find((r) => r.userId === row.userId && r.activityId === activity.id);
      return result ? `${result.score} af ${result.maxScore}` : "";
    }),
  ]);
  return toCsv([header, ...rows]);
}
