/**
 * Draws a laid-out case map as SVG (rendered on the server with the page). Every mark is
 * drawn AND written: outcomes carry their result as text, the best path is thicker and
 * numbered (★ 1., ★ 2., …; ★ 1., 3. for a choice taken twice), unreachable steps and dead ends say so in the box. The SVG is a
 * picture for sighted authors; the table beside it carries the same graph for screen readers.
 */
import type { MouseEvent } from "react";
import { TEXT, type CaseLayout, type PlacedEdge, type PlacedNode, type Point } from "~/authoring/case-layout";

/** A smooth path through dagre's points: straight ends, quadratic curves through the bends. */
function edgePath(points: Point[]): string {
  if (points.length === 0) return "";
  const [first, ...rest] = points;
  if (rest.length === 0) return `M${first!.x},${first!.y}`;
  let d = `M${first!.x},${first!.y}`;
  for (let index = 0; index < rest.length - 1; index++) {
    const control = rest[index]!;
    const next = rest[index + 1]!;
    const end = index === rest.length - 2 ? next : { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 };
    d += ` Q${control.x},${control.y} ${end.x},${end.y}`;
  }
  if (rest.length === 1) d += ` L${rest[0]!.x},${rest[0]!.y}`;
  return d;
}

function nodeClass(node: PlacedNode) {
  const classes = ["map-node", `map-${node.kind}`];
  if (node.kind === "outcome") classes.push(`map-result-${node.result}`);
  if (node.onBestPath) classes.push("map-best");
  if (node.unreachable) classes.push("map-unreachable");
  if (node.kind === "step" && node.deadEnd) classes.push("map-dead-end");
  return classes.join(" ");
}

type StepClick = (id: string, event: MouseEvent) => void;

function MapNodeShape({
  node,
  stepHref,
  onStepClick,
}: {
  node: PlacedNode;
  stepHref: (id: string) => string;
  onStepClick?: StepClick;
}) {
  const shape = (
    <g className={nodeClass(node)}>
      <rect x={node.x} y={node.y} width={node.width} height={node.height} rx={node.kind === "step" ? 6 : 0} />
      {node.kind === "outcome" && (
        <rect
          className="map-outcome-inner"
          x={node.x + 4}
          y={node.y + 4}
          width={node.width - 8}
          height={node.height - 8}
        />
      )}
      {node.lines.map((line, index) => (
        <text
          key={index}
          x={node.x + node.width / 2}
          y={node.y + 10 + (index + 1) * TEXT.lineHeight - 4}
          textAnchor="middle"
          fontSize={index === 0 ? TEXT.nodeSize : TEXT.labelSize}
          fontWeight={index === 0 ? 600 : 400}
        >
          {line}
        </text>
      ))}
    </g>
  );
  // Only steps and outcomes that exist can be previewed; the links are for the mouse (the table has them for the keyboard).
  return (
    <a href={stepHref(node.id)} tabIndex={-1} onClick={onStepClick && ((event) => onStepClick(node.id, event))}>
      {shape}
    </a>
  );
}

function MapEdgeLine({ edge }: { edge: PlacedEdge }) {
  return (
    <g className={edge.onBestPath ? "map-edge map-edge-best" : "map-edge"}>
      <path d={edgePath(edge.route)} markerEnd={edge.onBestPath ? "url(#map-arrow-best)" : "url(#map-arrow)"} />
      <rect className="map-edge-label" {...edge.labelBox} rx={3} />
      {edge.labelLines.map((line, index) => (
        <text
          key={index}
          x={edge.labelBox.x + 6}
          y={edge.labelBox.y + 4 + (index + 1) * TEXT.lineHeight - 4}
          fontSize={TEXT.labelSize}
        >
          {line}
        </text>
      ))}
    </g>
  );
}

export function CaseMapSvg({
  layout,
  stepHref,
  onStepClick,
}: {
  layout: CaseLayout;
  stepHref: (id: string) => string;
  /** In the editor, a step's box moves the cursor to its line instead of following the link. */
  onStepClick?: StepClick;
}) {
  return (
    <svg
      className="case-map-svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <marker
          id="map-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="map-arrow" />
        </marker>
        <marker
          id="map-arrow-best"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="map-arrow-best" />
        </marker>
      </defs>
      {layout.phases.map((phase) => (
        <g key={phase.phase} className="map-phase">
          <rect x={phase.x} y={phase.y} width={phase.width} height={phase.height} rx={8} />
          <text x={phase.x + 8} y={phase.y + 16} fontSize={TEXT.labelSize} fontWeight={600}>
            Fase: {phase.label}
          </text>
        </g>
      ))}
      {layout.edges.map((edge) => (
        <MapEdgeLine key={edge.key} edge={edge} />
      ))}
      {layout.nodes.map((node) => (
        <MapNodeShape key={node.id} node={node} stepHref={stepHref} onStepClick={onStepClick} />
      ))}
    </svg>
  );
}

/** The legend under the map: each kind of mark, drawn and named. */
export function CaseMapLegend() {
  const sample = (className: string, outcome = false) => (
    <svg width="36" height="20" aria-hidden="true" focusable="false" className="map-legend-sample">
      <g className={className}>
        <rect x="1" y="1" width="34" height="18" rx={outcome ? 0 : 4} />
        {outcome && <rect className="map-outcome-inner" x="4" y="4" width="28" height="12" />}
      </g>
    </svg>
  );
  return (
    <ul className="map-legend">
      <li>{sample("map-node map-step")} Trin (med fase); klik for at forhåndsvise det</li>
      <li>{sample("map-node map-outcome map-result-korrekt", true)} Afslutning: Korrekt</li>
      <li>{sample("map-node map-outcome map-result-delvist", true)} Afslutning: Delvist korrekt</li>
      <li>{sample("map-node map-outcome map-result-forkert", true)} Afslutning: Forkert</li>
      <li>
        <svg width="36" height="20" aria-hidden="true" focusable="false" className="map-legend-sample">
          <line x1="2" y1="10" x2="34" y2="10" className="map-legend-best" />
        </svg>{" "}
        Bedste vej: tyk streg, valgene nummereret ★ 1., ★ 2., … (★ 1., 3.: valget tages to gange)
      </li>
      <li>{sample("map-node map-step map-unreachable")} Stiplet grå kant: „Kan ikke nås“</li>
      <li>
        {sample("map-node map-step map-dead-end")} Stiplet rød kant: „Blindgyde“ (ingen afslutning kan nås herfra)
      </li>
    </ul>
  );
}
