/**
 * Renders a compiled MDX file to HTML on the server, at build time. Reading components
 * (`LawRef`, `Sats`, `Callout`, `Checklist`) become HTML in place; the activity types' components
 * (cases, quizzes, evaluations) render nothing in place and instead hand each fragment of
 * prose — a situation, a document, a feedback, an explanation — to the collector under its
 * node number.
 */
import { Children, createContext, isValidElement, useContext, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { runSync } from "@mdx-js/mdx";
import * as jsxRuntime from "react/jsx-runtime";
import { NODE_ATTRIBUTE, type ComponentTable } from "./mdx-tree";
import { formatSats, type SatserTable } from "./satser";
import { CALLOUT_TYPES, LAWS, LAW_SOURCES, isKeyOf } from "./vocabulary";

type Props = { children?: ReactNode; [NODE_ATTRIBUTE]?: string } & Record<string, unknown>;

export interface RenderResult {
  /** The file's own prose: a lesson, a module introduction, or the introduction around a case/quiz. */
  html: string;
  fragments: Map<number, string>;
}

let collector: Map<number, string> | null = null;
/**
 * The amounts `<Sats>` reads. A module variable rather than a React context, because each
 * fragment is rendered by a renderToStaticMarkup of its own, outside any provider.
 */
let satser: SatserTable = new Map();

function capture(props: Props, content: ReactNode) {
  const node = Number(props[NODE_ATTRIBUTE]);
  if (!collector || !Number.isInteger(node)) throw new Error("Fragment rendered outside a collection");
  collector.set(node, renderToStaticMarkup(<>{content}</>).trim());
}

/** Renders children only for the fragments they capture. */
function collectOnly(content: ReactNode) {
  renderToStaticMarkup(<>{content}</>);
}

function split(children: ReactNode, ...types: unknown[]): [inner: ReactNode[], rest: ReactNode[]] {
  const inner: ReactNode[] = [];
  const rest: ReactNode[] = [];
  Children.forEach(children, (child) => {
    if (isValidElement(child) && types.includes(child.type)) inner.push(child);
    else rest.push(child);
  });
  return [inner, rest];
}

export function formatLawRef(props: { law: string; section: string; subsection?: string; sentence?: string; number?: string }) {
  const law = isKeyOf(LAWS, props.law) ? LAWS[props.law] : props.law;
  const section = props.section.trim();
  const parts = [`${law} ${/[-–]/.test(section) ? "§§" : "§"} ${section.replace(/\s*[-–]\s*/, "-")}`];
  if (props.subsection) parts.push(`stk. ${props.subsection}`);
  if (props.number) parts.push(`nr. ${props.number}`);
  if (props.sentence) parts.push(`${props.sentence}. pkt.`);
  return parts.join(", ");
}

/**
 * The readable citation, linked to the law's official text on Retsinformation (same tab; the hidden
 * text tells a screen reader where the link leads). `data-law` and `data-section` let the platform
 * see which provisions a fragment cites (the debrief links weak topics to lessons by them).
 */
function LawRef(props: Props) {
  const citation = formatLawRef(props as unknown as Parameters<typeof formatLawRef>[0]);
  const law = String(props.law);
  const source = isKeyOf(LAW_SOURCES, law) ? LAW_SOURCES[law] : null;
  const data = { "data-law": law, "data-section": String(props.section).trim() };
  if (!source) {
    return (
      <span className="lawref" {...data}>
        {citation}
      </span>
    );
  }
  return (
    <a className="lawref" href={source.url} rel="external" {...data}>
      {citation}
      <span className="sr-only"> (lovteksten på Retsinformation, eksternt link)</span>
    </a>
  );
}

/** The compiler has checked every id against the table before rendering. */
function Sats(props: Props) {
  const sats = satser.get(String(props.id));
  if (!sats) throw new Error(`<Sats id="${String(props.id)}"> rendered with an id the check did not know`);
  return <span className="sats">{formatSats(sats)}</span>;
}

function Callout(props: Props) {
  const type = String(props.type);
  const heading = isKeyOf(CALLOUT_TYPES, type) ? CALLOUT_TYPES[type] : type;
  return (
    <div className={`alert alert-info callout callout-${type}`} role="note" aria-label={heading}>
      <div className="alert-body">
        <p className="alert-heading">{heading}</p>
        {props.children}
      </div>
    </div>
  );
}

const ChecklistContext = createContext<{ id: string; next: () => number } | null>(null);

function Checklist(props: Props) {
  const id = String(props.id);
  let counter = 0;
  const view = (
    <ChecklistContext.Provider value={{ id, next: () => ++counter }}>
      <fieldset className="checklist" data-checklist={id}>
        <legend className="checklist-title">{String(props.title)}</legend>
        {props.children}
      </fieldset>
    </ChecklistContext.Provider>
  );
  capture(props, view);
  counter = 0;
  return view;
}

function ListItem(props: { children?: ReactNode }) {
  const checklist = useContext(ChecklistContext);
  if (!checklist) return <li>{props.children}</li>;
  const inputId = `${checklist.id}-${checklist.next()}`;
  return (
    <li className="checklist-item">
      <div className="form-group-checkbox">
        <input className="form-checkbox" type="checkbox" id={inputId} name={inputId} />
        <label className="form-label" htmlFor={inputId}>
          {props.children}
        </label>
      </div>
    </li>
  );
}

function List(props: { children?: ReactNode }) {
  const checklist = useContext(ChecklistContext);
  return <ul className={checklist ? "nobullet-list" : undefined}>{props.children}</ul>;
}

/** Inside a checklist item's label only phrasing content is valid, so paragraphs become spans. */
function Paragraph(props: { children?: ReactNode }) {
  const checklist = useContext(ChecklistContext);
  return checklist ? <span className="checklist-text">{props.children}</span> : <p>{props.children}</p>;
}

let tableCount = 0;
const nextTableNumber = () => ++tableCount;

/**
 * A table in a scroll box. A wide table scrolls sideways on a phone, so the box is a named region
 * the keyboard can reach (WCAG 2.1.1); the number keeps the names of a page's tables apart.
 */
function Table(props: { children?: ReactNode }) {
  const number = nextTableNumber();
  return (
    <div className="table--responsive-scroll" role="region" aria-label={`Tabel ${number}`} tabIndex={0}>
      <table className="table">{props.children}</table>
    </div>
  );
}

/**
 * The activity types' components (`<Step>`, `<Question>`, …) render nothing in place. One that
 * holds prose (`prose: true`) hands its HTML to the collector, without its own components
 * (a step's situation without its documents and choices); those are rendered for their own
 * fragments.
 */
function structureComponents(table: ComponentTable) {
  const reading = new Set(["LawRef", "Sats", "Callout", "Checklist"]);
  const structure: Record<string, (props: Props) => null> = {};
  for (const [name, spec] of Object.entries(table)) {
    if (reading.has(name)) continue;
    structure[name] = spec.prose
      ? (props) => {
          const [parts, prose] = split(props.children, ...Object.values(structure));
          capture(props, prose);
          collectOnly(parts);
          return null;
        }
      : (props) => {
          collectOnly(props.children);
          return null;
        };
  }
  return structure;
}

const readingComponents = {
  LawRef,
  Sats,
  Callout,
  Checklist,
  li: ListItem,
  ul: List,
  p: Paragraph,
  table: Table,
};

// The compiled table's components, made once per table.
const componentsByTable = new WeakMap<ComponentTable, Record<string, unknown>>();

export function renderCompiledMdx(code: string, table: ComponentTable, amounts: SatserTable = new Map()): RenderResult {
  let components = componentsByTable.get(table);
  if (!components) {
    components = { ...structureComponents(table), ...readingComponents };
    componentsByTable.set(table, components);
  }
  // `code` is the MDX compiler's function body (outputFormat "function-body"): run it with React's JSX runtime.
  const Content = runSync(code, { ...jsxRuntime, baseUrl: import.meta.url }).default as unknown as (props: {
    components: Record<string, unknown>;
  }) => ReactElement;
  const fragments = new Map<number, string>();
  const previous = { collector, satser };
  collector = fragments;
  satser = amounts;
  tableCount = 0;
  try {
    const html = renderToStaticMarkup(<Content components={components} />);
    return { html: html.trim(), fragments };
  } finally {
    ({ collector, satser } = previous);
  }
}
