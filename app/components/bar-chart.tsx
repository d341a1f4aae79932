/**
 * A horizontal bar chart with the same figures in a table beside it (for screen readers and for
 * printing). Each row is HTML, so a long label wraps at phone width at the page's own font size
 * instead of being cut off or shrunk with a scaled drawing; only the bar itself is SVG (a width
 * attribute, since the Content-Security-Policy allows no inline styles). Each bar carries its
 * value as text, so no figure is told by colour or length alone.
 */
import type { ReactNode } from "react";
import { ScrollBox } from "./scroll-box";

export interface Bar {
  label: string;
  /** 0–100 */
  value: number | null;
  valueText: string;
}

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  return (
    <div className="bar-chart" role="img" aria-label={`${title}. Tallene står i tabellen.`}>
      {bars.map((bar, index) => {
        const width = bar.value === null ? 0 : Math.max(0, Math.min(100, bar.value));
        return (
          <div className="bar-row" key={`${bar.label}-${index}`}>
            <span className="bar-label">{bar.label}</span>
            <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect className="bar-background" x={0} y={0} width={100} height={10} />
              <rect className="bar" x={0} y={0} width={width} height={10} />
            </svg>
            <span className="bar-value">{bar.valueText}</span>
          </div>
        );
      })}
    </div>
  );
}

/**
 * A figure: its caption, the chart, and the data table with the same numbers. `stacked` puts the
 * table under the chart, for tables too wide to share the row.
 */
export function ChartWithTable({
  caption,
  bars,
  table,
  stacked = false,
}: {
  caption: string;
  bars: Bar[];
  table: ReactNode;
  stacked?: boolean;
}) {
  return (
    <figure className={stacked ? "chart-figure chart-figure--stacked" : "chart-figure"}>
      <figcaption>{caption}</figcaption>
      <BarChart bars={bars} title={caption} />
      <ScrollBox label={`Tabel: ${caption}`}>{table}</ScrollBox>
    </figure>
  );
}
