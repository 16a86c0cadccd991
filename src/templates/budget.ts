import { BUDGET_2021_2023 } from "../examples/budget2021";
import { illustrativeOutcomeKr } from "../examples/outcome2021";
import type { BudgetInput } from "../domain/budget";
import { DEFAULT_CEILING_STEPS } from "../domain/equityCeiling";
import { DEFAULT_ALLOCATION, type Allocation } from "../domain/costSplit";
import { ALLOCATION_EXAMPLE } from "../examples/budget2021";
import { EXAMPLE_OPTIONS } from "./options";
import { LABELS, sumLabel } from "../sheet/vocabulary";
import { FORMATS, formula, input, label, SheetBuilder } from "./sheetBuilder";
import { addr, range } from "../sheet/a1";
import type { Cell, NameSpec, TemplateOptions, TemplateSpec } from "./spec";

/**
 * Budget: three budget years side by side in tkr (income per member, costs in three groups, result,
 * equity rolled forward, the equity ceiling and the cost distribution), and a second sheet, Utfall mot
 * budget, with outcome, budget and deviation per row and CHECKSUM checks that allow for tkr rounding.
 */
const YEARS = 3;
const COL = { label: 1, share: 2, firstYear: 3 } as const;
const yearCol = (y: number) => COL.firstYear + y;
/** The allocation key beside the statement: administration, structural, individual, and the row's check. */
const KEY_COL = { budget: 10, outcome: 7 } as const;
const CATEGORY_HEADERS = ["Administration", "Strukturövergripande", "Individinriktade"];
const CATEGORY_LABELS = ["Administration", "Strukturövergripande insatser", "Individinriktade insatser"];
const GROUP_KEYS = [DEFAULT_ALLOCATION.office, DEFAULT_ALLOCATION.operational, DEFAULT_ALLOCATION.activities];
const BASE_MEMBERS = "Medlemmarnas tilldelning";
const BASE_INCOME = "Årets totala intäkter";

interface Layout {
  stateRow: number;
  municipalRows: number[];
  regionRow: number;
  incomeRows: number[];
  incomeTotal: number;
  groups: { name: string; rows: number[]; total: number }[];
  costTotal: number;
  result: number;
  equityStart: number;
  equityEnd: number;
}

export function budgetTemplate(requested: TemplateOptions): TemplateSpec {
  const example = requested.content === "example";
  // The example budget's rows are the example's members: its content comes with them.
  const options = example
    ? { ...requested, municipalities: EXAMPLE_OPTIONS.municipalities, regionName: EXAMPLE_OPTIONS.regionName }
    : requested;
  const source = example ? BUDGET_2021_2023 : blankBudget(options);
  // The municipal rows carry the members' names as given (the same label on both sheets).
  const data: BudgetInput = {
    ...source,
    income: source.income.map((line, i) =>
      i >= 1 && i <= options.municipalities.length
        ? { ...line, label: options.municipalities[i - 1].name }
        : line,
    ),
  };
  const { sheet: budget, layout } = budgetSheet(options, data, example);
  const outcome = outcomeSheet(options, data, layout, example);
  const names: NameSpec[] = [
    {
      name: "FINSAM_Budget_Resultat",
      sheet: "budget",
      range: range(layout.result, yearCol(0), layout.result, yearCol(YEARS - 1), true),
      comment: "Resultat per budgetår (tkr)",
    },
    {
      name: "FINSAM_Budget_EgetKapital",
      sheet: "budget",
      range: range(layout.equityEnd, yearCol(0), layout.equityEnd, yearCol(YEARS - 1), true),
      comment: "Eget kapital vid årets slut (tkr)",
    },
  ];
  return { id: "budget", sheets: [budget, outcome], names };
}

/** A blank budget: the members from the options, the usual rows, no amounts. */
function blankBudget(options: TemplateOptions): BudgetInput {
  const zeros = () => Array.from({ length: YEARS }, () => Number.NaN);
  const lines = (labels: string[]) => labels.map((l) => ({ label: l, amounts: zeros() }));
  return {
    years: Array.from({ length: YEARS }, (_, i) => options.firstYear + i),
    openingEquity: Number.NaN,
    income: [
      { label: "Försäkringskassan", amounts: zeros() },
      ...options.municipalities.map((m) => ({ label: m.name, amounts: zeros() })),
      { label: options.regionName, amounts: zeros() },
      { label: "Anställningsstöd, AF", amounts: zeros() },
      { label: "Övriga intäkter (t.ex. ESF)", amounts: zeros() },
    ],
    costGroups: [
      {
        name: "Kansli och styrelse",
        lines: lines([
          "Arvoden till styrelsen",
          "Arvoden till revisorer",
          "Kanslipersonal",
          "Ekonomihantering",
          "Lokalhyra",
          "Konferens och utbildning",
          "Resor och logi",
          "Övrigt kontor och adm.",
        ]),
      },
      {
        name: "Verksamhetsnära kostnader",
        lines: lines(["Social redovisning", "Hemsidor", "Analys", "Kompetensutveckling och mötesplatser"]),
      },
      {
        name: "Verksamheter",
        lines: lines(["Insats 1", "Insats 2", "Insats 3", "Insats 4", "Insats 5", "Reserv"]),
      },
    ],
  };
}

const amount = (v: number) => input(Number.isNaN(v) ? null : v, FORMATS.tkr);

function budgetSheet(options: TemplateOptions, data: BudgetInput, example: boolean) {
  const b = new SheetBuilder("budget", "Budget");
  const years = data.years;
  const last = years.length - 1;
  b.row([label(`Budget ${years[0]}–${years[last]}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      "Belopp i tkr. Kostnader skrivs som negativa tal. Gula celler är indata; övriga räknas fram.",
      "note",
    ),
  ]);
  b.skip();
  const headerRow = b.anchor(
    b.row([
      label("", "header"),
      label("Andel arb-bef.", "header"),
      ...years.map((y) => ({ value: y, style: "header" as const, format: FORMATS.year })),
    ]),
    "statement",
  );

  // Income: the state first, then the municipalities (with their share of the working-age population),
  // the region, other income. The member rows stay together: state..region is the members' allotment.
  b.anchor(b.row([label(LABELS.income, "section")]), "incomeSection");
  const populations = options.municipalities.map((m) => m.population ?? 0);
  const popTotal = populations.reduce((a, p) => a + p, 0);
  const incomeRows: number[] = [];
  const municipalRows: number[] = [];
  const n = options.municipalities.length;
  // Rows: the state, the municipalities, the region, other income.
  data.income.forEach((line, i) => {
    const isMunicipal = i >= 1 && i <= n;
    const share =
      isMunicipal && popTotal > 0 ? (options.municipalities[i - 1].population ?? 0) / popTotal : null;
    const r = b.row([
      label(line.label),
      isMunicipal ? input(share, FORMATS.percent) : undefined,
      ...line.amounts.map(amount),
    ]);
    incomeRows.push(r);
    if (isMunicipal) municipalRows.push(r);
  });
  const stateRow = incomeRows[0];
  const regionRow = incomeRows[n + 1];
  const incomeTotal = b.row([
    label(LABELS.incomeTotal, "subtotal"),
    undefined,
    ...years.map((_, y) =>
      formula(
        `=SUM(${range(incomeRows[0], yearCol(y), incomeRows[incomeRows.length - 1], yearCol(y))})`,
        FORMATS.tkr,
        "subtotal",
      ),
    ),
  ]);
  b.anchor(incomeTotal, "sum");
  b.skip();

  b.anchor(b.row([label(LABELS.costs, "section")]), "costSection");
  const groups = data.costGroups.map((group) => {
    b.anchor(b.row([label(group.name, "label")]), "heading");
    const rows = group.lines.map((line) =>
      b.row([label(`   ${line.label}`), undefined, ...line.amounts.map(amount)]),
    );
    const total = b.row([
      label(sumLabel(group.name), "subtotal"),
      undefined,
      ...years.map((_, y) =>
        formula(
          `=SUM(${range(rows[0], yearCol(y), rows[rows.length - 1], yearCol(y))})`,
          FORMATS.tkr,
          "subtotal",
        ),
      ),
    ]);
    b.anchor(total, "sum");
    return { name: group.name, rows, total };
  });
  const costLines = groups.flatMap((g, gi) =>
    g.rows.map((row, i) => ({ row, key: keyOf(gi, data.costGroups[gi].lines[i].label, example) })),
  );
  keyBlock(
    b,
    headerRow,
    KEY_COL.budget,
    costLines.map((l) => l.row),
    (row, k) => input(costLines.find((l) => l.row === row)!.key[k], FORMATS.percentWhole),
  );
  b.skip();
  const costTotal = b.row([
    label(LABELS.costTotal, "total"),
    undefined,
    ...years.map((_, y) =>
      formula(`=${groups.map((g) => addr(g.total, yearCol(y))).join("+")}`, FORMATS.tkr, "total"),
    ),
  ]);
  b.anchor(costTotal, "sum");
  b.skip();
  const result = b.row([
    label(LABELS.result, "total"),
    undefined,
    ...years.map((_, y) =>
      formula(`=${addr(incomeTotal, yearCol(y))}+${addr(costTotal, yearCol(y))}`, FORMATS.tkr, "total"),
    ),
  ]);
  b.anchor(result, "result");
  b.skip();
  const equityStart = b.currentRow;
  const equityEnd = equityStart + 1;
  b.anchor(b.currentRow, "equityStart");
  b.anchor(b.currentRow + 1, "equityEnd");
  b.row([
    label(LABELS.equityStart),
    undefined,
    amount(data.openingEquity),
    ...years.slice(1).map((_, y) => formula(`=${addr(equityEnd, yearCol(y))}`, FORMATS.tkr)),
  ]);
  b.row([
    label(LABELS.equityEnd, "total"),
    undefined,
    ...years.map((_, y) =>
      formula(`=${addr(equityStart, yearCol(y))}+${addr(result, yearCol(y))}`, FORMATS.tkr, "total"),
    ),
  ]);
  b.skip();

  // Equity ceiling ("trappan"): the base is the user's choice, the steps an editable table.
  b.row([label("Takbelopp för eget kapital (Nationella rådet 2013-10-02)", "section")]);
  const baseChoice = b.row([label("Bas för taket"), input(BASE_MEMBERS)]);
  b.validations.push({
    range: addr(baseChoice, COL.share),
    rule: { kind: "list", values: [BASE_MEMBERS, BASE_INCOME] },
    error: `Välj "${BASE_MEMBERS}" eller "${BASE_INCOME}".`,
    prompt:
      "Rekommendationens ord: medlemmarnas tilldelning. Årsredovisningen 2023 använde årets totala intäkter.",
  });
  const baseRow = b.row([
    label("Bas (tkr)"),
    undefined,
    ...years.map((_, y) => {
      const members = `SUM(${range(stateRow, yearCol(y), regionRow, yearCol(y))})`;
      return formula(
        `=IF(${addr(baseChoice, COL.share, { row: true, column: true })}="${BASE_INCOME}",${addr(incomeTotal, yearCol(y))},${members})`,
        FORMATS.tkr,
      );
    }),
  ]);
  const stepsHeader = baseRow + 5;
  const stepsRange = range(stepsHeader + 1, COL.share, stepsHeader + 3, COL.share + 1, true);
  const ceilingRow = b.row([
    label(LABELS.ceiling),
    undefined,
    ...years.map((_, y) =>
      formula(`=FINSAM.EQUITYCAP(${addr(baseRow, yearCol(y))},1000,${stepsRange})`, FORMATS.tkrDecimals),
    ),
  ]);
  b.anchor(ceilingRow, "ceiling");
  const headroomRow = b.row([
    label("Marginal till taket (tkr)"),
    undefined,
    ...years.map((_, y) =>
      formula(`=${addr(ceilingRow, yearCol(y))}-${addr(equityEnd, yearCol(y))}`, FORMATS.tkrDecimals),
    ),
  ]);
  b.row([
    label("Eget kapital mot taket"),
    undefined,
    ...years.map((_, y) =>
      formula(
        `=IF(${addr(baseRow, yearCol(y))}=0,"",IF(${addr(headroomRow, yearCol(y))}<0,"Över taket","Under taket"))`,
        undefined,
        "status",
      ),
    ),
  ]);
  b.skip();
  if (b.currentRow !== stepsHeader) throw new Error("budget layout: steps table moved");
  b.row([label("Trappsteg", "header"), label("Övre gräns (kr)", "header"), label("Marginalsats", "header")]);
  for (let i = 0; i < 3; i++) {
    const step = DEFAULT_CEILING_STEPS[i];
    b.row([
      label(i === 2 ? "(eget steg)" : `Steg ${i + 1}`),
      input(step?.upTo ?? null, FORMATS.kr),
      input(step?.rate ?? null, FORMATS.percentWhole),
    ]);
  }
  b.row([label("Över 15 000 000 kr är rekommendationen inte känd: lägg då till ett eget steg.", "note")]);
  b.skip();

  // Cost distribution: every cost line by its own key, rounded so that the three add up to the total costs.
  const distribution = distributionBlock(b, {
    amounts: years.map((y, i) => ({ column: yearCol(i), name: String(y) })),
    lines: { first: costLines[0].row, last: costLines[costLines.length - 1].row },
    keyColumn: KEY_COL.budget,
    totalRow: costTotal,
  });
  b.row([
    label(
      example
        ? "Varje kostnadsrad fördelas efter sin egen nyckel (kolumn J–L). Exemplets nycklar är en illustration: kansliets personal, lokaler och resor är delvis strukturövergripande arbete (styrgrupper, analys, samverkansstrukturen), plattformarna lägger en tiondel på strukturövergripande arbete."
        : "Varje kostnadsrad fördelas efter sin egen nyckel (kolumn J–L). Nycklarna är förifyllda efter grupp: kansli och styrelse = administration, verksamhetsnära = strukturövergripande, verksamheter = individinriktade. Ändra dem rad för rad.",
      "note",
    ),
  ]);
  b.skip();

  // Checks of the member funding.
  b.row([label("Kontroller", "section")]);
  const check = (title: string, f: (y: number) => string) =>
    b.row([label(title), undefined, ...years.map((_, y) => formula(f(y), undefined, "check"))]);
  const guard = (y: number, body: string) =>
    `=IF(COUNT(${range(stateRow, yearCol(y), regionRow, yearCol(y))})=0,"",${body})`;
  check("Regionen = halva statens tilldelning", (y) =>
    guard(y, `FINSAM.CHECKSUM(${addr(regionRow, yearCol(y))},${addr(stateRow, yearCol(y))}/2,1)`),
  );
  check("Kostnadsfördelningen = summa kostnader", (y) => distribution.check(y));
  b.row([
    label("Fördelningsnycklarna blir 100 % på varje rad"),
    undefined,
    formula(distribution.keysCheck, undefined, "check"),
  ]);
  check("Kommunerna tillsammans = regionen", (y) =>
    guard(
      y,
      `FINSAM.CHECKSUM(${range(municipalRows[0], yearCol(y), municipalRows[municipalRows.length - 1], yearCol(y))},${addr(regionRow, yearCol(y))},1)`,
    ),
  );

  const layout: Layout = {
    stateRow,
    municipalRows,
    regionRow,
    incomeRows,
    incomeTotal,
    groups,
    costTotal,
    result,
    equityStart,
    equityEnd,
  };
  return {
    sheet: b.build({
      columnWidths: [44, 14, 12, 12, 12, 12, 12, 12, 3, 14, 16, 14, 10],
      freeze: { rows: 5, columns: 1 },
    }),
    layout,
  };
}

/** Utfall mot budget for the first year: the outcome as printed (tkr), the budget, the deviation, checks. */
function outcomeSheet(options: TemplateOptions, data: BudgetInput, layout: Layout, example: boolean) {
  const year = data.years[0];
  const b = new SheetBuilder("outcome", "Utfall mot budget");
  const C = { outcome: 2, budget: 3, deviation: 4, check: 5 };
  const kr = example ? illustrativeOutcomeKr(data) : null;
  const printed = (v: number | undefined) =>
    input(v === undefined ? null : Math.round(v / 1000), FORMATS.tkr);

  b.row([label(`Utfall mot budget ${year}`, "title")]);
  b.row([label(options.associationName, "subtitle")]);
  b.row([
    label(
      `Belopp i tkr avrundade från kronor. Avvikelse = Utfall − Budget: positiv på en kostnadsrad är ett underskridande.${example ? " Exemplets utfall är påhittat." : ""}`,
      "note",
    ),
  ]);
  b.skip();
  const headerRow = b.anchor(
    b.row(["", LABELS.outcome, LABELS.budget, LABELS.deviation, LABELS.check].map((h) => label(h, "header"))),
    "statement",
  );

  const line = (
    text: string,
    budgetRow: number,
    outcome: ReturnType<typeof printed>,
    style: "label" | "subtotal" | "total" = "label",
  ) =>
    b.row([
      label(text, style),
      { ...outcome, style: "input" },
      formula(
        `={{budget}}!${addr(budgetRow, yearCol(0))}`,
        FORMATS.tkr,
        style === "label" ? "computed" : style,
      ),
      formula(
        `=${addr(b.currentRow, C.outcome)}-${addr(b.currentRow, C.budget)}`,
        FORMATS.tkr,
        style === "label" ? "computed" : style,
      ),
    ]);
  const checkCell = (row: number, parts: string, total: string) =>
    b.set(
      row,
      C.check,
      formula(
        `=IF(COUNT(${total})=0,IF(COUNT(${parts})=0,"","Summa saknas"),FINSAM.CHECKSUM(${parts},${total},1))`,
        undefined,
        "check",
      ),
    );
  const sumKr = (values: number[] | undefined) => values?.reduce((a, v) => a + v, 0);

  b.anchor(b.row([label(LABELS.income, "section")]), "incomeSection");
  const incomeRows = data.income.map((l, i) => line(l.label, layout.incomeRows[i], printed(kr?.income[i])));
  const incomeTotal = b.anchor(
    line(LABELS.incomeTotal, layout.incomeTotal, printed(sumKr(kr?.income)), "subtotal"),
    "sum",
  );
  checkCell(
    incomeTotal,
    range(incomeRows[0], C.outcome, incomeRows[incomeRows.length - 1], C.outcome),
    addr(incomeTotal, C.outcome),
  );
  b.skip();
  b.anchor(b.row([label(LABELS.costs, "section")]), "costSection");
  const costLines: { row: number; budgetRow: number }[] = [];
  const groupTotals = data.costGroups.map((group, g) => {
    b.anchor(b.row([label(group.name)]), "heading");
    const rows = group.lines.map((l, i) =>
      line(`   ${l.label}`, layout.groups[g].rows[i], printed(kr?.costGroups[g][i])),
    );
    rows.forEach((row, i) => costLines.push({ row, budgetRow: layout.groups[g].rows[i] }));
    const total = b.anchor(
      line(sumLabel(group.name), layout.groups[g].total, printed(sumKr(kr?.costGroups[g])), "subtotal"),
      "sum",
    );
    checkCell(total, range(rows[0], C.outcome, rows[rows.length - 1], C.outcome), addr(total, C.outcome));
    return total;
  });
  b.skip();

  // The summary as a report prints it; its parts stand together so that CHECKSUM can take them as one range.
  b.anchor(b.row([label(LABELS.summary, "section")]), "summarySection");
  const groupRefs = data.costGroups.map((group, g) =>
    b.anchor(
      b.row([
        label(sumLabel(group.name)),
        formula(`=${addr(groupTotals[g], C.outcome)}`, FORMATS.tkr),
        formula(`=${addr(groupTotals[g], C.budget)}`, FORMATS.tkr),
        formula(`=${addr(b.currentRow, C.outcome)}-${addr(b.currentRow, C.budget)}`, FORMATS.tkr),
      ]),
      "repeat",
    ),
  );
  const allCostsKr = kr ? kr.costGroups.flat() : undefined;
  const costTotal = b.anchor(
    line(LABELS.costTotal, layout.costTotal, printed(sumKr(allCostsKr)), "subtotal"),
    "sum",
  );
  checkCell(
    costTotal,
    range(groupRefs[0], C.outcome, groupRefs[groupRefs.length - 1], C.outcome),
    addr(costTotal, C.outcome),
  );
  b.skip();
  b.anchor(b.currentRow, "repeat");
  b.anchor(b.currentRow + 1, "repeat");
  const incomeRef = b.row([
    label(LABELS.incomeTotal),
    formula(`=${addr(incomeTotal, C.outcome)}`, FORMATS.tkr),
    formula(`=${addr(incomeTotal, C.budget)}`, FORMATS.tkr),
    formula(`=${addr(b.currentRow, C.outcome)}-${addr(b.currentRow, C.budget)}`, FORMATS.tkr),
  ]);
  b.row([
    label(LABELS.costTotal),
    formula(`=${addr(costTotal, C.outcome)}`, FORMATS.tkr),
    formula(`=${addr(costTotal, C.budget)}`, FORMATS.tkr),
    formula(`=${addr(b.currentRow, C.outcome)}-${addr(b.currentRow, C.budget)}`, FORMATS.tkr),
  ]);
  const resultKr = kr ? (sumKr(kr.income) ?? 0) + (sumKr(allCostsKr) ?? 0) : undefined;
  const result = b.anchor(line(LABELS.result, layout.result, printed(resultKr), "total"), "result");
  checkCell(result, range(incomeRef, C.outcome, incomeRef + 1, C.outcome), addr(result, C.outcome));

  // The same keys as the budget (a formula to the Budget sheet's key), which the user may type over here.
  keyBlock(
    b,
    headerRow,
    KEY_COL.outcome,
    costLines.map((l) => l.row),
    (row, k) => ({
      formula: `={{budget}}!${addr(costLines.find((l) => l.row === row)!.budgetRow, KEY_COL.budget + k)}`,
      format: FORMATS.percentWhole,
      style: "input",
    }),
  );
  b.skip();
  const distribution = distributionBlock(b, {
    amounts: [
      { column: C.outcome, name: LABELS.outcome },
      { column: C.budget, name: LABELS.budget },
    ],
    lines: { first: costLines[0].row, last: costLines[costLines.length - 1].row },
    keyColumn: KEY_COL.outcome,
    totalRow: costTotal,
  });
  b.row([
    label(
      "Utfallet fördelas med samma nycklar som budgeten (kolumn G–I hämtar dem från Budget-bladet); skriv över en nyckel här om utfallet ska fördelas annorlunda.",
      "note",
    ),
  ]);
  b.skip();
  b.row([label("Kontroller", "section")]);
  b.row([
    label("Kostnadsfördelningen = summa kostnader"),
    formula(distribution.check(0), undefined, "check"),
    formula(distribution.check(1), undefined, "check"),
  ]);
  b.row([
    label("Fördelningsnycklarna blir 100 % på varje rad"),
    formula(distribution.keysCheck, undefined, "check"),
  ]);

  return b.build({ columnWidths: [44, 12, 12, 12, 40, 3, 14, 16, 14, 10], freeze: { rows: 5, columns: 1 } });
}

/** The allocation key of a cost line: the example's own, or its group's default. */
function keyOf(group: number, lineLabel: string, example: boolean): Allocation {
  return (example ? ALLOCATION_EXAMPLE[lineLabel.trim()] : undefined) ?? GROUP_KEYS[Math.min(group, 2)];
}

/** The key block beside a statement: three shares per cost line (inputs, 0–100 %) and the row's check. */
function keyBlock(
  b: SheetBuilder,
  headerRow: number,
  column: number,
  rows: number[],
  share: (row: number, k: number) => Cell,
): void {
  b.set(
    headerRow - 1,
    column,
    label("Fördelningsnyckel per kostnadsrad (andelar, tillsammans 100 %)", "note"),
  );
  CATEGORY_HEADERS.forEach((h, k) => b.set(headerRow, column + k, label(h, "header")));
  b.set(headerRow, column + 3, label("Andelar", "header"));
  for (const r of rows) {
    for (let k = 0; k < 3; k++) b.set(r, column + k, share(r, k));
    const shares = range(r, column, r, column + 2);
    b.set(
      r,
      column + 3,
      formula(
        `=IF(COUNT(${shares})=0,IF(COUNT(${range(r, 2, r, column - 2)})=0,"","Nyckel saknas"),IF(ABS(SUM(${shares})-1)<0.000001,"OK",ROUND(SUM(${shares})*100,1)&" %"))`,
        undefined,
        "check",
      ),
    );
  }
  b.validations.push({
    range: range(rows[0], column, rows[rows.length - 1], column + 2),
    rule: { kind: "decimal", min: 0, max: 1 },
    error: "Ange en andel från 0 till 100 %; radens tre andelar ska tillsammans bli 100 %.",
    prompt: "Administration, strukturövergripande och individinriktade insatser: tillsammans 100 %.",
  });
}

/**
 * The cost distribution in tkr and per cent for each amount column: each category is Σ amount × share over
 * the cost lines (native SUMPRODUCT), rounded to whole tkr by largest remainder so that the three add up
 * exactly to the total costs (the unrounded figures are shown below them).
 */
function distributionBlock(
  b: SheetBuilder,
  d: {
    amounts: { column: number; name: string }[];
    lines: { first: number; last: number };
    keyColumn: number;
    totalRow: number;
  },
): { check: (i: number) => string; keysCheck: string } {
  const n = d.amounts.length;
  const header = b.currentRow;
  const rounded = (k: number) => header + 1 + k;
  const exact = (k: number) => header + 6 + k;
  b.row([
    label("Kostnadsfördelning", "section"),
    ...Array.from({ length: d.amounts[0].column - 2 }, () => undefined),
    ...d.amounts.map((a) => label(`${a.name} tkr`, "header")),
    ...d.amounts.map((a) => label(`${a.name} %`, "header")),
  ]);
  const pad = Array.from({ length: d.amounts[0].column - 2 }, () => undefined);
  CATEGORY_LABELS.forEach((name, k) => {
    b.row([
      label(name),
      ...pad,
      ...d.amounts.map((a) => {
        const raw = (j: number) => addr(exact(j), a.column);
        // Ties go to the earlier category: a nudge of a billionth per place (no exponent literals: not every engine reads them).
        const rem = (j: number) => `(ABS(${raw(j)}-TRUNC(${raw(j)}))+${((3 - j) / 1e9).toFixed(9)})`;
        const left = `(ROUND(${addr(d.totalRow, a.column)},0)-TRUNC(${raw(0)})-TRUNC(${raw(1)})-TRUNC(${raw(2)}))`;
        const larger = [0, 1, 2]
          .filter((j) => j !== k)
          .map((j) => `(${rem(j)}>${rem(k)})`)
          .join("+");
        // Each category gets a third of the whole units left over, and the rest go to the largest remainders.
        return formula(
          `=TRUNC(${raw(k)})+SIGN(${left})*(INT(ABS(${left})/3)+((${larger})<MOD(ABS(${left}),3)))`,
          FORMATS.tkr,
        );
      }),
      ...d.amounts.map((a) => {
        const all = range(rounded(0), a.column, rounded(2), a.column);
        return formula(`=IF(SUM(${all})=0,"",${addr(rounded(k), a.column)}/SUM(${all}))`, FORMATS.percent);
      }),
    ]);
  });
  b.row([
    label(LABELS.costTotal, "subtotal"),
    ...pad,
    ...d.amounts.map((a) =>
      formula(`=SUM(${range(rounded(0), a.column, rounded(2), a.column)})`, FORMATS.tkr, "subtotal"),
    ),
    ...d.amounts.map((a) =>
      formula(
        `=SUM(${range(rounded(0), a.column + n, rounded(2), a.column + n)})`,
        FORMATS.percent,
        "subtotal",
      ),
    ),
  ]);
  b.row([label("Oavrundat (tkr), före avrundning till hela tkr", "note")]);
  CATEGORY_LABELS.forEach((name, k) => {
    b.row([
      label(`Oavrundat: ${name.toLowerCase()}`),
      ...pad,
      ...d.amounts.map((a) =>
        formula(
          `=SUMPRODUCT(${range(d.lines.first, a.column, d.lines.last, a.column)},${range(d.lines.first, d.keyColumn + k, d.lines.last, d.keyColumn + k)})`,
          "#,##0.0;-#,##0.0;0.0",
        ),
      ),
    ]);
  });
  const checks = range(d.lines.first, d.keyColumn + 3, d.lines.last, d.keyColumn + 3);
  return {
    check: (i) => {
      const a = d.amounts[i];
      const total = addr(d.totalRow, a.column);
      return `=IF(COUNT(${total})=0,"",FINSAM.CHECKSUM(${range(rounded(0), a.column, rounded(2), a.column)},ROUND(${total},0)))`;
    },
    keysCheck: `=IF(COUNTIFS(${checks},"<>OK",${checks},"<>")=0,"OK",COUNTIFS(${checks},"<>OK",${checks},"<>")&IF(COUNTIFS(${checks},"<>OK",${checks},"<>")=1," rad"," rader")&" utan nyckel på 100 %")`,
  };
}
