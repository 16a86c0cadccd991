/**
 * The 2023 social budget (DOMAIN.md sections 4, 6 and 7) as example content: five goal areas, 23 goals,
 * and indicators with weights 1–10. The goal texts follow DOMAIN.md; the seeds give only the areas'
 * weight sums (104 / 43 / 51 / 29 / 23 = 250), so the indicators and their single weights are an
 * illustration built from the measures DOMAIN.md describes, chosen to add up to those sums.
 */
export interface ExampleIndicator {
  text: string;
  weight: number;
  /** Target as a number in the indicator's unit (shares as 0–1). */
  target: number;
  /** How the outcome is measured. */
  measure: string;
  /** True where a lower outcome is better (e.g. a change in benefit dependency). */
  lowerIsBetter?: boolean;
  /** The participant-outcome rate the indicator is measured by, where it is one. */
  source?: OutcomeRateKey;
}

/** The rates computed from participant outcomes (DOMAIN.md section 6). */
export type OutcomeRateKey =
  "positive" | "work" | "studies" | "employmentService" | "noWorkCapacity" | "throughput";

export interface ExampleGoal {
  text: string;
  indicators: readonly ExampleIndicator[];
}

export interface ExampleArea {
  name: string;
  points: number;
  goals: readonly ExampleGoal[];
}

const survey = (text: string, weight: number): ExampleIndicator => ({
  text,
  weight,
  target: 0.8,
  measure: "Andel svar i de tre övre alternativen (femgradig skala), svarsfrekvens minst 50 %",
});

/** Goals measured by one survey question each. */
const surveyGoals = (
  survey_: string,
  goals: [text: string, question: string, weight: number][],
): ExampleGoal[] =>
  goals.map(([text, question, weight]) => ({
    text,
    indicators: [survey(`${survey_} fråga ${question}`, weight)],
  }));

const municipalities = ["Umeå", "Vännäs", "Nordmaling", "Vindeln", "Robertsfors", "Bjurholm"];

export const SOCIAL_BUDGET_2023: readonly ExampleArea[] = [
  {
    name: "Samhälls- och medborgarnytta",
    points: 100,
    goals: [
      {
        text: "Avslutade deltagare har nått en positiv lösning",
        indicators: [
          {
            text: "Andel avslutade till positiv lösning",
            weight: 10,
            target: 0.7,
            measure: "Positiv lösning / avslutade",
            source: "positive",
          },
          {
            text: "Andel av de positiva lösningarna till arbete",
            weight: 9,
            target: 0.35,
            measure: "Arbete / positiva lösningar",
            source: "work",
          },
          {
            text: "Andel av de positiva lösningarna till studier",
            weight: 8,
            target: 0.25,
            measure: "Studier / positiva lösningar",
            source: "studies",
          },
          {
            text: "Andel av de positiva lösningarna till Arbetsförmedlingen",
            weight: 7,
            target: 0.2,
            measure: "Arbetsförmedlingen / positiva lösningar",
            source: "employmentService",
          },
          {
            text: "Andel av de positiva lösningarna med klarlagd arbetsförmåga",
            weight: 4,
            target: 0.1,
            measure: "Ingen arbetsförmåga / positiva lösningar",
            source: "noWorkCapacity",
          },
        ],
      },
      {
        text: "Andelen 20–64 år beroende av offentlig försörjning har minskat jämfört med föregående år",
        indicators: municipalities.map((m, i) => ({
          text: `Helårsekvivalenter per invånare 20–64 år, ${m}`,
          weight: i === 0 ? 6 : 5,
          target: 0,
          measure: "Förändring mot föregående år, första halvåret (SCB)",
          lowerIsBetter: true,
        })),
      },
      {
        text: "Arbetskraftsdeltagandet bland 20–64 år har ökat",
        indicators: municipalities.map((m, i) => ({
          text: `Andel i arbetskraften 20–64 år, ${m}`,
          weight: [7, 6, 6, 6, 6, 4][i],
          target: 0,
          measure: "Förändring mot föregående år (SCB)",
        })),
      },
    ],
  },
  {
    name: "God samordning och medlemsnytta",
    points: 50,
    goals: [
      {
        text: "Undvik inlåsning, håll en fungerande genomströmning",
        indicators: [
          {
            text: "Genomströmning",
            weight: 8,
            target: 0.4,
            measure: "Avslutade / deltagare under året",
            source: "throughput",
          },
        ],
      },
      {
        text: "Deltagarna har nått en positiv lösning genom god samordning",
        indicators: [survey("Deltagare upplever att myndigheterna samverkat kring dem", 8)],
      },
      {
        text: "Den lokala samverkan fungerar som avsett",
        indicators: [survey("Chefer och medarbetare anser att samverkan fungerar", 7)],
      },
      {
        text: "Andra aktörer (arbetsgivare, idéburna organisationer, föreningar) är delaktiga",
        indicators: [
          { text: "Insatser med andra aktörer", weight: 6, target: 3, measure: "Antal insatser under året" },
        ],
      },
      {
        text: "Förbundet följer upp och utvärderar den finansiella samordningen enligt lagen",
        indicators: [
          {
            text: "Uppföljning och social redovisning genomförd",
            weight: 7,
            target: 1,
            measure: "Ja = 1, nej = 0",
          },
        ],
      },
      {
        text: "Verksamheterna utvecklas utifrån uppföljning och utvärdering",
        indicators: [survey("Chefer anser att uppföljningen används i utvecklingen", 7)],
      },
    ],
  },
  {
    name: "Jämlik samverkan",
    points: 50,
    goals: [
      {
        text: "Representationen är jämställd",
        indicators: [
          { text: "Andel kvinnor i styrelsen", weight: 7, target: 0.4, measure: "Inom 40–60 %" },
          { text: "Andel kvinnor bland deltagarna", weight: 6, target: 0.4, measure: "Inom 40–60 %" },
        ],
      },
      {
        text: "Effekterna gynnar inte otillbörligt något av könen",
        indicators: [
          {
            text: "Skillnad i andel positiv lösning mellan kvinnor och män",
            weight: 10,
            target: 0.1,
            measure: "Högst 10 procentenheter",
            lowerIsBetter: true,
          },
          {
            text: "Skillnad i andel till arbete mellan kvinnor och män",
            weight: 6,
            target: 0.1,
            measure: "Högst 10 procentenheter",
            lowerIsBetter: true,
          },
        ],
      },
      {
        text: "Nolltolerans mot diskriminering på de sju diskrimineringsgrunderna",
        indicators: [
          survey("Deltagare har inte upplevt diskriminering", 10),
          survey("Medarbetare har inte upplevt diskriminering", 6),
        ],
      },
      {
        text: "Kvinnor och män bedömer kvaliteten lika",
        indicators: [
          {
            text: "Skillnad i nöjdhet mellan kvinnor och män",
            weight: 6,
            target: 0.1,
            measure: "Högst 10 procentenheter",
            lowerIsBetter: true,
          },
        ],
      },
    ],
  },
  {
    name: "Deltagarnöjdhet",
    points: 25,
    goals: surveyGoals("Deltagarenkät", [
      ["Deltagandet har haft avsedd effekt", "1.4", 5],
      ["Insatserna är organiserade utifrån deltagarnas behov", "1.5", 5],
      ["Deltagarna har inflytande över sin rehabilitering", "1.6", 5],
      ["Deltagarnas erfarenheter och synpunkter tas tillvara", "1.7", 5],
      ["Deltagarna har blivit väl bemötta", "1.8", 5],
      ["Deltagarna upplever insatsen som viktig", "1.9", 4],
    ]),
  },
  {
    name: "Medarbetarnöjdhet",
    points: 25,
    goals: surveyGoals("Medarbetarenkät", [
      ["Medarbetarna känner mening och glädje i resultaten", "4.5", 6],
      ["Medarbetarna är nöjda med sina arbetsuppgifter", "4.6", 6],
      ["Övriga myndigheters personal respekterar medarbetarnas roll och kunskap", "4.9", 6],
      ["Ledarskapet ger det stöd uppdraget behöver", "4.10", 5],
    ]),
  },
];
