import { GOAL_AREAS_2023 } from "../domain/socialBudget";
import { SOCIAL_BUDGET_2023 } from "../examples/socialBudget2023";
import { addr, FORMATS, formula, input, label, range, SheetBuilder } from "./sheetBuilder";
import type { TemplateOptions, TemplateSpec } from "./spec";

/** Blank rows of the indicator table in a blank template. */
const BLANK_INDICATOR_ROWS = 30;

/**
 * Social budget: the five goal areas with their points and nominal shares; goals and indicators with a
 * weight (whole number 1–10), target and measure; each area's actual weight and share; the WEIGHTCHECK.
 */
export function socialBudgetTemplate(options: TemplateOptions): TemplateSpec {
  const example = options.content === "example";
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
  const tolRow = b.row([
    label("Tolerans för målområdenas andel (± procentenheter)"),
    input(0.05, FORMATS.percent),
  ]);
  b.validations.push({
    range: addr(tolRow, 2),
    rule: { kind: "decimal", min: 0, max: 0.5 },
    error: "Ange en tolerans mellan 0 % och 50 %.",
  });
  const tol = addr(tolRow, 2, { row: true, column: true });
  b.skip();

  const areas = GOAL_AREAS_2023;
  const goals = example ? SOCIAL_BUDGET_2023 : [];
  const rows = example
    ? goals.flatMap((area) =>
        area.goals.flatMap((goal) =>
          goal.indicators.map((ind) => ({ area: area.name, goal: goal.text, ...ind })),
        ),
      )
    : [];
  const indicatorCount = example ? rows.length : BLANK_INDICATOR_ROWS;

  // Areas first; the indicator table below is referenced by whole columns of its data rows.
  b.row([label("Målområden", "section")]);
  b.row(
    ["Målområde", "Poäng", "Nominell andel", "Summa vikter", "Faktisk andel", "Status"].map((h) =>
      label(h, "header"),
    ),
  );
  const areaTop = b.currentRow;
  const areaBottom = areaTop + areas.length - 1;
  const totalRow = areaBottom + 1;
  const indicatorHeader = totalRow + 6;
  const firstIndicator = indicatorHeader + 1;
  const lastIndicator = firstIndicator + indicatorCount - 1;
  const IND = { area: 1, goal: 2, text: 3, weight: 4, target: 5, measure: 6 };
  const indAreas = range(firstIndicator, IND.area, lastIndicator, IND.area, true);
  const indWeights = range(firstIndicator, IND.weight, lastIndicator, IND.weight, true);
  const weightTotal = addr(totalRow, 4, { row: true, column: true });
  areas.forEach((area) => {
    const r = b.currentRow;
    b.row([
      input(area.name),
      input(area.points, FORMATS.integer),
      formula(
        `=IF(SUM(${range(areaTop, 2, areaBottom, 2, true)})=0,"",${addr(r, 2)}/SUM(${range(areaTop, 2, areaBottom, 2, true)}))`,
        FORMATS.percent,
      ),
      formula(`=SUMIFS(${indWeights},${indAreas},${addr(r, 1)})`, FORMATS.integer),
      formula(`=IF(${weightTotal}=0,"",${addr(r, 4)}/${weightTotal})`, FORMATS.percent),
      formula(
        `=IF(${addr(r, 5)}="","",IF(ABS(${addr(r, 5)}-${addr(r, 3)})<=${tol}+0.000000001,"OK","Utanför"))`,
        undefined,
        "check",
      ),
    ]);
  });
  b.row([
    label("Summa", "total"),
    formula(`=SUM(${range(areaTop, 2, areaBottom, 2)})`, FORMATS.integer, "total"),
    formula(`=SUM(${range(areaTop, 3, areaBottom, 3)})`, FORMATS.percent, "total"),
    formula(`=SUM(${indWeights})`, FORMATS.integer, "total"),
    formula(`=SUM(${range(areaTop, 5, areaBottom, 5)})`, FORMATS.percent, "total"),
  ]);
  b.conditionalFormats.push(
    {
      range: range(areaTop, 6, areaBottom, 6),
      formula: `=${addr(areaTop, 6)}="OK"`,
      fill: "#C6EFCE",
      fontColor: "#006100",
    },
    {
      range: range(areaTop, 6, areaBottom, 6),
      formula: `=${addr(areaTop, 6)}="Utanför"`,
      fill: "#FFC7CE",
      fontColor: "#9C0006",
    },
  );
  b.skip();
  const checkRow = b.row([
    label("Viktkontroll", "subtotal"),
    formula(
      `=IF(COUNT(${indWeights})=0,"Inga indikatorer ännu",FINSAM.WEIGHTCHECK(${indAreas},${indWeights},${range(areaTop, 1, areaBottom, 1, true)},${range(areaTop, 2, areaBottom, 2, true)},${tol}))`,
      undefined,
      "check",
    ),
  ]);
  b.conditionalFormats.push(
    {
      range: addr(checkRow, 2),
      formula: `=${addr(checkRow, 2)}="OK"`,
      fill: "#C6EFCE",
      fontColor: "#006100",
    },
    {
      range: addr(checkRow, 2),
      formula: `=AND(${addr(checkRow, 2)}<>"OK",${addr(checkRow, 2)}<>"Inga indikatorer ännu")`,
      fill: "#FFC7CE",
      fontColor: "#9C0006",
    },
  );
  b.skip(2);

  b.row([label("Mål och indikatorer", "section")]);
  if (b.currentRow !== indicatorHeader) throw new Error("social budget layout: indicator table moved");
  b.row(["Målområde", "Mål", "Indikator", "Vikt", "Målvärde", "Mått"].map((h) => label(h, "header")));
  for (let i = 0; i < indicatorCount; i++) {
    const ind = rows[i];
    b.row([
      input(ind?.area ?? null),
      input(ind?.goal ?? null),
      input(ind?.text ?? null),
      input(ind?.weight ?? null, FORMATS.integer),
      input(ind?.target ?? null, "General"),
      input(ind?.measure ?? null),
    ]);
  }
  b.tables.push({ name: "FINSAM_Indikatorer", range: range(indicatorHeader, 1, lastIndicator, IND.measure) });
  b.validations.push(
    {
      range: range(firstIndicator, IND.weight, lastIndicator, IND.weight),
      rule: { kind: "wholeNumber", min: 1, max: 10 },
      error: "Vikten ska vara ett heltal från 1 till 10.",
      prompt: "Vikt 1–10 efter indikatorns betydelse.",
    },
    {
      range: range(firstIndicator, IND.area, lastIndicator, IND.area),
      rule: { kind: "listFromRange", range: range(areaTop, 1, areaBottom, 1, true) },
      error: "Välj ett av målområdena ovan.",
    },
  );
  return {
    id: "socialbudget",
    sheets: [b.build({ columnWidths: [34, 48, 48, 8, 10, 40], freeze: { rows: 0, columns: 1 } })],
    names: [
      {
        name: "FINSAM_SocialBudget_Vikter",
        sheet: "social",
        range: indWeights,
        comment: "Indikatorernas vikter",
      },
    ],
  };
}
