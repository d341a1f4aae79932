/**
 * A section of the cohort page: its heading and a one-line summary always in view, the figures
 * collapsed under a `<details open={open || undefined}>` (works without JavaScript; printing opens it).
 */
import type { ReactNode } from "react";

export function DashboardSection({
  id,
  title,
  summary,
  show,
  open = false,
  children,
}: {
  id: string;
  title: string;
  /** One line: what the section would tell at a glance. */
  summary: ReactNode;
  /** The disclosure's text, e.g. "Vis quizzernes tal". */
  show: string;
  /** Open from the start (the matrix after a sort link). */
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <section className="dashboard-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="summary-line">{summary}</p>
      <details open={open || undefined}>
        <summary>{show}</summary>
        {children}
      </details>
    </section>
  );
}
