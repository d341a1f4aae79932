/**
 * Lays out a case map with dagre (a layered graph layout): steps inside one box per phase
 * (dagre's compound nodes), outcomes below them, each choice an edge whose label dagre places
 * beside it. Text widths are estimated from the number of characters, so the layout is the
 * same on the server and in tests. Pure.
 */
import { graphlib, layout } from "@dagrejs/dagre";
import {
  bestPathNumbersText,
  choiceFacts,
  nodeKindLabel,
  nodeMarks,
  type CaseMap,
  type MapEdge,
  type MapNode,
} from "./case-map";

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PlacedNode = MapNode & Box & { lines: string[] };
export type PlacedEdge = MapEdge & { route: Point[]; labelBox: Box; labelLines: string[] };
export interface PlacedPhase extends Box {
  phase: string;
  label: string;
}

export interface CaseLayout {
  width: number;
  height: number;
  phases: PlacedPhase[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Sizes the SVG uses: font sizes in px and the estimated width of one character. */
export const TEXT = { nodeSize: 14, labelSize: 12, lineHeight: 16, charWidth: 0.58 } as const;
const NODE_PADDING = { x: 14, y: 10 };
const LABEL_PADDING = { x: 6, y: 4 };
const LABEL_LINE_CHARS = 30;
const MARGIN = 16;

const textWidth = (text: string, size: number) => Math.ceil(text.length * size * TEXT.charWidth);

/** Breaks a text into lines of at most `max` characters, at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export const nodeLines = (node: MapNode) => [
  node.id,
  nodeKindLabel(node),
  ...(nodeMarks(node).length > 0 ? [nodeMarks(node).join(" · ")] : []),
];

export function edgeLabelLines(edge: MapEdge): string[] {
  const prefix = edge.bestPathNumbers.length > 0 ? `★ ${bestPathNumbersText(edge.bestPathNumbers)} ` : "";
  return [...wrapText(`${prefix}${edge.label}`, LABEL_LINE_CHARS), ...wrapText(choiceFacts(edge), LABEL_LINE_CHARS)];
}

const phaseCluster = (phase: string) => `fase:${phase}`;

export function layoutCaseMap(map: CaseMap): CaseLayout {
  const graph = new graphlib.Graph({ compound: true, multigraph: true, directed: true });
  graph.setGraph({ rankdir: "TB", nodesep: 28, edgesep: 14, ranksep: 44, marginx: MARGIN, marginy: MARGIN });

  for (const group of map.phases) {
    graph.setNode(phaseCluster(group.phase), { label: group.label, width: 0, height: 0 });
  }
  const linesOf = new Map<string, string[]>();
  for (const node of map.nodes) {
    const lines = nodeLines(node);
    linesOf.set(node.id, lines);
    graph.setNode(node.id, {
      width:
        Math.max(...lines.map((line, index) => textWidth(line, index === 0 ? TEXT.nodeSize : TEXT.labelSize))) +
        2 * NODE_PADDING.x,
      height: lines.length * TEXT.lineHeight + 2 * NODE_PADDING.y,
    });
    if (node.kind === "step") graph.setParent(node.id, phaseCluster(node.phase));
  }
  const known = new Set(map.nodes.map((node) => node.id));
  const labelLinesOf = new Map<string, string[]>();
  for (const edge of map.edges) {
    if (!known.has(edge.to)) continue;
    const lines = edgeLabelLines(edge);
    labelLinesOf.set(edge.key, lines);
    graph.setEdge(
      edge.from,
      edge.to,
      {
        width: Math.max(...lines.map((line) => textWidth(line, TEXT.labelSize))) + 2 * LABEL_PADDING.x,
        height: lines.length * TEXT.lineHeight + 2 * LABEL_PADDING.y,
        labelpos: "c",
        // The best path is kept as straight as dagre can.
        weight: edge.onBestPath ? 4 : 1,
      },
      edge.key,
    );
  }

  layout(graph);

  const box = (id: string): Box => {
    const placed = graph.node(id) as { x: number; y: number; width: number; height: number };
    return {
      x: placed.x - placed.width / 2,
      y: placed.y - placed.height / 2,
      width: placed.width,
      height: placed.height,
    };
  };
  const size = graph.graph() as { width?: number; height?: number };

  return {
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    phases: map.phases.map((group) => ({ phase: group.phase, label: group.label, ...box(phaseCluster(group.phase)) })),
    nodes: map.nodes.map((node) => ({ ...node, ...box(node.id), lines: linesOf.get(node.id)! })),
    edges: map.edges.flatMap((edge) => {
      const lines = labelLinesOf.get(edge.key);
      if (!lines) return [];
      const placed = graph.edge({ v: edge.from, w: edge.to, name: edge.key }) as {
        points: Point[];
        x: number;
        y: number;
        width: number;
        height: number;
      };
      return [
        {
          ...edge,
          route: placed.points.map(({ x, y }) => ({ x, y })),
          labelBox: {
            x: placed.x - placed.width / 2,
            y: placed.y - placed.height / 2,
            width: placed.width,
            height: placed.height,
          },
          labelLines: lines,
        },
      ];
    }),
  };
}
