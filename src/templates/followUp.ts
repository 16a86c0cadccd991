import { illustrativeOutcomeKr } from "../examples/outcome2021";
import type { BudgetInput } from "../domain/budget";
import { DEFAULT_CEILING_STEPS } from "../domain/equityCeiling";
import { addr, range } from "../sheet/a1";
import { LABELS, sumLabel } from "../sheet/vocabulary";
import { DEFAULT_ACCOUNT_MAP, MAP_HEADER } from "../sie/accountMap";
import { budgetData, staircase } from "./budget";
import { FORMATS, formula, input, label, SheetBuilder } from "./sheetBuilder";
import type { Cell, TemplateOptions, TemplateSpec } from "./spec";

/**
 * Uppföljning: the interim report (*delårsrapport*, *tertialrapport*) for the first budget year. Per budget row:
 * the budget for the year, the outcome for the period (the months the user sets), the same period last year,
 * the full-year forecast — an input pre-filled with a stated default (outcome × 12 / months, or the budget
 * where nothing is booked yet) — and the forecast's deviation from the budget. Below: the result, equity at year
 * end by budget and by forecast, and the forecast against the recommended ceiling (trappan). The forecast year
 * and the forecast equity carry the anchors the next budget round reads as its starting equity.
 *
 * A second sheet, Kontoplan, is the account map the SIE import uses: account ranges → the rows of Utfall mot
 * budget, pre-filled with the Kommun-Bas default and every row name, for the economist to complete.
 */
export const FOLLOW_UP = {
  title: "Uppföljning",
  year: "Räkenskapsår",
  months: "Utfall till och med månad",
  basis: "Prognosens grund",
  period: "Perioden",
  budget: (year: number) => `Budget ${year}`,
  outcome: "Utfall perioden",
  previous: "Utfall samma period fg år",
  forecast: "Prognos helår",
  deviation: "Avvikelse prognos − budget",
  equityStart: "Eget kapital vid årets början",
  equityBudget: "Eget kapital vid årets slut enligt budget",
  equityForecast: "Eget kapital vid årets slut enligt prognos",
  ceiling: LABELS.ceiling,
} as const;

const C = { label: 1, budget: 2, outcome: 3, previous: 4, forecast: 5, deviation: 6 } as const;
const AMOUNT_COLUMNS = [C.budget, C.outcome, C.previous, C.forecast] as const;
const EXAMPLE_MONTHS = 8;
const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

export function followUpTemplate(requested: TemplateOptions): TemplateSpec {
  const { options, data, example } = budgetData(requested);
  const year = data.years[0];
  const b = new SheetBuilder("followUp", "Uppföljning");
  const months = inputsBlock(b, options, year, example);
  const { result, incomeRows } = statementBlock(b, data, months, example);
  equityBlock(b, data, { result, incomeRows, months });
  return {
    id: "uppfoljning",
    sheets: [
      b.build({ columnWidths: [44, 14, 14, 16, 14, 16], freeze: { rows: 11, columns: 1 } }),
      accountMapSheet(data),
    ],
    names: [
      {
        name: "FINSAM_Prognos_EgetKapital",
        sheet: "followUp",
        range: addr(b.rowNamed("forecastEquity"), C.budget, { row: true, column: true }),
        comment: "Eget kapital vid årets slut enligt helårsprognosen (tkr)",
      },
    ],
  };
}

/** The title, the year (anchored for the next budget round), the months and the basis of the forecast. */
function inputsBlock(b: SheetBuilder, options: TemplateOptions, year: number, example: boolean): string {
  b.row([label(`${FOLLOW_UP.title} ${year} med helårsprognos`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      `Belopp i tkr. Kostnader skrivs som negativa tal. Gula celler är indata; prognosen är förifylld och skrivs över med egen bedömning.${example ? " Exemplets utfall är påhittat." : ""}`,
      "note",
    ),
  ]);
  b.skip();
  b.anchor(b.row([label(FOLLOW_UP.year), input(year, FORMATS.year)]), "forecastYear");
  const monthsRow = b.row([label(FOLLOW_UP.months), input(example ? EXAMPLE_MONTHS : 4, FORMATS.integer)]);
  b.validations.push({
    range: addr(monthsRow, C.budget),
    rule: { kind: "wholeNumber", min: 1, max: 12 },
    error: "Ange antal månader 1–12 (4 = januari–april, 8 = januari–augusti).",
    prompt: "Hur många månader av året utfallet avser: 4, 8 eller det ni valt.",
  });
  const months = addr(monthsRow, C.budget, { row: true, column: true });
  b.row([
    label(FOLLOW_UP.basis),
    label(
      "Förifyllt: utfall × 12 / antal månader; budgeten där inget är bokfört. Skriv över där ni vet bättre.",
      "note",
    ),
  ]);
  b.row([
    label(FOLLOW_UP.period),
    formula(
      `="jan–"&CHOOSE(${months},${MONTHS.map((m) => `"${m}"`).join(",")})&" "&${addr(monthsRow - 1, C.budget)}`,
      undefined,
      "status",
    ),
  ]);
  b.skip();
  return months;
}

/** The statement: per row budget, outcome, last year, forecast and deviation; sums, the result. */
function statementBlock(b: SheetBuilder, data: BudgetInput, months: string, example: boolean) {
  const year = data.years[0];
  b.anchor(
    b.row(
      [
        "",
        FOLLOW_UP.budget(year),
        FOLLOW_UP.outcome,
        FOLLOW_UP.previous,
        FOLLOW_UP.forecast,
        FOLLOW_UP.deviation,
      ].map((h) => label(h, "header")),
    ),
    "statement",
  );
  const kr = example ? illustrativeOutcomeKr(data) : null;
  // The example's outcome for the period: the illustrative year's outcome for the months; last year 4 % lower.
  const part = (v: number | undefined, share: number) =>
    v === undefined ? null : Math.round((v * share * EXAMPLE_MONTHS) / 12 / 1000);
  const line = (text: string, budget: number, outcomeKr: number | undefined) => {
    const r = b.currentRow;
    const cell = (c: number) => addr(r, c);
    return b.row([
      label(text),
      input(Number.isNaN(budget) ? null : budget, FORMATS.tkr),
      input(part(outcomeKr, 1), FORMATS.tkr),
      input(part(outcomeKr, 0.96), FORMATS.tkr),
      {
        formula: `=IF(${cell(C.outcome)}=0,${cell(C.budget)},ROUND(${cell(C.outcome)}*12/${months},0))`,
        format: FORMATS.tkr,
        style: "input",
      },
      formula(`=${cell(C.forecast)}-${cell(C.budget)}`, FORMATS.tkr),
    ]);
  };
  const sumRow = (text: string, parts: (c: number) => string, style: Cell["style"] = "subtotal") => {
    const r = b.currentRow;
    return b.row([
      label(text, style),
      ...AMOUNT_COLUMNS.map((c) => formula(parts(c), FORMATS.tkr, style)),
      formula(`=${addr(r, C.forecast)}-${addr(r, C.budget)}`, FORMATS.tkr, style),
    ]);
  };

  b.anchor(b.row([label(LABELS.income, "section")]), "incomeSection");
  const incomeRows = data.income.map((l, i) => line(l.label, l.amounts[0], kr?.income[i]));
  const incomeTotal = b.anchor(
    sumRow(
      LABELS.incomeTotal,
      (c) => `=SUM(${range(incomeRows[0], c, incomeRows[incomeRows.length - 1], c)})`,
    ),
    "sum",
  );
  b.skip();
  b.anchor(b.row([label(LABELS.costs, "section")]), "costSection");
  const groupTotals = data.costGroups.map((group, g) => {
    b.anchor(b.row([label(group.name)]), "heading");
    const rows = group.lines.map((l, i) => line(`   ${l.label}`, l.amounts[0], kr?.costGroups[g][i]));
    return b.anchor(
      sumRow(sumLabel(group.name), (c) => `=SUM(${range(rows[0], c, rows[rows.length - 1], c)})`),
      "sum",
    );
  });
  const costTotal = b.anchor(
    sumRow(LABELS.costTotal, (c) => `=${groupTotals.map((t) => addr(t, c)).join("+")}`, "total"),
    "sum",
  );
  b.skip();
  const result = b.anchor(
    sumRow(LABELS.result, (c) => `=${addr(incomeTotal, c)}+${addr(costTotal, c)}`, "total"),
    "result",
  );
  b.skip();
  return { result, incomeRows };
}

/** Equity at year end by budget and by forecast, and the forecast against the ceiling. */
function equityBlock(
  b: SheetBuilder,
  data: BudgetInput,
  at: { result: number; incomeRows: number[]; months: string },
): void {
  const start = b.anchor(
    b.row([
      label(FOLLOW_UP.equityStart),
      input(Number.isNaN(data.openingEquity) ? null : data.openingEquity, FORMATS.tkr),
    ]),
    "equityStart",
  );
  const startCell = addr(start, C.budget);
  b.row([label(FOLLOW_UP.equityBudget), formula(`=${startCell}+${addr(at.result, C.budget)}`, FORMATS.tkr)]);
  const forecastEquity = b.anchor(
    b.row(
      [
        label(FOLLOW_UP.equityForecast, "total"),
        formula(`=${startCell}+${addr(at.result, C.forecast)}`, FORMATS.tkr, "total"),
      ],
      "forecastEquity",
    ),
    "forecastEquity",
  );
  // The members' allotment (state, municipalities, region: the income rows before the last two) is the base.
  const members = at.incomeRows.slice(0, Math.max(1, at.incomeRows.length - 2));
  const base = b.row([
    label("Bas för taket: medlemmarnas tilldelning enligt budget (tkr)"),
    formula(`=SUM(${range(members[0], C.budget, members[members.length - 1], C.budget)})`, FORMATS.tkr),
  ]);
  const stepsFirst = b.currentRow + 3;
  const stepsLast = stepsFirst + 2;
  const ceiling = b.anchor(
    b.row([
      label(FOLLOW_UP.ceiling),
      // In native formulas, so that a member without the add-in sees the ceiling and the status beside it.
      formula(
        `=${staircase(
          addr(base, C.budget),
          (i) => addr(stepsFirst + i, C.budget, { row: true, column: true }),
          (i) => addr(stepsFirst + i, C.budget + 1, { row: true, column: true }),
          range(stepsFirst, C.budget, stepsLast, C.budget, true),
          range(stepsFirst, C.budget + 1, stepsLast, C.budget + 1, true),
        )}`,
        FORMATS.tkrDecimals,
      ),
    ]),
    "ceiling",
  );
  b.row([
    label("Prognosen mot taket"),
    formula(
      `=IF(${addr(base, C.budget)}=0,"",IF(${addr(forecastEquity, C.budget)}>${addr(ceiling, C.budget)},"Över taket","Under taket"))`,
      undefined,
      "status",
    ),
  ]);
  b.row([label("Trappsteg", "header"), label("Övre gräns (kr)", "header"), label("Marginalsats", "header")]);
  for (let i = 0; i < 3; i++) {
    const step = DEFAULT_CEILING_STEPS[i];
    b.row([
      label(i === 2 ? "(eget steg)" : `Steg ${i + 1}`),
      input(step?.upTo ?? null, FORMATS.kr),
      input(step?.rate ?? null, FORMATS.percentWhole),
    ]);
  }
  b.skip();
  b.row([label("Kontroller", "section")]);
  const check = (text: string, f: string) => b.row([label(text), formula(f, undefined, "check")]);
  const m = at.months;
  check("Antal månader är 1–12", `=IF(AND(ISNUMBER(${m}),${m}>=1,${m}<=12,${m}=INT(${m})),"OK","Ange 1–12")`);
  const fe = addr(forecastEquity, C.budget);
  check(
    "Eget kapital enligt prognos = början + prognosens resultat",
    `=IF(COUNT(${startCell})=0,"",IF(ABS(${fe}-(${startCell}+${addr(at.result, C.forecast)}))<0.5,"OK","Stämmer inte"))`,
  );
}

/**
 * Kontoplan: the account map. The Kommun-Bas default ranges first, then every row of Utfall mot budget with
 * its range left for the economist (member contributions and funded activities sit on the association's own
 * accounts), then empty rows. The narrowest range holding an account decides its row.
 */
function accountMapSheet(data: BudgetInput) {
  const b = new SheetBuilder("accountMap", "Kontoplan");
  b.row([label("Kontoplan: konton till rader i Utfall mot budget", "title")]);
  b.row([
    label(
      "Varje konto hamnar på raden med det snävaste intervall som rymmer det (ett enskilt konto före sin klass). Konton som ingen rad rymmer listas som ej fördelade vid inläsningen.",
      "note",
    ),
  ]);
  b.skip();
  b.row([MAP_HEADER.from, MAP_HEADER.to, MAP_HEADER.row, "Kommentar"].map((h) => label(h, "header")));
  for (const r of DEFAULT_ACCOUNT_MAP)
    b.row([
      input(r.from, FORMATS.text),
      input(r.to, FORMATS.text),
      input(r.row),
      label("Kommun-Bas, förval", "note"),
    ]);
  const names = [
    ...data.income.map((l) => l.label),
    ...data.costGroups.flatMap((g) => g.lines.map((l) => l.label)),
  ];
  for (const name of names) b.row([input(null, FORMATS.text), input(null, FORMATS.text), input(name)]);
  for (let i = 0; i < 15; i++) b.row([input(null, FORMATS.text), input(null, FORMATS.text), input(null)]);
  return b.build({ columnWidths: [12, 12, 40, 30], freeze: { rows: 4, columns: 0 } });
}
