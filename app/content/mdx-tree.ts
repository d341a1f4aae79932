/**
 * Reads the components of one MDX file from its syntax tree (a remark plugin over the
 * `mdxJsx*` nodes): which component stands where, with which attribute values, at which line.
 * It checks each use against the components' specs (`contentComponents` in `format.ts`) and
 * tags every component with a node number, so the
 * HTML that the renderer produces for it can be joined back to it.
 */
import { ID_PATTERN, type AttributeSpec, type CheckedComponentSpec } from "./format";
import { didYouMean } from "./suggest";

export interface Position {
  line: number;
  column: number;
}

/** An error stops the build and fails `content:check`; a warning is reported and fails nothing. */
export type Severity = "error" | "warning";

export interface Problem extends Position {
  message: string;
  /** Default "error". */
  severity?: Severity;
}

export type AttributeValue = string | number | boolean | string[];

export interface ComponentNode {
  node: number;
  name: string;
  attributes: Record<string, AttributeValue>;
  /** Where each attribute was written, for messages about its value. */
  attributePositions: Record<string, Position>;
  position: Position;
  children: ComponentNode[];
  /** Markdown list items directly inside (used by `<Checklist>`). */
  listItemCount: number;
}

export interface FileTree {
  /** Components at the top of the file, each with its nested components. */
  roots: ComponentNode[];
  problems: Problem[];
}

/** The attribute that carries the node number from the tree to the renderer. */
export const NODE_ATTRIBUTE = "data-sagslab-node";

// The parts of the mdast/MDX node shapes this module reads; kept local so the module does not
// depend on which version of the mdast types a dependency happens to install.
interface UnistPoint {
  line: number;
  column: number;
}
interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  depth?: number;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: UnistPoint };
}
interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: { start: UnistPoint };
}

const at = (node: { position?: { start: UnistPoint } } | undefined, fallback: Position): Position =>
  node?.position ? { line: node.position.start.line, column: node.position.start.column } : fallback;

/** The components a file may use, by name. */
export type ComponentTable = Readonly<Record<string, CheckedComponentSpec>>;

export function readTree(root: MdNode, activityType: string, components: ComponentTable): FileTree {
  const problems: Problem[] = [];
  let nextNode = 0;
  const origin: Position = { line: 1, column: 1 };

  const visit = (node: MdNode, parent: ComponentNode | null, into: ComponentNode[]) => {
    const position = at(node, origin);
    if (node.type === "mdxjsEsm") {
      problems.push({ ...position, message: "import og export er ikke tilladt i indholdet. Brug kun de komponenter, forfattervejledningen beskriver." });
      return;
    }
    if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
      problems.push({
        ...position,
        message: "Krøllede parenteser { } starter JavaScript og er ikke tilladt i teksten. Omskriv teksten uden { og }.",
      });
      return;
    }
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const component = readComponent(node, parent, position);
      if (component) {
        into.push(component);
        for (const child of node.children ?? []) visit(child, component, component.children);
      }
      return;
    }
    if (parent && isProse(node)) {
      const spec = components[parent.name]!;
      if (spec.noProse) {
        problems.push({
          ...position,
          message: `Tekst direkte i <${parent.name}> vises ikke for kursisten. Flyt den ind i et underelement eller uden for <${parent.name}>.`,
        });
        return;
      }
      if (spec.empty) {
        problems.push({ ...position, message: `<${parent.name}> må ikke have indhold. Skriv den som <${parent.name} … />.` });
        return;
      }
    }
    if (parent && node.type === "listItem") parent.listItemCount += 1;
    for (const child of node.children ?? []) visit(child, parent, into);
  };

  const readComponent = (node: MdNode, parent: ComponentNode | null, position: Position): ComponentNode | null => {
    const name = node.name ?? "";
    if (!name) {
      problems.push({ ...position, message: "Tomme tags <> … </> er ikke tilladt." });
      return null;
    }
    const spec = Object.prototype.hasOwnProperty.call(components, name) ? components[name] : undefined;
    if (!spec) {
      problems.push({
        ...position,
        message:
          `Ukendt komponent <${name}>.` +
          (didYouMean(name, Object.keys(components), (c) => `<${c}>`) ||
            ` Tilladte komponenter: ${Object.keys(components).map((c) => `<${c}>`).join(", ")}.`),
      });
      return null;
    }
    const parentName = parent ? parent.name : "root";
    if (!spec.parents.includes(parentName)) {
      const where = spec.parents.map((p) => (p === "root" ? "øverst i filen" : `i <${p}>`)).join(" eller ");
      problems.push({
        ...position,
        message: `<${name}> kan ikke stå ${parent ? `i <${parent.name}>` : "øverst i filen"}; den skal stå ${where}.`,
      });
      return null;
    }
    if (spec.onlyIn && !spec.onlyIn.includes(activityType)) {
      problems.push({
        ...position,
        message: `<${name}> hører kun hjemme i en fil med type: ${spec.onlyIn.join(" eller ")}.`,
      });
      return null;
    }
    const component: ComponentNode = {
      node: nextNode++,
      name,
      attributes: {},
      attributePositions: {},
      position,
      children: [],
      listItemCount: 0,
    };
    for (const attribute of node.attributes ?? []) {
      const attributePosition = at(attribute, position);
      if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
        problems.push({ ...attributePosition, message: `Attributter på <${name}> skal skrives som navn="værdi".` });
        continue;
      }
      const attributeSpec = spec.attributes[attribute.name];
      if (!attributeSpec) {
        const allowed = Object.keys(spec.attributes);
        problems.push({
          ...attributePosition,
          message:
            `Ukendt attribut ${attribute.name} på <${name}>.` +
            (didYouMean(attribute.name, allowed, (a) => a) ||
              (allowed.length ? ` Tilladte attributter: ${allowed.join(", ")}.` : ` <${name}> har ingen attributter.`)),
        });
        continue;
      }
      const parsed = parseAttribute(name, attribute.name, attributeSpec, attribute.value);
      if ("error" in parsed) {
        problems.push({ ...attributePosition, message: parsed.error });
        continue;
      }
      component.attributes[attribute.name] = parsed.value;
      component.attributePositions[attribute.name] = attributePosition;
    }
    for (const [attributeName, attributeSpec] of Object.entries(spec.attributes)) {
      if (attributeSpec.required && !(attributeName in component.attributes)) {
        const alreadyReported = (node.attributes ?? []).some((a) => a.name === attributeName);
        if (!alreadyReported) {
          problems.push({ ...position, message: `<${name}> mangler attributten ${attributeName}.` });
        }
      }
    }
    // Tag the node so the renderer can hand back the HTML it produced for it.
    node.attributes = [
      ...(node.attributes ?? []),
      { type: "mdxJsxAttribute", name: NODE_ATTRIBUTE, value: String(component.node) },
    ];
    return component;
  };

  const roots: ComponentNode[] = [];
  for (const child of root.children ?? []) visit(child, null, roots);
  return { roots, problems };
}

function isProse(node: MdNode): boolean {
  if (node.type === "text") return typeof node.value === "string" && node.value.trim() !== "";
  return ["paragraph", "heading", "list", "blockquote", "code", "table", "thematicBreak", "inlineCode", "emphasis", "strong", "link"].includes(node.type);
}

type Parsed = { value: AttributeValue } | { error: string };

export function parseAttribute(
  component: string,
  name: string,
  spec: AttributeSpec,
  raw: MdAttribute["value"],
): Parsed {
  const literal = readLiteral(raw);
  const where = `${name} på <${component}>`;
  if (literal === undefined) {
    return { error: `Værdien af ${where} skal være en fast værdi, f.eks. ${example(name, spec)}.` };
  }
  switch (spec.kind) {
    case "boolean":
      return typeof literal === "boolean"
        ? { value: literal }
        : { error: `${where} skal være sand eller falsk: skriv ${name} eller ${name}={false}.` };
    case "int": {
      const number = typeof literal === "string" && literal.trim() !== "" ? Number(literal) : literal;
      if (typeof number !== "number" || !Number.isFinite(number) || !Number.isInteger(number)) {
        return { error: `${where} skal være et helt tal, f.eks. ${name}={2}.` };
      }
      if (number < spec.min) return { error: `${where} må ikke være mindre end ${spec.min} (er ${number}).` };
      if (spec.max !== undefined && number > spec.max) {
        return { error: `${where} må ikke være større end ${spec.max} (er ${number}).` };
      }
      return { value: number };
    }
    case "string":
    case "id":
    case "enum":
    case "flags": {
      if (typeof literal !== "string") return { error: `${where} skal være en tekst i anførselstegn, f.eks. ${example(name, spec)}.` };
      const value = literal.trim();
      if (spec.required && value === "") return { error: `${where} må ikke være tom.` };
      if (spec.kind === "id" && !ID_PATTERN.test(value)) {
        return { error: `${where} ("${value}") må kun indeholde bogstaver (a-z), tal, bindestreg og understregning.` };
      }
      if (spec.kind === "enum" && !spec.values.includes(value)) {
        return {
          error: `Ukendt ${spec.what} "${value}" i ${where}.${didYouMean(value, spec.values)} Tilladt: ${spec.values.join(", ")}.`,
        };
      }
      if (spec.kind === "flags") {
        const flags = value.split(/\s+/).filter(Boolean);
        const bad = flags.find((flag) => !ID_PATTERN.test(flag));
        if (bad) return { error: `Flaget "${bad}" i ${where} må kun indeholde bogstaver (a-z), tal, bindestreg og understregning.` };
        return { value: flags };
      }
      return { value };
    }
  }
}

/** A literal attribute value: `a="x"`, a bare `a` (true), or `a={2}`, `a={false}`, `a={"x"}`. */
function readLiteral(raw: MdAttribute["value"]): string | number | boolean | undefined {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === "string") return raw;
  const expression = raw.value.trim();
  if (expression === "true") return true;
  if (expression === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(expression)) return Number(expression);
  const quoted = /^(["'`])(.*)\1$/s.exec(expression);
  if (quoted && !quoted[2]!.includes("${")) return quoted[2]!;
  return undefined;
}

function example(name: string, spec: AttributeSpec): string {
  switch (spec.kind) {
    case "int":
      return `${name}={2}`;
    case "boolean":
      return name;
    case "enum":
      return `${name}="${spec.values[0]}"`;
    default:
      return `${name}="…"`;
  }
}

/**
 * What the MDX compiler does before any remark plugin runs (`remark-mark-and-unravel` in
 * @mdx-js/mdx): a paragraph that holds nothing but components and whitespace is replaced by those
 * components as blocks, so `<Outcome …>Tekst</Outcome>` on one line is a block like any other.
 * The check parses the file itself (to find every syntax error), so it does the same.
 */
export function unravelParagraphs(root: MdNode) {
  const walk = (node: MdNode) => {
    const children = node.children;
    if (!children) return;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      const inner = child.children ?? [];
      const onlyComponents =
        child.type === "paragraph" &&
        inner.some((c) => c.type === "mdxJsxTextElement" || c.type === "mdxTextExpression") &&
        inner.every(
          (c) =>
            c.type === "mdxJsxTextElement" ||
            c.type === "mdxTextExpression" ||
            (c.type === "text" && typeof c.value === "string" && c.value.trim() === ""),
        );
      if (onlyComponents) {
        const blocks = inner
          .filter((c) => c.type !== "text")
          .map((c) => ({ ...c, type: c.type === "mdxJsxTextElement" ? "mdxJsxFlowElement" : "mdxFlowExpression" }));
        children.splice(index, 1, ...blocks);
        index += blocks.length - 1;
        continue;
      }
      walk(child);
    }
  };
  walk(root);
}
