/**
 * The export of a cohort: one row per participant with the progress matrix and the columns the
 * activity types add (best quiz percentage and attempts, best case score). Evaluation answers are
 * never in it: they are shown only in aggregate. Pure; `csv.ts` writes the bytes.
 */
import type { ExportColumn } from "~/activities/activity-type";
import { formatMinute } from "~/utils/danish";
import { toCsv } from "./csv";
import { CELL_STATUS_LABELS, type ProgressMatrix } from "./dashboard";

export function exportCsv(matrix: ProgressMatrix, columns: ExportColumn[]): string {
  const header = [
    "Navn",
    "E-mail",
    "Seneste aktivitet",
    ...matrix.modules.flatMap((m) => [`${m.title}: status`, `${m.title}: gennemført (%)`]),
    ...columns.map((column) => column.heading),
  ];
  const rows = matrix.rows.map((row) => [
    row.name,
    row.email,
    row.lastActivity ? formatMinute(row.lastActivity) : "",
    ...row.cells.flatMap((cell) => [CELL_STATUS_LABELS[cell.status], cell.percent]),
    ...columns.map((column) => column.cell(row.userId)),
  ]);
  return toCsv([header, ...rows]);
}
