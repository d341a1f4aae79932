/**
 * A generated large case, the kind that used to be refused (issue 15): 50 steps in 5 hubs. In each
 * hub the learner may make 4 investigations in any order (each returns to the hub, each earns a
 * point the first time), then takes 5 decisions, each of which may send the learner back to the
 * hub. 8 flags: one per hub opens its first decision, three more are needed for the korrekt
 * ending. 4! orders in each of 5 hubs, and loops besides: far too many paths to enumerate, but
 * only some tens of thousands of situations.
 */
export const LARGE_CASE = { hubs: 5, investigations: 4, decisions: 5 } as const;

/** 1 point per investigation, 2 per decision. */
export const LARGE_CASE_MAX_SCORE = LARGE_CASE.hubs * (LARGE_CASE.investigations * 1 + LARGE_CASE.decisions * 2);

export function largeCaseMdx(): string {
  const { hubs, investigations, decisions } = LARGE_CASE;
  const parts: string[] = [
    "---",
    "id: stor-genereret-case",
    'title: "Case: En stor sag med mange undersøgelser"',
    "type: case",
    "estimatedMinutes: 60",
    "---",
    "",
    "En genereret case til test og måling af indholdskontrollen.",
    "",
    '<Case start="hub-1">',
    "",
  ];
  const choice = (attributes: string, feedback: string) => [
    `<Choice ${attributes}>`,
    "",
    feedback,
    "",
    "</Choice>",
    "",
  ];
  for (let hub = 1; hub <= hubs; hub++) {
    parts.push(`<Step id="hub-${hub}" phase="oplysning">`, "", `Oversigt ${hub}: hvad vil du undersøge?`, "");
    for (let i = 1; i <= investigations; i++) {
      parts.push(
        ...choice(
          `id="undersoeg-${hub}-${i}" to="undersoegelse-${hub}-${i}" label="Undersøgelse ${hub}.${i}" points={1} topic="sagsoplysning"`,
          "Du undersøger.",
        ),
      );
    }
    parts.push(
      ...choice(
        `id="videre" to="beslutning-${hub}-1" label="Gå videre til beslutningerne" topic="afgoerelse"`,
        "Videre.",
      ),
      "</Step>",
      "",
    );
    for (let i = 1; i <= investigations; i++) {
      // Investigation 1 of each hub opens the hub's first decision; investigation 2 of hubs 1-3 is needed at the end.
      const sets = [...(i === 1 ? [`noegle-${hub}`] : []), ...(i === 2 && hub <= 3 ? [`fund-${hub}`] : [])];
      parts.push(
        `<Step id="undersoegelse-${hub}-${i}" phase="oplysning">`,
        "",
        `Resultatet af undersøgelse ${hub}.${i}.`,
        "",
        ...choice(
          `id="tilbage" to="hub-${hub}" label="Tilbage til oversigten" topic="sagsoplysning"${sets.length ? ` sets="${sets.join(" ")}"` : ""}`,
          "Tilbage.",
        ),
        "</Step>",
        "",
      );
    }
    for (let d = 1; d <= decisions; d++) {
      const last = hub === hubs && d === decisions;
      const next = d < decisions ? `beslutning-${hub}-${d + 1}` : last ? "bevilget" : `hub-${hub + 1}`;
      const requires = d === 1 ? `noegle-${hub}` : last ? "fund-1 fund-2 fund-3" : "";
      parts.push(
        `<Step id="beslutning-${hub}-${d}" phase="afgoerelse">`,
        "",
        `Beslutning ${hub}.${d}.`,
        "",
        ...choice(
          `id="godt" to="${next}" label="Det gode valg" points={2} topic="afgoerelse"${requires ? ` requires="${requires}"` : ""}`,
          "Godt.",
        ),
        ...choice(`id="mere" to="hub-${hub}" label="Undersøg mere" topic="sagsoplysning"`, "Tilbage til oversigten."),
        ...choice(
          `id="daarligt" to="${last ? "delvist" : "afslag"}" label="Det hurtige valg" points={${last ? 1 : 0}} topic="afgoerelse"`,
          "Ikke godt.",
        ),
        "</Step>",
        "",
      );
    }
  }
  parts.push(
    '<Outcome id="bevilget" result="korrekt">Korrekt afgørelse.</Outcome>',
    "",
    '<Outcome id="delvist" result="delvist">Delvist rigtigt.</Outcome>',
    "",
    '<Outcome id="afslag" result="forkert">Ankestyrelsen hjemviser sagen.</Outcome>',
    "",
    "</Case>",
    "",
  );
  return parts.join("\n");
}
