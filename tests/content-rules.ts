/**
 * One fixture per rule of the content format (tests/fixtures/content-rules) with the exact
 * messages the check gives for it. app/content/rules.test.ts proves each; docs/authoring.md lists
 * them all with these examples (`npm run docs:messages` writes the list, a test keeps it current).
 */

/** The file each fixture is checked as; its messages name it. */
export const RULE_FILE = "content/regler/01-regel.mdx";

export const at = (position: string, message: string) => `${RULE_FILE}:${position} ${message}`;

export const RULES: [rule: string, fixture: string, messages: string[]][] = [
  [
    "a `to` that names no step or outcome",
    "case-unknown-target.mdx",
    [
      at(
        "14:9",
        'Valget "Gå videre" i trinnet "a" peger på to="findes-ikke", men der er intet trin eller nogen afslutning med det id.',
      ),
    ],
  ],
  [
    "a `start` that names no step",
    "case-unknown-start.mdx",
    [at("8:7", 'start="begynd" findes ikke: der er intet <Step id="begynd"> i casen.')],
  ],
  [
    "a step that cannot be reached from start",
    "case-unreachable-step.mdx",
    [at("18:1", 'Trinnet "glemt" kan ikke nås fra start ("a"): intet valg, som kursisten kan træffe, fører hertil.')],
  ],
  [
    "a step from which no outcome can be reached",
    "case-dead-end.mdx",
    [
      at("20:1", 'Fra trinnet "b" (uden flag sat) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.'),
      at("28:1", 'Fra trinnet "c" (uden flag sat) kan kursisten ikke nå nogen afslutning; alle veje fører i ring.'),
    ],
  ],
  [
    "a step with no choice",
    "case-step-without-choice.mdx",
    [at("18:1", 'Trinnet "b" har intet <Choice>, så kursisten kan ikke komme videre.')],
  ],
  [
    "a reachable situation in which no choice is offered",
    "case-no-choice-offered.mdx",
    [
      at(
        "20:1",
        'I trinnet "b" (uden flag sat) tilbydes intet valg, fordi alle valg kræver flag, der ikke er sat. Giv trinnet et valg uden requires.',
      ),
    ],
  ],
  [
    "a flag in requires that no choice sets",
    "case-unknown-flag.mdx",
    [
      at(
        "14:52",
        'Flaget "laegeerklaering" i requires på valget "Afgør" sættes ikke af noget valg (sets="laegeerklaering"), så valget kan aldrig vælges.',
      ),
    ],
  ],
  [
    "negative points",
    "case-negative-points.mdx",
    [at("14:52", "points på <Choice> må ikke være mindre end 0 (er -1).")],
  ],
  [
    "points that are not whole",
    "case-fractional-points.mdx",
    [at("14:52", "points på <Choice> skal være et helt tal, f.eks. points={2}.")],
  ],
  [
    "an unknown phase",
    "case-unknown-phase.mdx",
    [at("10:14", 'Ukendt fase "klage" i phase på <Step>. Tilladt: opstart, oplysning, afgoerelse, opfoelgning.')],
  ],
  [
    "an unknown topic",
    "case-unknown-topic.mdx",
    [
      at(
        "14:33",
        'Ukendt emne "jura" i topic på <Choice>. Tilladt: sagsoplysning, partshoering, begrundelse, klagevejledning, frister, personkreds, udmaaling, arbejdsleder, udland, merudgifter, afgoerelse, opfoelgning.',
      ),
    ],
  ],
  [
    "an unknown result",
    "case-unknown-result.mdx",
    [at("18:20", 'Ukendt resultat "godt" i result på <Outcome>. Tilladt: korrekt, delvist, forkert.')],
  ],
  [
    "a duplicate step id in the file",
    "case-duplicate-step.mdx",
    [at("18:1", 'Id\'et "a" er brugt før i denne case (linje 10). Trin og afslutninger skal have hver sit id.')],
  ],
  [
    "two choices of one step with the same id",
    "case-duplicate-choice.mdx",
    [
      at(
        "16:1",
        'To valg i trinnet "a" har samme id "slut" (det første står i linje 14). Valg, der fører til samme sted, skal have hver sit id="…".',
      ),
    ],
  ],
  [
    "a quiz question with fewer than two options",
    "quiz-too-few-options.mdx",
    [at("10:1", 'Spørgsmålet "eneste" skal have mindst to <Option>, men har 1.')],
  ],
  [
    "a quiz question with no correct option",
    "quiz-no-correct-option.mdx",
    [at("10:1", 'Spørgsmålet "spoergsmaal" har intet rigtigt svar. Markér det rigtige svar med correct på <Option>.')],
  ],
  [
    "a duplicate question id in a quiz",
    "quiz-duplicate-question.mdx",
    [at("19:1", 'Spørgsmåls-id\'et "samme" er brugt før i denne quiz (linje 10).')],
  ],
  [
    "a duplicate option id in a question",
    "quiz-duplicate-option.mdx",
    [at("15:1", 'Svarmuligheden "a" findes to gange i spørgsmålet "spoergsmaal" (første gang i linje 14).')],
  ],
  [
    "a duplicate statement id in an evaluation",
    "evaluation-duplicate-statement.mdx",
    [
      at(
        "12:1",
        'Id\'et "kendskab" er brugt før i denne evaluering (linje 10). Hvert udsagn og felt skal have sit eget id.',
      ),
    ],
  ],
  [
    "a begrundelse with fewer than three criteria",
    "begrundelse-too-few-criteria.mdx",
    [at("8:1", "Begrundelsen skal have mindst 3 <Criterion>, som kursisten vurderer sin tekst efter, men har 2.")],
  ],
  [
    "a duplicate criterion id in a begrundelse",
    "begrundelse-duplicate-criterion.mdx",
    [
      at(
        "14:1",
        'Kriterie-id\'et "retsgrundlag" er brugt før i denne begrundelse (linje 12). Hvert <Criterion> skal have sit eget id.',
      ),
    ],
  ],
  [
    "a criterion with a topic outside the vocabulary",
    "begrundelse-unknown-topic.mdx",
    [
      at(
        "13:23",
        'Ukendt emne "fakta" i topic på <Criterion>. Tilladt: sagsoplysning, partshoering, begrundelse, klagevejledning, frister, personkreds, udmaaling, arbejdsleder, udland, merudgifter, afgoerelse, opfoelgning.',
      ),
    ],
  ],
  [
    "a case whose best choice is the longest in more than 60 % of its steps with two or more choices (a warning)",
    "case-length-bias.mdx",
    [
      at(
        "8:1",
        "Advarsel: I casen „Case: Valget kan kendes på længden“ har det bedste valg den længste tekst i 2 af 3 trin med flere valg (67 %). Over 60 % lærer kursisten at vælge det længste svar: skriv valgene, så det bedste ikke kan kendes på længden.",
      ),
    ],
  ],
  [
    "a quiz whose correct option is the longest in more than 60 % of its questions (a warning)",
    "quiz-length-bias.mdx",
    [
      at(
        "8:1",
        "Advarsel: I quizzen „Quiz: Svaret kan kendes på længden“ er det rigtige svar det længste i 2 af 3 spørgsmål (67 %). Over 60 % lærer kursisten at vælge det længste svar: skriv svarmulighederne, så det rigtige ikke kan kendes på længden.",
      ),
    ],
  ],
  [
    "a criterion without an explanation",
    "begrundelse-criterion-without-explanation.mdx",
    [
      at(
        "13:1",
        'Kriteriet "Nævner de faktiske oplysninger" har ingen forklaring. Skriv inde i <Criterion>, hvad en god begrundelse gør, og hvorfor (f.eks. med <LawRef>).',
      ),
    ],
  ],
  [
    "a begrundelse without a task",
    "begrundelse-no-task.mdx",
    [at("8:1", "Begrundelsen mangler <Task> med opgaven (hvad kursisten har besluttet, og hvem begrundelsen er til).")],
  ],
  [
    "a begrundelse without a model answer",
    "begrundelse-no-model-answer.mdx",
    [at("8:1", "Begrundelsen mangler <ModelAnswer> med en mønsterbesvarelse.")],
  ],
  [
    "a minLength out of range",
    "begrundelse-min-length.mdx",
    [at("8:14", "minLength på <Begrundelse> må ikke være større end 5000 (er 20000).")],
  ],
  [
    "a best path that does not end in a korrekt outcome (with the path and its score)",
    "case-best-path-not-korrekt.mdx",
    [
      at(
        "20:1",
        'Den bedste vej gennem casen (50 point) ender i afslutningen "afslag" med result="forkert", men den skal ende i en afslutning med result="korrekt". Vejen: ansoegning → afslag → afslag. Giv flere point til valgene mod den korrekte afslutning, eller færre til valgene på denne vej.',
      ),
    ],
  ],
  [
    "a YAML title with a colon, at its line and the colon",
    "yaml-title-colon.mdx",
    [
      at(
        "3:12",
        'Værdien af title indeholder et kolon. Sæt titlen i anførselstegn, når den indeholder kolon: title: "Case: Ingrid søger om BPA"',
      ),
    ],
  ],
  [
    "a YAML list indented wrongly, at the line that is",
    "yaml-indentation.mdx",
    [at("6:1", 'Punkterne i listen legalBasis skal være rykket lige meget ind, f.eks. to mellemrum før hvert "- ".')],
  ],
  [
    "a misspelt frontmatter field and a wrong type, each at its key",
    "frontmatter-unknown-field.mdx",
    [
      at("3:1", "Ukendt felt i frontmatter: titel. Mente du title? (Feltet title mangler.)"),
      at("4:7", "type skal være en af: lesson, case, quiz, evaluation, begrundelse."),
    ],
  ],
  [
    "curly quotes from Word in an attribute",
    "mdx-curly-quotes.mdx",
    [at("10:15", 'Brug lige anførselstegn " i attributter, ikke krøllede ” (som Word laver): skriv type="…".')],
  ],
  [
    "a tag that is never closed",
    "mdx-unclosed-tag.mdx",
    [
      at(
        "10:1",
        "<Callout> er ikke lukket. Skriv </Callout>, hvor indholdet af <Callout> slutter, eller <Callout … /> (med / til sidst), hvis den ikke har indhold.",
      ),
    ],
  ],
  [
    "a skipped heading level",
    "heading-skipped-level.mdx",
    [
      at(
        "10:1",
        'Overskriften "For dybt" springer et niveau over: den har ### og kommer efter en overskrift med #. Brug ##.',
      ),
    ],
  ],
  [
    "an unknown component and an unknown attribute, with the known one they were meant to be",
    "unknown-component.mdx",
    [
      at("8:1", "Ukendt komponent <callout>. Mente du <Callout>?"),
      at("14:21", "Ukendt attribut tpye på <Callout>. Mente du type?"),
    ],
  ],
];

/** What each fixture shows, in the words of the authors' guide. */
export const RULE_TITLES: Record<string, string> = {
  "case-length-bias.mdx": "Advarsel: det bedste valg i en case kan kendes på, at det er det længste",
  "quiz-length-bias.mdx": "Advarsel: det rigtige svar i en quiz kan kendes på, at det er det længste",
  "case-unknown-target.mdx": "Et valg peger på et trin eller en afslutning, der ikke findes",
  "case-unknown-start.mdx": "Casens start findes ikke",
  "case-unreachable-step.mdx": "Et trin kan ikke nås fra start",
  "case-dead-end.mdx": "En blindgyde: fra trinnet kan ingen afslutning nås",
  "case-step-without-choice.mdx": "Et trin uden valg",
  "case-no-choice-offered.mdx": "Et trin, hvor intet valg tilbydes med de flag, der er sat",
  "case-unknown-flag.mdx": "Et flag i requires, som intet valg sætter",
  "case-negative-points.mdx": "Negative point",
  "case-fractional-points.mdx": "Point, der ikke er et helt tal",
  "case-unknown-phase.mdx": "Ukendt fase",
  "case-unknown-topic.mdx": "Ukendt emne",
  "case-unknown-result.mdx": "Ukendt resultat på en afslutning",
  "case-duplicate-step.mdx": "To trin med samme id",
  "case-duplicate-choice.mdx": "To valg i samme trin med samme id",
  "quiz-too-few-options.mdx": "Et quizspørgsmål med under to svarmuligheder",
  "quiz-no-correct-option.mdx": "Et quizspørgsmål uden rigtigt svar",
  "quiz-duplicate-question.mdx": "To quizspørgsmål med samme id",
  "quiz-duplicate-option.mdx": "To svarmuligheder med samme id",
  "evaluation-duplicate-statement.mdx": "To udsagn i en evaluering med samme id",
  "begrundelse-too-few-criteria.mdx": "En begrundelsesopgave med under tre kriterier",
  "begrundelse-duplicate-criterion.mdx": "To kriterier med samme id",
  "begrundelse-unknown-topic.mdx": "Ukendt emne på et kriterium",
  "begrundelse-criterion-without-explanation.mdx": "Et kriterium uden forklaring",
  "begrundelse-no-task.mdx": "En begrundelsesopgave uden <Task>",
  "begrundelse-no-model-answer.mdx": "En begrundelsesopgave uden mønsterbesvarelse",
  "begrundelse-min-length.mdx": "minLength uden for det tilladte",
  "case-best-path-not-korrekt.mdx": "Den bedste vej ender ikke i en korrekt afslutning (med vejen og dens point)",
  "yaml-title-colon.mdx": "En titel med kolon uden anførselstegn",
  "yaml-indentation.mdx": "En liste i frontmatter, der er rykket forkert ind",
  "frontmatter-unknown-field.mdx": "Et felt stavet forkert og en forkert type i frontmatter",
  "mdx-curly-quotes.mdx": "Krøllede anførselstegn fra Word i en attribut",
  "mdx-unclosed-tag.mdx": "Et tag, der ikke er lukket",
  "heading-skipped-level.mdx": "En overskrift, der springer et niveau over",
  "unknown-component.mdx": "Ukendt komponent og ukendt attribut (med det, du nok mente)",
};
