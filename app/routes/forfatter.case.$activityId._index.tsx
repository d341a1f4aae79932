import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAuthorCase } from "~/authoring/authoring.server";
import { bestPathNumbersList, buildCaseMap, choiceFacts, nodeKindLabel, nodeMarks } from "~/authoring/case-map";
import { layoutCaseMap } from "~/authoring/case-layout";
import { requireUser } from "~/auth/auth.server";
import { Alert } from "~/components/alert";
import { editorHref } from "~/authoring/editor-links";
import { editorEnabled } from "~/authoring/editor.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { CaseMapLegend, CaseMapSvg } from "~/components/case-map-svg";
import { ContentProblems } from "~/components/content-problems";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Kort: ${data.title} – Forfatter – Sagslab` : "Kort over case – Sagslab" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "author");
  const { definition, ...found } = await requireAuthorCase(params);
  const map = buildCaseMap(definition);
  // Each step's and outcome's line in the file, for the links to the editor (development only).
  const lines = Object.fromEntries(
    [...definition.steps, ...definition.outcomes].map((place) => [place.id, place.position.line]),
  );
  return { ...found, map, layout: layoutCaseMap(map), editor: editorEnabled(), lines };
}

export default function CaseMapPage() {
  const { id, title, file, module, playable, problems, map, layout, editor, lines } = useLoaderData<typeof loader>();
  const previewHref = (placeId: string) => `/forfatter/case/${id}/trin/${placeId}`;
  const stepCount = map.nodes.filter((n) => n.kind === "step").length;
  const outcomeCount = map.nodes.length - stepCount;
  return (
    <>
      <Breadcrumbs items={[{ to: "/forfatter", label: "Forfatter" }, { label: `Kort: ${title}` }]} />
      <p className="meta">
        Case i {module.title}
        {module.draft && " (kladde)"} · <code>{file}</code>
      </p>
      <h1>Kort: {title}</h1>
      <ul className="author-summary">
        <li>
          {stepCount} trin, {outcomeCount} afslutninger, {map.edges.length} valg
        </li>
        <li>
          Højeste score: <strong>{map.maxScore === null ? "kan ikke beregnes" : `${map.maxScore} point`}</strong>
          {map.bestOutcomeId && (
            <>
              {" "}
              (bedste vej ender i <strong>{map.bestOutcomeId}</strong>)
            </>
          )}
        </li>
        <li>
          <Link to={previewHref(map.start)}>Forhåndsvis casen fra start ({map.start})</Link>
        </li>
        {editor && (
          <li>
            <Link to={editorHref(file)}>Rediger casens fil</Link>
          </li>
        )}
      </ul>
      {!playable && (
        <Alert tone="error" heading="Casen kan ikke spilles af kursister">
          Kortet viser, hvor den går i stå. Ret fejlene nedenfor.
        </Alert>
      )}
      {problems.length > 0 && <ContentProblems problems={problems} caption="Fejl i casens fil" />}

      <h2>Kortet</h2>
      <CaseMapLegend />
      <div
        className="case-map-scroll"
        tabIndex={0}
        role="region"
        aria-label="Kortet som tegning (samme indhold som tabellen nedenfor)"
      >
        <CaseMapSvg layout={layout} stepHref={previewHref} />
      </div>

      <h2 id="tabel">Kortet som tabel</h2>
      <div className="table--responsive-scroll">
        <table className="table table--compact case-map-table">
          <caption>Alle trin og afslutninger i casen med deres valg, i filens rækkefølge</caption>
          <thead>
            <tr>
              <th scope="col">Trin eller afslutning</th>
              <th scope="col">Art og markeringer</th>
              <th scope="col">Valg (point, flag) → mål</th>
            </tr>
          </thead>
          <tbody>
            {map.nodes.map((node) => {
              const choices = map.edges.filter((edge) => edge.from === node.id);
              return (
                <tr key={node.id} className={node.onBestPath ? "row-best" : undefined}>
                  <th scope="row">
                    <Link to={previewHref(node.id)}>
                      {node.id}
                      <span className="visually-hidden"> – forhåndsvis</span>
                    </Link>
                    {editor && lines[node.id] !== undefined && (
                      <>
                        <br />
                        <Link className="meta" to={editorHref(file, lines[node.id])}>
                          Rediger linje {lines[node.id]}
                          <span className="visually-hidden"> ({node.id})</span>
                        </Link>
                      </>
                    )}
                  </th>
                  <td>
                    {nodeKindLabel(node)}
                    {nodeMarks(node).map((mark) => (
                      <span key={mark} className="map-mark">
                        {mark}
                      </span>
                    ))}
                  </td>
                  <td>
                    {node.kind === "outcome" ? (
                      "–"
                    ) : (
                      <ul className="nobullet-list">
                        {choices.map((edge) => (
                          <li key={edge.key}>
                            {edge.bestPathNumbers.length > 0 && (
                              <strong>Bedste vej, valg {bestPathNumbersList(edge.bestPathNumbers)}: </strong>
                            )}
                            „{edge.label}“ ({choiceFacts(edge)}) → {edge.to}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
