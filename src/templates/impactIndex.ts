import { GOAL_AREAS_2023 } from "../domain/socialBudget";
import { IMPACT_INDEX_TARGET } from "../domain/impactIndex";
import { SOCIAL_BUDGET_2023, type OutcomeRateKey } from "../examples/socialBudget2023";
import {
  ALL_PLATFORMS,
  illustrativeOutcome,
  LAST_YEAR_EXAMPLE,
  OUTCOME_MEASURES,
  PARTICIPANTS_EXAMPLE,
  PLATFORMS,
  RESPONSE_RATE_EXAMPLE,
  type OutcomeMeasure,
} from "../examples/impact2023";
import { FORMATS, formula, input, label, SheetBuilder } from "./sheetBuilder";
import { addr, range } from "../sheet/a1";
import type { Cell, TemplateOptions, TemplateSpec } from "./spec";

const BLANK_INDICATOR_ROWS = 30;
export const TOLERANCE_COUNTS_LABEL = "Tolerans räknas som uppnådd";
const ALL = [...PLATFORMS, ALL_PLATFORMS];
const GREEN = { fill: "#C6EFCE", fontColor: "#006100" };
const ORANGE = { fill: "#FFEB9C", fontColor: "#9C5700" };
const RED = { fill: "#FFC7CE", fontColor: "#9C0006" };

/** The rates computed from participant outcomes: numerator, denominator, label. */
const RATES: {
  key: OutcomeRateKey | "health" | "dropout";
  of: [OutcomeMeasure, OutcomeMeasure];
  label: string;
}[] = [
  { key: "positive", of: ["positive", "ended"], label: "Positiv lösning, av avslutade" },
  { key: "work", of: ["work", "positive"], label: "Arbete, av positiva lösningar" },
  { key: "studies", of: ["studies", "positive"], label: "Studier, av positiva lösningar" },
  {
    key: "employmentService",
    of: ["employmentService", "positive"],
    label: "Arbetsförmedlingen, av positiva lösningar",
  },
  {
    key: "noWorkCapacity",
    of: ["noWorkCapacity", "positive"],
    label: "Ingen arbetsförmåga, av positiva lösningar",
  },
  { key: "health", of: ["health", "ended"], label: "Hälsoskäl, av avslutade" },
  { key: "dropout", of: ["dropout", "ended"], label: "Avbrott, av avslutade" },
  { key: "throughput", of: ["ended", "participants"], label: "Genomströmning (avslutade / deltagare)" },
];

/**
 * Impactindex: per goal area and in total, for each platform and all together (Arbetsmarknadstorgen),
 * with last year's figures, the difference and the board's target; the indicators with outcome, reached
 * (FINSAM.GOALMET) and status per platform; the participant outcomes that feed the rate indicators.
 */
export function impactIndexTemplate(options: TemplateOptions): TemplateSpec {
  const example = options.content === "example";
  const indicators = example
    ? SOCIAL_BUDGET_2023.flatMap((area) =>
        area.goals.flatMap((goal) => goal.indicators.map((ind) => ({ area: area.name, ...ind }))),
      )
    : [];
  const indicatorCount = example ? indicators.length : BLANK_INDICATOR_ROWS;
  const areas = GOAL_AREAS_2023;
  const b = new SheetBuilder("impact", "Impactindex");

  // Rows are laid out in advance: the summary at the top refers to the indicator table further down.
  const R = {} as Record<string, number>;
  R.target = 5;
  R.minResponse = 6;
  R.summaryHeader = 9;
  R.areaTop = R.summaryHeader + 1;
  R.total = R.areaTop + areas.length;
  R.participantsHeader = R.total + 4 + 15; // room for the chart between the summary and the participants
  R.measureTop = R.participantsHeader + 2;
  R.rateTop = R.measureTop + OUTCOME_MEASURES.length + 2;
  R.indicatorHeader = R.rateTop + RATES.length + 2;
  R.firstIndicator = R.indicatorHeader + 1;
  R.lastIndicator = R.firstIndicator + indicatorCount - 1;

  const IND = { area: 1, text: 2, weight: 3, target: 4, tolerance: 5, lower: 6, response: 7, platform0: 8 };
  const outcomeCol = (p: number) => IND.platform0 + p * 3;
  const reachedCol = (p: number) => outcomeCol(p) + 1;
  const statusCol = (p: number) => outcomeCol(p) + 2;
  const column = (c: number) => range(R.firstIndicator, c, R.lastIndicator, c, true);
  const target = addr(R.target, 2, { row: true, column: true });
  const minResponse = addr(R.minResponse, 2, { row: true, column: true });
  // Participant block: per platform three columns (women, men, total), from column B.
  const pCol = (p: number, k: 0 | 1 | 2) => 2 + p * 3 + k;

  b.row([label(`Impactindex ${options.firstYear}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      "Impactindex = summan av vikterna för uppnådda indikatorer / summan av alla vikter × 100. Bara status Uppnått räknas; Nära (inom toleransen) räknas inte, om inte föreningen valt det nedan. En indikator utan utfall räknas som ej uppnådd.",
      "note",
    ),
  ]);
  b.skip();
  b.row([label("Styrelsens mål för Impactindex"), input(IMPACT_INDEX_TARGET, FORMATS.index)]);
  b.row([label("Lägsta svarsfrekvens för enkätresultat"), input(0.5, FORMATS.percentWhole)]);
  // Whether a near miss (within the row's tolerance) counts as reached is the association's own, visible
  // decision; by default it does not: a tolerance colours a row for follow-up, it gives no credit.
  const toleranceChoiceRow = b.row([label(TOLERANCE_COUNTS_LABEL), input("Nej")]);
  b.validations.push({
    range: addr(toleranceChoiceRow, 2),
    rule: { kind: "list", values: ["Nej", "Ja"] },
    error: 'Välj "Nej" eller "Ja".',
    prompt: "Ja: en indikator inom toleransen räknas som uppnådd och visas som Uppnått (inom tolerans).",
  });
  const toleranceCounts = `${addr(toleranceChoiceRow, 2, { row: true, column: true })}="Ja"`;
  b.skip(1);

  // Summary: index per area and platform, last year, difference, against the target.
  if (b.currentRow !== R.summaryHeader) throw new Error("impact layout: summary moved");
  b.row([
    label("Målområde", "header"),
    ...ALL.map((p) => label(p, "header")),
    label("Föregående år", "header"),
    label("Förändring", "header"),
    label("Mot målet", "header"),
  ]);
  const indexCell = (p: number, area: string | null) => {
    const args = `${column(IND.weight)},${column(reachedCol(p))}${area === null ? "" : `,${column(IND.area)},${area}`}`;
    return formula(
      `=IF(COUNT(${column(IND.weight)})=0,"",IF(COUNTA(${column(outcomeCol(p))})=0,"",FINSAM.IMPACTINDEX(${args})))`,
      FORMATS.index,
    );
  };
  const lastYear = (v: number) => input(example ? v : null, FORMATS.index);
  const comparisons = (r: number): Cell[] => [
    formula(`=IF(OR(${addr(r, 5)}="",${addr(r, 6)}=""),"",${addr(r, 5)}-${addr(r, 6)})`, "+0.0;-0.0;0.0"),
    formula(
      `=IF(${addr(r, 5)}="","",IF(${addr(r, 5)}>=${target},"Når målet","Under målet"))`,
      undefined,
      "status",
    ),
  ];
  areas.forEach((area, a) => {
    const r = b.currentRow;
    b.row([
      label(area.name),
      ...ALL.map((_, p) => indexCell(p, addr(r, 1))),
      lastYear(LAST_YEAR_EXAMPLE.areas[a]),
      ...comparisons(r),
    ]);
  });
  b.row([
    label("Totalt", "total"),
    ...ALL.map((_, p) => ({ ...indexCell(p, null), style: "total" as const })),
    lastYear(LAST_YEAR_EXAMPLE.total),
    ...comparisons(R.total),
  ]);
  const indexRange = range(R.areaTop, 2, R.total, 5);
  b.conditionalFormats.push(
    { range: indexRange, formula: `=AND(ISNUMBER(B${R.areaTop}),B${R.areaTop}>=${target})`, ...GREEN },
    { range: indexRange, formula: `=AND(ISNUMBER(B${R.areaTop}),B${R.areaTop}<${target})`, ...RED },
    { range: range(R.areaTop, 8, R.total, 8), formula: `=H${R.areaTop}="Når målet"`, ...GREEN },
    { range: range(R.areaTop, 8, R.total, 8), formula: `=H${R.areaTop}="Under målet"`, ...RED },
  );
  b.row([
    label(
      `Grönt: minst styrelsens mål. Rött: under målet. Indexet räknas från indikatorerna, inte som ett medel av målområdenas index.`,
      "note",
    ),
  ]);
  b.charts.push({
    type: "barClustered",
    title: "Impactindex per målområde",
    source: range(R.summaryHeader, 1, R.areaTop + areas.length - 1, 5),
    anchor: range(R.total + 3, 1, R.total + 17, 7),
  });

  // Participant outcomes (women / men / total per platform) and the rates computed from them.
  b.skip(R.participantsHeader - b.currentRow);
  b.row([
    label("Deltagarresultat", "section"),
    ...ALL.flatMap((p) => [label(p, "header"), label("", "header"), label("", "header")]),
  ]);
  b.row([label(""), ...ALL.flatMap(() => ["Kvinnor", "Män", "Totalt"].map((h) => label(h, "header")))]);
  const measureRow: Record<string, number> = {};
  OUTCOME_MEASURES.forEach((m) => {
    const r = b.currentRow;
    measureRow[m.key] = r;
    const cells: (Cell | undefined)[] = [label(m.label)];
    PLATFORMS.forEach((p, i) => {
      const [women, men] = example ? PARTICIPANTS_EXAMPLE[p][m.key] : [null, null];
      cells.push(
        input(women, FORMATS.integer),
        input(men, FORMATS.integer),
        formula(`=${addr(r, pCol(i, 0))}+${addr(r, pCol(i, 1))}`, FORMATS.integer),
      );
    });
    const all = PLATFORMS.length;
    for (const k of [0, 1] as const)
      cells.push(formula(`=${PLATFORMS.map((_, i) => addr(r, pCol(i, k))).join("+")}`, FORMATS.integer));
    cells.push(formula(`=${addr(r, pCol(all, 0))}+${addr(r, pCol(all, 1))}`, FORMATS.integer));
    b.row(cells);
  });
  b.skip();
  b.row([label("Andelar", "section")]);
  const rateRow: Record<string, number> = {};
  RATES.forEach((rate) => {
    const r = b.currentRow;
    rateRow[rate.key] = r;
    const cells: Cell[] = [label(rate.label)];
    ALL.forEach((_, p) => {
      for (const k of [0, 1, 2] as const) {
        const num = addr(measureRow[rate.of[0]], pCol(p, k));
        const den = addr(measureRow[rate.of[1]], pCol(p, k));
        cells.push(formula(`=IF(N(${den})=0,"",${num}/${den})`, FORMATS.percent));
      }
    });
    b.row(cells);
  });
  b.row([
    label(
      "Andelarna av positiva lösningar räknas av de positiva lösningarna; hälsoskäl och avbrott av alla avslutade.",
      "note",
    ),
  ]);
  b.skip();

  // Indicators with outcome, reached and status per platform.
  if (b.currentRow !== R.indicatorHeader) throw new Error("impact layout: indicator table moved");
  b.row([
    ...["Målområde", "Indikator", "Vikt", "Målvärde", "Tolerans", "Lägre är bättre", "Svarsfrekvens"].map(
      (h) => label(h, "header"),
    ),
    ...ALL.flatMap((p) => [
      label(`${p}: utfall`, "header"),
      label(`${p}: uppnått`, "header"),
      label(`${p}: status`, "header"),
    ]),
  ]);
  for (let i = 0; i < indicatorCount; i++) {
    const ind = indicators[i];
    const r = b.currentRow;
    const survey = ind?.measure.startsWith("Andel svar") ?? false;
    const cells: Cell[] = [
      input(ind?.area ?? null),
      input(ind?.text ?? null),
      input(ind?.weight ?? null, FORMATS.integer),
      input(ind?.target ?? null, "General"),
      input(survey ? Math.round(ind.target * 0.1 * 1000) / 1000 : null, "General"),
      input(ind ? Boolean(ind.lowerIsBetter) : null),
      input(survey ? RESPONSE_RATE_EXAMPLE : null, FORMATS.percentWhole),
    ];
    ALL.forEach((_, p) => {
      const outcome = addr(r, outcomeCol(p));
      const args = `${outcome},${addr(r, IND.target, { column: true })},TOLERANCE,${addr(r, IND.response, { column: true })},${minResponse},${addr(r, IND.lower, { column: true })}`;
      const met = (tolerance: string) => `FINSAM.GOALMET(${args.replace("TOLERANCE", tolerance)})`;
      const blank = `OR(${addr(r, IND.weight, { column: true })}="",${outcome}="")`;
      const source = ind?.source;
      const tolerance = addr(r, IND.tolerance, { column: true });
      cells.push(
        source
          ? formula(`=${addr(rateRow[source], pCol(p, 2))}`, "0.0%")
          : input(ind ? illustrativeOutcome(ind.target, Boolean(ind.lowerIsBetter), i, p) : null, "General"),
        formula(`=IF(${blank},"",${met(`IF(${toleranceCounts},N(${tolerance}),0)`)})`),
        formula(
          `=IF(${addr(r, IND.weight, { column: true })}="","",IF(${outcome}="","Saknas",IF(AND(ISNUMBER(${addr(r, IND.response, { column: true })}),${addr(r, IND.response, { column: true })}<${minResponse}),"Låg svarsfrekvens",IF(${met("0")},"Uppnått",IF(${met(`N(${tolerance})`)},IF(${toleranceCounts},"Uppnått (inom tolerans)","Nära"),"Ej uppnått")))))`,
          undefined,
          "status",
        ),
      );
    });
    b.row(cells);
  }
  ALL.forEach((_, p) => {
    const statusRange = range(R.firstIndicator, statusCol(p), R.lastIndicator, statusCol(p));
    const first = addr(R.firstIndicator, statusCol(p));
    b.conditionalFormats.push(
      { range: statusRange, formula: `=LEFT(${first},7)="Uppnått"`, ...GREEN },
      { range: statusRange, formula: `=${first}="Nära"`, ...ORANGE },
      { range: statusRange, formula: `=${first}="Ej uppnått"`, ...RED },
    );
  });
  b.tables.push({
    name: "FINSAM_Impactindikatorer",
    range: range(R.indicatorHeader, 1, R.lastIndicator, statusCol(ALL.length - 1)),
  });
  b.validations.push(
    {
      range: range(R.firstIndicator, IND.weight, R.lastIndicator, IND.weight),
      rule: { kind: "wholeNumber", min: 1, max: 10 },
      error: "Vikten ska vara ett heltal från 1 till 10.",
    },
    {
      range: range(R.firstIndicator, IND.area, R.lastIndicator, IND.area),
      rule: { kind: "list", values: areas.map((a) => a.name) },
      error: "Välj ett av de fem målområdena.",
    },
    {
      range: range(R.firstIndicator, IND.response, R.lastIndicator, IND.response),
      rule: { kind: "decimal", min: 0, max: 1 },
      error: "Svarsfrekvensen anges 0–100 %.",
    },
  );

  return {
    id: "impactindex",
    sheets: [
      b.build({
        columnWidths: [34, 44, 8, 10, 10, 10, 12, ...ALL.flatMap(() => [12, 12, 16])],
        freeze: { rows: 0, columns: 1 },
      }),
    ],
    names: [
      {
        name: "FINSAM_Impactindex_Totalt",
        sheet: "impact",
        range: range(R.total, 2, R.total, 5, true),
        comment: "Impactindex totalt per plattform",
      },
    ],
  };
}
