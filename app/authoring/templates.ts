/**
 * The templates a new activity starts from (`/forfatter/ny`): one per activity type, each a small
 * file that passes the content check as it is, with the type's components in place and a line
 * saying what to write. Every type in the registry must have one (the type checks it).
 */
import type { ActivityType } from "~/activities/registry";

export type TemplateType = ActivityType;

interface TemplateFields {
  id: string;
  title: string;
}

/** A YAML string in double quotes: a title with a colon or quotes stays one string. */
const yamlString = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

const frontmatter = (fields: TemplateFields, type: ActivityType, minutes: number) =>
  [
    "---",
    `id: ${fields.id}`,
    `title: ${yamlString(fields.title)}`,
    `type: ${type}`,
    `estimatedMinutes: ${minutes}`,
    "---",
    "",
  ].join("\n");

type Template = { minutes: number; body: (fields: TemplateFields) => string };

export const TEMPLATES: Record<TemplateType, Template> = {
  lesson: {
    minutes: 10,
    body: () => `Skriv lektionens indledning her: hvad kursisten lærer, og hvorfor det betyder noget i en sag.

## Reglen

Forklar reglen med en henvisning, f.eks. <LawRef law="FVL" section="24" />.

<Callout type="praksis">

Et godt råd til praksis.

</Callout>
`,
  },
  case: {
    minutes: 10,
    body: () => `Beskriv sagen kort: hvem borgeren er, og hvad der er søgt om. Alle personer er opdigtede.

<Case start="modtagelse">

<Step id="modtagelse" phase="opstart">

Beskriv situationen, som sagsbehandleren møder den.

<Document id="ansoegning" title="Ansøgning">

Borgerens ansøgning.

</Document>

<Choice to="oplysning" label="Undersøg sagen nærmere" points={2} topic="sagsoplysning">

Tilbagemelding: hvorfor er det et godt valg?

</Choice>

<Choice to="forkert" label="Træf afgørelse med det samme" points={0} topic="sagsoplysning">

Tilbagemelding: hvad mangler?

</Choice>

</Step>

<Step id="oplysning" phase="afgoerelse">

Nu er sagen oplyst. Hvad gør du?

<Choice to="korrekt" label="Træf afgørelse med begrundelse og klagevejledning" points={2} topic="afgoerelse">

Tilbagemelding.

</Choice>

</Step>

<Outcome id="korrekt" result="korrekt">

Sagen er afgjort rigtigt.

</Outcome>

<Outcome id="forkert" result="forkert">

Afgørelsen bygger på en sag, der ikke er oplyst.

</Outcome>

</Case>
`,
  },
  quiz: {
    minutes: 5,
    body: (fields) => `Skriv en kort introduktion til quizzen.

<Quiz id="${fields.id}">

<Question id="spoergsmaal-1" topic="sagsoplysning">

Skriv spørgsmålet her.

<Option id="rigtigt" label="Rigtigt svar" correct />
<Option id="forkert" label="Forkert svar" />

<Explanation>

Forklar, hvorfor svaret er rigtigt, med en henvisning, f.eks. <LawRef law="RSL" section="10" />.

</Explanation>

</Question>

</Quiz>
`,
  },
  evaluation: {
    minutes: 3,
    body: (fields) => `Hjælp os med at gøre forløbet bedre. Dine svar bruges kun samlet for hele holdet.

<Evaluation id="${fields.id}">

<Likert id="udbytte" statement="Forløbet har givet mig ny viden, jeg kan bruge i mine sager." />

<FreeText id="forbedringer" label="Hvad kan gøres bedre?" />

</Evaluation>
`,
  },
  begrundelse: {
    minutes: 15,
    body: () => `Beskriv opgaven: hvilken sag kursisten skriver begrundelsen til.

<Begrundelse minLength={300}>

<Document id="ansoegning" title="Ansøgning">

Borgerens ansøgning.

</Document>

<Task>

Skriv, hvad kursisten har besluttet, og hvad begrundelsen skal dække.

</Task>

<Criterion id="retsgrundlag" topic="begrundelse" label="Henviser til de regler, afgørelsen bygger på">

Forklaring: hvorfor skal det stå der (<LawRef law="FVL" section="24" subsection="1" />)?

</Criterion>

<Criterion id="fakta" topic="sagsoplysning" label="Nævner de oplysninger, der er lagt vægt på">

Forklaring (<LawRef law="FVL" section="24" subsection="2" />).

</Criterion>

<Criterion id="klage" topic="klagevejledning" label="Giver klagevejledning med frist">

Forklaring (<LawRef law="FVL" section="25" />).

</Criterion>

<ModelAnswer>

Skriv mønsterbesvarelsen her: den begrundelse, en dygtig sagsbehandler ville skrive.

</ModelAnswer>

</Begrundelse>
`,
  },
};

/** The new file's source: frontmatter with the id and title, then the type's template. */
export function templateSource(type: TemplateType, fields: TemplateFields): string {
  const template = TEMPLATES[type];
  return `${frontmatter(fields, type, template.minutes)}\n${template.body(fields)}`;
}
