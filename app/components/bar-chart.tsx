/**
 * A horizontal bar chart drawn as SVG on the server, with the same figures in a table beside it
 * (for screen readers and for printing). Each bar carries its value as text, so no figure is told
 * by colour or length alone.
 */
import { useId, type ReactNode } from "react";

export interface Bar {
  label: string;
  /** 0–100 */
  value: number | null;
  valueText: string;
}

const WIDTH = 720;
const LABEL_WIDTH = 300;
const VALUE_WIDTH = 80;
const ROW = 40;

const shorten = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const id = useId();
  const height = Math.max(1, bars.length) * ROW + 8;
  const track = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`}>
      <title id={`${id}-title`}>{`${title}. Tallene står i tabellen ved siden af.`}</title>
      {bars.map((bar, index) => {
        const y = index * ROW + 4;
        const width = bar.value === null ? 0 : (track * Math.max(0, Math.min(100, bar.value))) / 100;
        return (
          <g key={`${bar.label}-${index}`}>
            <text className="bar-label" x={0} y={y + 22}>
              {shorten(bar.label)}
            </text>
            <rect className="bar-track" x={LABEL_WIDTH} y={y} width={track} height={ROW - 10} />
            <rect className="bar" x={LABEL_WIDTH} y={y} width={width} height={ROW - 10} />
            <text className="bar-value" x={WIDTH - VALUE_WIDTH + 8} y={y + 22}>
              {bar.valueText}
            </text>
          </g>
        );
      })}
    </svg>
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
      <div className="table--responsive-scroll">{table}</div>
    </figure>
  );
}
