import { DEFAULT_MIN_RESPONSE_RATE } from "../domain/indicators";
import { GOAL_AREAS_2023, MAX_WEIGHT, MIN_WEIGHT } from "../domain/socialBudget";
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
import { at, FORMATS, formula, input, label, SheetBuilder, span, ADDIN_NOTE } from "./sheetBuilder";
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

const IND = { area: 1, text: 2, weight: 3, target: 4, tolerance: 5, lower: 6, response: 7, platform0: 8 };
const outcomeCol = (p: number) => IND.platform0 + p * 3;
const reachedCol = (p: number) => outcomeCol(p) + 1;
const statusCol = (p: number) => outcomeCol(p) + 2;
/** A column of the indicator table (its data rows), absolute: the summary above refers to it. */
const column = (c: number) => span("indicator.first", c, "indicator.last", c, true);
/** Participant block: per platform three columns (women, men, total), from column B. */
const pCol = (p: number, k: 0 | 1 | 2) => 2 + p * 3 + k;
/** Rows left free for the chart between the summary's note and the participant outcomes. */
const CHART_ROWS = 17;

interface Inputs {
  target: string;
  minResponse: string;
  toleranceCounts: string;
}

type Indicator = (typeof SOCIAL_BUDGET_2023)[number]["goals"][number]["indicators"][number] & {
  area: string;
};

/**
 * Impactindex: per goal area and in total, for each platform and all together (Arbetsmarknadstorgen),
 * with last year's figures, the difference and the board's target; the indicators with outcome, reached
 * (FINSAM.GOALMET) and status per platform; the participant outcomes that feed the rate indicators.
 */
export function impactIndexTemplate(options: TemplateOptions): TemplateSpec {
  const example = options.content === "example";
  const b = new SheetBuilder("impact", "Impactindex");
  b.row([label(`Impactindex ${options.firstYear}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      "Impactindex = summan av vikterna för uppnådda indikatorer / summan av alla vikter × 100. Bara status Uppnått räknas; Nära (inom toleransen) räknas inte, om inte föreningen valt det nedan. En indikator utan utfall räknas som ej uppnådd.",
      "note",
    ),
  ]);
  b.skip();
  const inputs = premises(b);
  b.skip(1);
  summary(b, inputs, example);
  b.skip(CHART_ROWS);
  const measureRow = participants(b, example);
  b.skip();
  const rateRow = rates(b, measureRow);
  b.skip();
  indicatorTable(b, inputs, example, rateRow);
  const sheet = b.build({
    columnWidths: [34, 44, 8, 10, 10, 10, 12, ...ALL.flatMap(() => [12, 12, 16])],
    freeze: { rows: 0, columns: 1 },
  });
  const total = b.rowNamed("total");
  return {
    id: "impactindex",
    sheets: [sheet],
    names: [
      {
        name: "FINSAM_Impactindex_Totalt",
        sheet: "impact",
        range: range(total, 2, total, 5, true),
        comment: "Impactindex totalt per plattform",
      },
    ],
  };
}

/** The board's target, the lowest response rate, and whether a near miss counts as reached. */
function premises(b: SheetBuilder): Inputs {
  const targetRow = b.row([
    label("Styrelsens mål för Impactindex"),
    input(IMPACT_INDEX_TARGET, FORMATS.index),
  ]);
  const responseRow = b.row([
    label("Lägsta svarsfrekvens för enkätresultat"),
    input(DEFAULT_MIN_RESPONSE_RATE, FORMATS.percentWhole),
  ]);
  // Whether a near miss (within the row's tolerance) counts as reached is the association's own, visible
  // decision; by default it does not: a tolerance colours a row for follow-up, it gives no credit.
  const toleranceChoiceRow = b.row([label(TOLERANCE_COUNTS_LABEL), input("Nej")]);
  b.validations.push({
    range: addr(toleranceChoiceRow, 2),
    rule: { kind: "list", values: ["Nej", "Ja"] },
    error: 'Välj "Nej" eller "Ja".',
    prompt: "Ja: en indikator inom toleransen räknas som uppnådd och visas som Uppnått (inom tolerans).",
  });
  const abs = { row: true, column: true };
  return {
    target: addr(targetRow, 2, abs),
    minResponse: addr(responseRow, 2, abs),
    toleranceCounts: `${addr(toleranceChoiceRow, 2, abs)}="Ja"`,
  };
}

/** Index per area and platform, last year, difference, against the target; and the chart of it. */
function summary(b: SheetBuilder, { target }: Inputs, example: boolean): void {
  const header = b.row([
    label("Målområde", "header"),
    ...ALL.map((p) => label(p, "header")),
    label("Föregående år", "header"),
    label("Förändring", "header"),
    label("Mot målet", "header"),
  ]);
  // Native: the weights of the reached indicators over all weights (SUMIFS), so that the index reads without
  // the add-in; FINSAM.IMPACTINDEX checks the total under it.
  const indexCell = (p: number, area: string | null) => {
    const where = area === null ? "" : `,${column(IND.area)},${area}`;
    const all = area === null ? `SUM(${column(IND.weight)})` : `SUMIFS(${column(IND.weight)}${where})`;
    return formula(
      `=IF(COUNT(${column(IND.weight)})=0,"",IF(COUNTA(${column(outcomeCol(p))})=0,"",IF(${all}=0,"",SUMIFS(${column(IND.weight)},${column(reachedCol(p))},1${where})/${all}*100)))`,
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
  GOAL_AREAS_2023.forEach((area, a) => {
    const r = b.currentRow;
    b.row([
      label(area.name),
      ...ALL.map((_, p) => indexCell(p, addr(r, 1))),
      lastYear(LAST_YEAR_EXAMPLE.areas[a]),
      ...comparisons(r),
    ]);
  });
  const areaTop = header + 1;
  const total = b.row(
    [
      label("Totalt", "total"),
      ...ALL.map((_, p) => ({ ...indexCell(p, null), style: "total" as const })),
      lastYear(LAST_YEAR_EXAMPLE.total),
      ...comparisons(b.currentRow),
    ],
    "total",
  );
  b.row([
    label("Kontroll: FINSAM.IMPACTINDEX (tillägget)"),
    ...ALL.map((_, p) =>
      formula(
        `=IF(ISNUMBER(${addr(total, 2 + p)}),FINSAM.CHECKSUM(FINSAM.IMPACTINDEX(${column(IND.weight)},${column(reachedCol(p))}),${addr(total, 2 + p)},0.001),"")`,
        undefined,
        "check",
      ),
    ),
  ]);
  b.row([label(ADDIN_NOTE, "note")]);
  const indexRange = range(areaTop, 2, total, 5);
  b.conditionalFormats.push(
    { range: indexRange, formula: `=AND(ISNUMBER(B${areaTop}),B${areaTop}>=${target})`, ...GREEN },
    { range: indexRange, formula: `=AND(ISNUMBER(B${areaTop}),B${areaTop}<${target})`, ...RED },
    { range: range(areaTop, 8, total, 8), formula: `=H${areaTop}="Når målet"`, ...GREEN },
    { range: range(areaTop, 8, total, 8), formula: `=H${areaTop}="Under målet"`, ...RED },
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
    source: range(header, 1, total - 1, 5),
    anchor: range(total + 3, 1, total + 17, 7),
  });
}

/** Participant outcomes (women / men / total per platform); returns each measure's row. */
function participants(b: SheetBuilder, example: boolean): Record<string, number> {
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
  return measureRow;
}

/** The rates computed from the participant outcomes; returns each rate's row. */
function rates(b: SheetBuilder, measureRow: Record<string, number>): Record<string, number> {
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
  return rateRow;
}

/** Indicators with outcome, reached and status per platform: the example's, or blank rows. */
function indicatorTable(
  b: SheetBuilder,
  inputs: Inputs,
  example: boolean,
  rateRow: Record<string, number>,
): void {
  const indicators: Indicator[] = example
    ? SOCIAL_BUDGET_2023.flatMap((area) =>
        area.goals.flatMap((goal) => goal.indicators.map((ind) => ({ area: area.name, ...ind }))),
      )
    : [];
  const count = example ? indicators.length : BLANK_INDICATOR_ROWS;
  const header = b.row([
    ...["Målområde", "Indikator", "Vikt", "Målvärde", "Tolerans", "Lägre är bättre", "Svarsfrekvens"].map(
      (h) => label(h, "header"),
    ),
    ...ALL.flatMap((p) => [
      label(`${p}: utfall`, "header"),
      label(`${p}: uppnått`, "header"),
      label(`${p}: status`, "header"),
    ]),
  ]);
  for (let i = 0; i < count; i++)
    b.row(
      indicatorRow(b.currentRow, indicators[i], i, inputs, rateRow),
      i === 0 ? "indicator.first" : undefined,
    );
  b.name("indicator.last", b.currentRow - 1);
  const rows = (c: number) => span("indicator.first", c, "indicator.last", c);
  ALL.forEach((_, p) => {
    const first = at("indicator.first", statusCol(p));
    const statusRange = rows(statusCol(p));
    b.conditionalFormats.push(
      { range: statusRange, formula: `=LEFT(${first},7)="Uppnått"`, ...GREEN },
      { range: statusRange, formula: `=${first}="Nära"`, ...ORANGE },
      { range: statusRange, formula: `=${first}="Ej uppnått"`, ...RED },
    );
  });
  b.tables.push({
    name: "FINSAM_Impactindikatorer",
    range: `${addr(header, 1)}:${at("indicator.last", statusCol(ALL.length - 1))}`,
  });
  b.validations.push(
    {
      range: rows(IND.weight),
      rule: { kind: "wholeNumber", min: MIN_WEIGHT, max: MAX_WEIGHT },
      error: "Vikten ska vara ett heltal från 1 till 10.",
    },
    {
      range: rows(IND.area),
      rule: { kind: "list", values: GOAL_AREAS_2023.map((a) => a.name) },
      error: "Välj ett av de fem målområdena.",
    },
    {
      range: rows(IND.response),
      rule: { kind: "decimal", min: 0, max: 1 },
      error: "Svarsfrekvensen anges 0–100 %.",
    },
  );
}

/** One indicator: its inputs, then outcome, reached (GOALMET) and status for each platform. */
function indicatorRow(
  r: number,
  ind: Indicator | undefined,
  i: number,
  { minResponse, toleranceCounts }: Inputs,
  rateRow: Record<string, number>,
): Cell[] {
  const survey = ind?.measure.startsWith("Andel svar") ?? false;
  const cells: Cell[] = [
    input(ind?.area ?? null),
    input(ind?.text ?? null),
    input(ind?.weight ?? null, FORMATS.integer),
    input(ind?.target ?? null, "General"),
    input(survey && ind ? Math.round(ind.target * 0.1 * 1000) / 1000 : null, "General"),
    input(ind ? Boolean(ind.lowerIsBetter) : null),
    input(survey ? RESPONSE_RATE_EXAMPLE : null, FORMATS.percentWhole),
  ];
  const col = (c: number) => addr(r, c, { column: true });
  ALL.forEach((_, p) => {
    const outcome = addr(r, outcomeCol(p));
    const args = `${outcome},${col(IND.target)},TOLERANCE,${col(IND.response)},${minResponse},${col(IND.lower)}`;
    // Native, as goalStatus decides it: no low response rate, and the gap to the target within the tolerance
    // (a billionth of the target's size for binary rounding). FINSAM.GOALMET is the same rule as a function.
    const met = (tolerance: string) => {
      const [target, response, lower] = [col(IND.target), col(IND.response), col(IND.lower)];
      const gap = `IF(${lower},${target}-${outcome},${outcome}-${target})`;
      return `AND(ISNUMBER(${outcome}),NOT(AND(ISNUMBER(${response}),${response}<${minResponse})),${gap}>=-(${tolerance})-0.000000001*MAX(1,ABS(${target})))`;
    };
    void args;
    const blank = `OR(${col(IND.weight)}="",${outcome}="")`;
    const source = ind?.source;
    const tolerance = col(IND.tolerance);
    cells.push(
      source
        ? formula(`=${addr(rateRow[source], pCol(p, 2))}`, FORMATS.percent)
        : input(ind ? illustrativeOutcome(ind.target, Boolean(ind.lowerIsBetter), i, p) : null, "General"),
      formula(`=IF(${blank},"",IF(${met(`IF(${toleranceCounts},N(${tolerance}),0)`)},1,0))`, FORMATS.integer),
      formula(
        `=IF(${col(IND.weight)}="","",IF(${outcome}="","Saknas",IF(AND(ISNUMBER(${col(IND.response)}),${col(IND.response)}<${minResponse}),"Låg svarsfrekvens",IF(${met("0")},"Uppnått",IF(${met(`N(${tolerance})`)},IF(${toleranceCounts},"Uppnått (inom tolerans)","Nära"),"Ej uppnått")))))`,
        undefined,
        "status",
      ),
    );
  });
  return cells;
}
