import { DEFAULT_SHARE_TOLERANCE, GOAL_AREAS_2023, MAX_WEIGHT, MIN_WEIGHT } from "../domain/socialBudget";
import { SOCIAL_BUDGET_2023 } from "../examples/socialBudget2023";
import { addr } from "../sheet/a1";
import { at, FORMATS, formula, input, label, SheetBuilder, span, ADDIN_NOTE } from "./sheetBuilder";
import type { TemplateOptions, TemplateSpec } from "./spec";

/** Blank rows of the indicator table in a blank template. */
const BLANK_INDICATOR_ROWS = 30;
const IND = { area: 1, goal: 2, text: 3, weight: 4, target: 5, measure: 6 };
/** The indicator table's columns, by the named rows of its first and last data row. */
const indicators = (column: number) => span("indicator.first", column, "indicator.last", column, true);
const areaColumn = (column: number, absolute = false) =>
  span("area.first", column, "area.last", column, absolute);
const GREEN = { fill: "#C6EFCE", fontColor: "#006100" };
const RED = { fill: "#FFC7CE", fontColor: "#9C0006" };

/**
 * Social budget: the five goal areas with their points and nominal shares; goals and indicators with a
 * weight (whole number 1–10), target and measure; each area's actual weight and share; the WEIGHTCHECK.
 */
export function socialBudgetTemplate(options: TemplateOptions): TemplateSpec {
  const b = new SheetBuilder("social", "Social budget");
  b.row([label(`Social budget ${options.firstYear}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      "Varje indikator får en vikt 1–10 efter hur viktig den är. Vikterna ska sammanlagt bli ungefär målområdenas poäng, och varje målområdes andel av vikten ska ligga inom dess nominella andel ± toleransen.",
      "note",
    ),
  ]);
  b.skip();
  const tol = tolerance(b);
  b.skip();
  areaTable(b, tol);
  b.skip();
  weightCheck(b, tol);
  b.skip(2);
  indicatorTable(b, options.content === "example");
  return {
    id: "socialbudget",
    sheets: [b.build({ columnWidths: [34, 48, 48, 8, 10, 40], freeze: { rows: 0, columns: 1 } })],
    names: [
      {
        name: "FINSAM_SocialBudget_Vikter",
        sheet: "social",
        range: b.resolve(indicators(IND.weight)),
        comment: "Indikatorernas vikter",
      },
    ],
  };
}

/** The tolerance for the areas' shares: an input, absolute in every formula that uses it. */
function tolerance(b: SheetBuilder): string {
  const row = b.row([
    label("Tolerans för målområdenas andel (± procentenheter)"),
    input(DEFAULT_SHARE_TOLERANCE, FORMATS.percent),
  ]);
  b.validations.push({
    range: addr(row, 2),
    rule: { kind: "decimal", min: 0, max: 0.5 },
    error: "Ange en tolerans mellan 0 % och 50 %.",
  });
  return addr(row, 2, { row: true, column: true });
}

/** The goal areas with points, nominal and actual share of the indicators' weights, and a status. */
function areaTable(b: SheetBuilder, tol: string): void {
  b.row([label("Målområden", "section")]);
  b.row(
    ["Målområde", "Poäng", "Nominell andel", "Summa vikter", "Faktisk andel", "Status"].map((h) =>
      label(h, "header"),
    ),
  );
  const weightTotal = at("area.total", 4, { row: true, column: true });
  const points = areaColumn(2, true);
  GOAL_AREAS_2023.forEach((area, i) => {
    const r = b.currentRow;
    b.row(
      [
        input(area.name),
        input(area.points, FORMATS.integer),
        formula(`=IF(SUM(${points})=0,"",${addr(r, 2)}/SUM(${points}))`, FORMATS.percent),
        formula(`=SUMIFS(${indicators(IND.weight)},${indicators(IND.area)},${addr(r, 1)})`, FORMATS.integer),
        formula(`=IF(${weightTotal}=0,"",${addr(r, 4)}/${weightTotal})`, FORMATS.percent),
        formula(
          `=IF(${addr(r, 5)}="","",IF(ABS(${addr(r, 5)}-${addr(r, 3)})<=${tol}+0.000000001,"OK","Utanför"))`,
          undefined,
          "check",
        ),
      ],
      i === 0 ? "area.first" : i === GOAL_AREAS_2023.length - 1 ? "area.last" : undefined,
    );
  });
  b.row(
    [
      label("Summa", "total"),
      formula(`=SUM(${areaColumn(2)})`, FORMATS.integer, "total"),
      formula(`=SUM(${areaColumn(3)})`, FORMATS.percent, "total"),
      formula(`=SUM(${indicators(IND.weight)})`, FORMATS.integer, "total"),
      formula(`=SUM(${areaColumn(5)})`, FORMATS.percent, "total"),
    ],
    "area.total",
  );
  const status = areaColumn(6);
  const first = at("area.first", 6);
  b.conditionalFormats.push(
    { range: status, formula: `=${first}="OK"`, ...GREEN },
    { range: status, formula: `=${first}="Utanför"`, ...RED },
  );
}

function weightCheck(b: SheetBuilder, tol: string): void {
  const weights = indicators(IND.weight);
  const row = b.row([
    label("Viktkontroll", "subtotal"),
    formula(
      `=IF(COUNT(${weights})=0,"Inga indikatorer ännu",FINSAM.WEIGHTCHECK(${indicators(IND.area)},${weights},${areaColumn(1, true)},${areaColumn(2, true)},${tol}))`,
      undefined,
      "check",
    ),
  ]);
  b.row([label(ADDIN_NOTE, "note")]);
  const cell = addr(row, 2);
  b.conditionalFormats.push(
    { range: cell, formula: `=${cell}="OK"`, ...GREEN },
    { range: cell, formula: `=AND(${cell}<>"OK",${cell}<>"Inga indikatorer ännu")`, ...RED },
  );
}

/** Goals and indicators: the example's, or blank rows to fill in; an Excel table with validation. */
function indicatorTable(b: SheetBuilder, example: boolean): void {
  const rows = example
    ? SOCIAL_BUDGET_2023.flatMap((area) =>
        area.goals.flatMap((goal) =>
          goal.indicators.map((ind) => ({ area: area.name, goal: goal.text, ...ind })),
        ),
      )
    : [];
  const count = example ? rows.length : BLANK_INDICATOR_ROWS;
  b.row([label("Mål och indikatorer", "section")]);
  const header = b.row(
    ["Målområde", "Mål", "Indikator", "Vikt", "Målvärde", "Mått"].map((h) => label(h, "header")),
  );
  for (let i = 0; i < count; i++) {
    const ind = rows[i];
    b.row(
      [
        input(ind?.area ?? null),
        input(ind?.goal ?? null),
        input(ind?.text ?? null),
        input(ind?.weight ?? null, FORMATS.integer),
        input(ind?.target ?? null, "General"),
        input(ind?.measure ?? null),
      ],
      i === 0 ? "indicator.first" : undefined,
    );
  }
  b.name("indicator.last", b.currentRow - 1);
  b.tables.push({
    name: "FINSAM_Indikatorer",
    range: `${addr(header, 1)}:${at("indicator.last", IND.measure)}`,
  });
  b.validations.push(
    {
      range: span("indicator.first", IND.weight, "indicator.last", IND.weight),
      rule: { kind: "wholeNumber", min: MIN_WEIGHT, max: MAX_WEIGHT },
      error: "Vikten ska vara ett heltal från 1 till 10.",
      prompt: "Vikt 1–10 efter indikatorns betydelse.",
    },
    {
      range: span("indicator.first", IND.area, "indicator.last", IND.area),
      rule: { kind: "listFromRange", range: areaColumn(1, true) },
      error: "Välj ett av målområdena ovan.",
    },
  );
}
