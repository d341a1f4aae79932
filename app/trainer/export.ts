/**
 * The export of a cohort as one typed table: one row per participant with the progress matrix,
 * the day each module and each required activity was completed, and the columns the activity
 * types add (best quiz percentage and attempts; best case points, possible points and the ending
 * as a word). Evaluation answers are never in it: they are shown only in aggregate. Pure;
 * `export-table.ts` writes the CSV, `xlsx.server.ts` the workbook.
 */
import type { ExportColumn } from "~/activities/activity-type";
import type { CourseModule } from "~/content/types";
import { danishDay } from "~/utils/danish";
import { CELL_STATUS_LABELS, type ProgressMatrix } from "./dashboard";
import type { ExportTable } from "./export-table";

/** When a participant completed an activity. */
export interface CompletionRow {
  userId: string;
  activityId: string;
  completedAt: Date;
}

export function exportTable(
  title: string,
  modules: CourseModule[],
  matrix: ProgressMatrix,
  completions: CompletionRow[],
  activityColumns: ExportColumn[],
): ExportTable {
  const completedOn = new Map(completions.map((c) => [`${c.userId}|${c.activityId}`, c.completedAt]));
  const day = (userId: string, activityId: string) => {
    const at = completedOn.get(`${userId}|${activityId}`);
    return at ? danishDay(at) : null;
  };
  const required = new Map(modules.map((m) => [m.id, m.activities.filter((a) => a.required)]));
  const columns: ExportColumn[] = [
    { header: "Navn", type: "text", cell: () => null },
    { header: "E-mail", type: "text", cell: () => null },
    { header: "Seneste aktivitet", type: "datetime", cell: () => null },
    ...matrix.modules.flatMap((m): ExportColumn[] => [
      { header: `${m.title}: status`, type: "text", cell: () => null },
      { header: `${m.title}: gennemført (%)`, type: "percent", cell: () => null },
      {
        header: `${m.title}: gennemført den`,
        type: "date",
        // The module is complete on the day its last required activity was.
        cell: (userId) => {
          const days = (required.get(m.id) ?? []).map((a) => day(userId, a.id));
          return days.length > 0 && days.every((d) => d !== null) ? (days as string[]).sort().at(-1)! : null;
        },
      },
      ...(required.get(m.id) ?? []).map((a): ExportColumn => ({
        header: `${a.title}: gennemført den`,
        type: "date",
        cell: (userId) => day(userId, a.id),
      })),
    ]),
    ...activityColumns,
  ];
  const rows = matrix.rows.map((row) => {
    const fixed = new Map<string, ExportColumn["cell"]>([
      ["Navn", () => row.name],
      ["E-mail", () => row.email],
      ["Seneste aktivitet", () => row.lastActivity],
    ]);
    for (const [index, m] of matrix.modules.entries()) {
      const cell = row.cells[index]!;
      fixed.set(`${m.title}: status`, () => CELL_STATUS_LABELS[cell.status]);
      fixed.set(`${m.title}: gennemført (%)`, () => cell.percent);
    }
    return columns.map((column) => (fixed.get(column.header) ?? column.cell)(row.userId));
  });
  return { title, columns: columns.map(({ header, type }) => ({ header, type })), rows };
}
