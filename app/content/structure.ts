/**
 * Reading a file's component tree: the helpers every activity type's builder uses
 * (`app/activities/<type>/content.ts`), and the parts that are the same in every file —
 * checklists and the ids that must be unique across the course.
 */
import type { ComponentSpec } from "./format";
import type { ComponentNode, Position, Problem } from "./mdx-tree";
import type { ChecklistDefinition } from "./types";

/** The HTML the renderer produced, by node number. */
export type Fragments = ReadonlyMap<number, string>;

export const str = (node: ComponentNode, name: string): string => {
  const value = node.attributes[name];
  return typeof value === "string" ? value : "";
};
export const flags = (node: ComponentNode, name: string): string[] => {
  const value = node.attributes[name];
  return Array.isArray(value) ? value : [];
};
export const int = (node: ComponentNode, name: string, fallback: number): number => {
  const value = node.attributes[name];
  return typeof value === "number" ? value : fallback;
};
export const bool = (node: ComponentNode, name: string): boolean => node.attributes[name] === true;
export const positionOf = (node: ComponentNode, attribute?: string): Position =>
  (attribute && node.attributePositions[attribute]) || node.position;
export const html = (fragments: Fragments, node: ComponentNode | undefined) =>
  node ? (fragments.get(node.node) ?? "") : "";

export function findAll(nodes: ComponentNode[], name: ComponentNode["name"]): ComponentNode[] {
  const found: ComponentNode[] = [];
  const walk = (list: ComponentNode[]) => {
    for (const node of list) {
      if (node.name === name) found.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return found;
}

/** Reports each id that was used before in the same scope. */
export function reportDuplicates(
  items: { id: string; position: Position }[],
  problems: Problem[],
  describe: (id: string, first: Position) => string,
) {
  const seen = new Map<string, Position>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) problems.push({ ...item.position, message: describe(item.id, first) });
    else seen.set(item.id, item.position);
  }
}

/** Exactly one of a component must stand in a file of its type. */
export function single(roots: ComponentNode[], name: ComponentNode["name"], problems: Problem[]): ComponentNode | null {
  const found = roots.filter((node) => node.name === name);
  if (found.length === 0) {
    problems.push({ line: 1, column: 1, message: `Filen skal indeholde præcis én <${name}>, men har ingen.` });
    return null;
  }
  for (const extra of found.slice(1)) {
    problems.push({ ...extra.position, message: `Filen må kun indeholde én <${name}>; denne er nummer ${found.indexOf(extra) + 1}.` });
  }
  return found[0]!;
}

export function buildChecklists(
  roots: ComponentNode[],
  fragments: Fragments,
  activityId: string | null,
  problems: Problem[],
): ChecklistDefinition[] {
  return findAll(roots, "Checklist").map((node) => {
    if (node.listItemCount === 0) {
      problems.push({
        ...node.position,
        message: `Tjeklisten "${str(node, "title")}" har ingen punkter. Skriv punkterne som en liste med "- " inde i <Checklist>.`,
      });
    }
    return { id: str(node, "id"), title: str(node, "title"), html: html(fragments, node), activityId };
  });
}

/** Ids that must be unique across the whole course, with where each was written. */
export function globalIds(
  roots: ComponentNode[],
  components: Readonly<Record<string, ComponentSpec>>,
): { kind: string; id: string; position: Position }[] {
  return Object.entries(components).flatMap(([name, spec]) =>
    spec.globalId
      ? findAll(roots, name).map((node) => ({ kind: spec.globalId!, id: str(node, "id"), position: positionOf(node, "id") }))
      : [],
  );
}
