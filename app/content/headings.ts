/**
 * Headings as the content format allows them: the page title is the page's <h1>, the highest
 * heading level an author uses in a file (`#`, `##` or `###`) becomes <h2>, and the levels below
 * keep their order. Only a skipped level (`#` followed by `###`) is an error. A remark step: it
 * rewrites the depths of the file's headings in place and returns the skipped levels.
 */
import type { Problem } from "./mdx-tree";

interface Node {
  type: string;
  depth?: number;
  value?: unknown;
  children?: Node[];
  position?: { start: { line: number; column: number } };
}

function headings(root: Node): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.type === "heading") found.push(node);
    node.children?.forEach(walk);
  };
  walk(root);
  return found;
}

const textOf = (node: Node): string =>
  typeof node.value === "string" ? node.value : (node.children ?? []).map(textOf).join("");

const hashes = (depth: number) => "#".repeat(depth);

export function normaliseHeadings(root: Node): Problem[] {
  const all = headings(root);
  if (all.length === 0) return [];
  const top = Math.min(...all.map((heading) => heading.depth ?? 1));
  const problems: Problem[] = [];
  let previous = top - 1; // the page title stands above the file's highest level
  for (const heading of all) {
    const depth = heading.depth ?? 1;
    if (depth > previous + 1) {
      const after = previous < top ? "sidens titel" : `en overskrift med ${hashes(previous)}`;
      problems.push({
        line: heading.position?.start.line ?? 1,
        column: heading.position?.start.column ?? 1,
        message:
          `Overskriften "${textOf(heading).trim()}" springer et niveau over: den har ${hashes(depth)} og kommer efter ${after}. ` +
          `Brug ${hashes(previous + 1)}.`,
      });
    }
    previous = depth;
    heading.depth = Math.min(6, depth - top + 2);
  }
  return problems;
}

