import { BUDGET_2021_2023 } from "../examples/budget2021";
import { illustrativeOutcomeKr } from "../examples/outcome2021";
import type { BudgetInput } from "../domain/budget";
import { DEFAULT_CEILING_STEPS } from "../domain/equityCeiling";
import { DEFAULT_ALLOCATION, type Allocation } from "../domain/costSplit";
import { ALLOCATION_EXAMPLE } from "../examples/budget2021";
import { EXAMPLE_OPTIONS } from "./options";
import { LABELS, sumLabel } from "../sheet/vocabulary";
import { at, FORMATS, formula, input, label, SheetBuilder, span, ADDIN_NOTE } from "./sheetBuilder";
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

/** The budget's rows and figures for the options: the example's, or a blank budget of the usual rows. */
export function budgetData(requested: TemplateOptions): {
  options: TemplateOptions;
  data: BudgetInput;
  example: boolean;
} {
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
  return { options, data, example };
}

export function budgetTemplate(requested: TemplateOptions): TemplateSpec {
  const { options, data, example } = budgetData(requested);
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
  b.row([label(`Budget ${years[0]}–${years[years.length - 1]}`, "title")]);
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
  const income = incomeLines(b, options, data);
  b.skip();
  const costs = costLinesOf(b, data, example, headerRow);
  b.skip();
  const bottom = resultAndEquity(b, data, income.incomeTotal, costs.costTotal);
  b.skip();
  const layout: Layout = { ...income, ...costs, ...bottom };
  equityCeilingBlock(b, years, layout);
  b.skip();
  // Cost distribution: every cost line by its own key, rounded so that the three add up to the total costs.
  const distribution = distributionBlock(b, {
    amounts: years.map((y, i) => ({ column: yearCol(i), name: String(y) })),
    lines: { first: costs.lines[0], last: costs.lines[costs.lines.length - 1] },
    keyColumn: KEY_COL.budget,
    totalRow: costs.costTotal,
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
  budgetChecks(b, years, layout, distribution);
  return {
    sheet: b.build({
      columnWidths: [44, 14, 12, 12, 12, 12, 12, 12, 3, 14, 16, 14, 10],
      freeze: { rows: 5, columns: 1 },
      print: { lastColumn: KEY_COL.budget - 2 }, // the allocation keys are a working tool, not the board's
    }),
    layout,
  };
}

/** A sum over the year columns: one formula per year. */
/**
 * A row of one formula per budget year under its label: a sum, a total, a base. `style` is the label's and
 * the formulas' ("label" leaves the formulas plain), `name` names the row for references written earlier.
 */
function yearsRow(
  b: SheetBuilder,
  text: string,
  years: readonly number[],
  f: (y: number) => string,
  options: { style?: Cell["style"]; format?: string; name?: string } = {},
): number {
  const style = options.style ?? "label";
  const format = options.format ?? FORMATS.tkr;
  return b.row(
    [
      label(text, style),
      undefined,
      ...years.map((_, y) => formula(f(y), format, style === "label" ? "computed" : style)),
    ],
    options.name,
  );
}

/**
 * Income: the state first, then the municipalities (with their share of the working-age population), the
 * region, other income. The member rows stay together: state..region is the members' allotment.
 */
function incomeLines(b: SheetBuilder, options: TemplateOptions, data: BudgetInput) {
  b.anchor(b.row([label(LABELS.income, "section")]), "incomeSection");
  const popTotal = options.municipalities.reduce((a, m) => a + (m.population ?? 0), 0);
  const n = options.municipalities.length;
  const incomeRows = data.income.map((line, i) => {
    const isMunicipal = i >= 1 && i <= n;
    const share =
      isMunicipal && popTotal > 0 ? (options.municipalities[i - 1].population ?? 0) / popTotal : null;
    return b.row([
      label(line.label),
      isMunicipal ? input(share, FORMATS.percent) : undefined,
      ...line.amounts.map(amount),
    ]);
  });
  const first = incomeRows[0];
  const last = incomeRows[incomeRows.length - 1];
  const incomeTotal = b.anchor(
    yearsRow(
      b,
      LABELS.incomeTotal,
      data.years,
      (y) => `=SUM(${range(first, yearCol(y), last, yearCol(y))})`,
      { style: "subtotal" },
    ),
    "sum",
  );
  return {
    stateRow: incomeRows[0],
    municipalRows: incomeRows.slice(1, n + 1),
    regionRow: incomeRows[n + 1],
    incomeRows,
    incomeTotal,
  };
}

/** Costs in their groups, each with its subtotal, the allocation key beside each line, and the total. */
function costLinesOf(b: SheetBuilder, data: BudgetInput, example: boolean, headerRow: number) {
  b.anchor(b.row([label(LABELS.costs, "section")]), "costSection");
  const keys: Allocation[] = [];
  const groups = data.costGroups.map((group, gi) => {
    b.anchor(b.row([label(group.name, "label")]), "heading");
    const rows = group.lines.map((line) => {
      keys.push(keyOf(gi, line.label, example));
      return b.row([label(`   ${line.label}`), undefined, ...line.amounts.map(amount)]);
    });
    const total = yearsRow(
      b,
      sumLabel(group.name),
      data.years,
      (y) => `=SUM(${range(rows[0], yearCol(y), rows[rows.length - 1], yearCol(y))})`,
      { style: "subtotal" },
    );
    b.anchor(total, "sum");
    return { name: group.name, rows, total };
  });
  const lines = groups.flatMap((g) => g.rows);
  keyBlock(b, headerRow, KEY_COL.budget, lines, (row, k) =>
    input(keys[lines.indexOf(row)][k], FORMATS.percentWhole),
  );
  b.skip();
  const costTotal = b.anchor(
    yearsRow(
      b,
      LABELS.costTotal,
      data.years,
      (y) => `=${groups.map((g) => addr(g.total, yearCol(y))).join("+")}`,
      { style: "total" },
    ),
    "sum",
  );
  return { groups, lines, costTotal };
}

/** The result, and equity rolled forward: each year starts where the one before ended. */
function resultAndEquity(b: SheetBuilder, data: BudgetInput, incomeTotal: number, costTotal: number) {
  const years = data.years;
  const result = b.anchor(
    yearsRow(
      b,
      LABELS.result,
      years,
      (y) => `=${addr(incomeTotal, yearCol(y))}+${addr(costTotal, yearCol(y))}`,
      { style: "total" },
    ),
    "result",
  );
  b.skip();
  const equityStart = b.anchor(
    b.row([
      label(LABELS.equityStart),
      undefined,
      amount(data.openingEquity),
      ...years.slice(1).map((_, y) => formula(`=${at("equityEnd", yearCol(y))}`, FORMATS.tkr)),
    ]),
    "equityStart",
  );
  const equityEnd = b.anchor(
    yearsRow(
      b,
      LABELS.equityEnd,
      years,
      (y) => `=${addr(equityStart, yearCol(y))}+${addr(result, yearCol(y))}`,
      { style: "total", name: "equityEnd" },
    ),
    "equityEnd",
  );
  return { result, equityStart, equityEnd };
}

/** The equity ceiling ("trappan"): the base is the user's choice, the steps an editable table below. */
function equityCeilingBlock(b: SheetBuilder, years: readonly number[], layout: Layout): void {
  b.row([label("Takbelopp för eget kapital (Nationella rådet 2013-10-02)", "section")]);
  const baseChoice = b.row([label("Bas för taket"), input(BASE_MEMBERS)]);
  b.validations.push({
    range: addr(baseChoice, COL.share),
    rule: { kind: "list", values: [BASE_MEMBERS, BASE_INCOME] },
    error: `Välj "${BASE_MEMBERS}" eller "${BASE_INCOME}".`,
    prompt:
      "Rekommendationens ord: medlemmarnas tilldelning. Årsredovisningen 2023 använde årets totala intäkter.",
  });
  const choice = addr(baseChoice, COL.share, { row: true, column: true });
  const baseRow = yearsRow(
    b,
    "Bas (tkr)",
    years,
    (y) =>
      `=IF(${choice}="${BASE_INCOME}",${addr(layout.incomeTotal, yearCol(y))},SUM(${range(layout.stateRow, yearCol(y), layout.regionRow, yearCol(y))}))`,
    { name: "ceiling.base" },
  );
  const ceilingRow = b.anchor(
    yearsRow(b, LABELS.ceiling, years, (y) => `=${nativeCeiling(addr(baseRow, yearCol(y)), "steps")}`, {
      name: "ceiling.value",
    }),
    "ceiling",
  );
  const headroomRow = yearsRow(
    b,
    "Marginal till taket (tkr)",
    years,
    (y) =>
      `=IF(ISNUMBER(${addr(ceilingRow, yearCol(y))}),${addr(ceilingRow, yearCol(y))}-${addr(layout.equityEnd, yearCol(y))},"")`,
  );
  b.row([
    label("Eget kapital mot taket"),
    undefined,
    ...years.map((_, y) =>
      formula(
        `=IF(OR(${addr(baseRow, yearCol(y))}=0,NOT(ISNUMBER(${addr(headroomRow, yearCol(y))}))),"",IF(${addr(headroomRow, yearCol(y))}<0,"Över taket","Under taket"))`,
        undefined,
        "status",
      ),
    ),
  ]);
  ceilingSteps(b);
  b.row([label("Över 15 000 000 kr är rekommendationen inte känd: lägg då till ett eget steg.", "note")]);
}

/** The ceiling's editable step table, rows named `steps.0` … `steps.2` (the last an open step of the user's). */
export function ceilingSteps(b: SheetBuilder): void {
  b.skip();
  b.row([label("Trappsteg", "header"), label("Övre gräns (kr)", "header"), label("Marginalsats", "header")]);
  for (let i = 0; i < 3; i++) {
    const step = DEFAULT_CEILING_STEPS[i];
    b.row(
      [
        label(i === 2 ? "(eget steg)" : `Steg ${i + 1}`),
        input(step?.upTo ?? null, FORMATS.kr),
        input(step?.rate ?? null, FORMATS.percentWhole),
      ],
      `steps.${i}`,
    );
  }
}

/**
 * The recommended ceiling in tkr for a base in tkr, in native formulas: the staircase of the three step rows
 * named `<steps>.first` … `<steps>.last` (upper limit in kr in column B, marginal rate in C; a step with a rate
 * and no limit is open). A base above the last limit with no open step is not documented: the cell says so
 * rather than guess. FINSAM.EQUITYCAP checks the figure under Kontroller.
 */
export function nativeCeiling(base: string, steps: string): string {
  return staircase(
    base,
    (i) => at(`${steps}.${i}`, COL.share, { row: true, column: true }),
    (i) => at(`${steps}.${i}`, COL.share + 1, { row: true, column: true }),
    span(`${steps}.0`, COL.share, `${steps}.2`, COL.share, true),
    span(`${steps}.0`, COL.share + 1, `${steps}.2`, COL.share + 1, true),
  );
}

/** The same staircase over three step rows given by their cells (limits and rates, each also as a range). */
export function staircase(
  base: string,
  limit: (i: number) => string,
  rate: (i: number) => string,
  limits: string,
  rates: string,
): string {
  const x = `(${base}*1000)`;
  const parts = [0, 1, 2].map((i) => {
    const below = i === 0 ? "0" : `MAX(${[...Array(i).keys()].map((j) => `N(${limit(j)})`).join(",")})`;
    return `IF(ISNUMBER(${rate(i)}),${rate(i)}*MAX(0,MIN(${x},IF(ISNUMBER(${limit(i)}),${limit(i)},${x}))-${below}),0)`;
  });
  const open = `COUNTIFS(${limits},"",${rates},"<>")`;
  return `IF(NOT(ISNUMBER(${base})),"",IF(AND(${open}=0,${x}>MAX(${limits})),"Över kända steg",(${parts.join("+")})/1000))`;
}

/** Checks of the member funding and the cost distribution, per budget year. */
function budgetChecks(
  b: SheetBuilder,
  years: readonly number[],
  layout: Layout,
  distribution: ReturnType<typeof distributionBlock>,
): void {
  const { stateRow, regionRow, municipalRows } = layout;
  b.row([label("Kontroller", "section")]);
  b.row([label(ADDIN_NOTE, "note")]);
  const check = (title: string, f: (y: number) => string) =>
    b.row([label(title), undefined, ...years.map((_, y) => formula(f(y), undefined, "check"))]);
  const guard = (y: number, body: string) =>
    `=IF(COUNT(${range(stateRow, yearCol(y), regionRow, yearCol(y))})=0,"",${body})`;
  check("Regionen = halva statens tilldelning", (y) =>
    guard(y, `FINSAM.CHECKSUM(${addr(regionRow, yearCol(y))},${addr(stateRow, yearCol(y))}/2,1)`),
  );
  check("Kostnadsfördelningen = summa kostnader", (y) => distribution.check(y));
  check("Taket = FINSAM.EQUITYCAP", (y) => {
    const [base, ceiling] = [at("ceiling.base", yearCol(y)), at("ceiling.value", yearCol(y))];
    const steps = span("steps.0", COL.share, "steps.2", COL.share + 1, true);
    return `=IF(ISNUMBER(${ceiling}),FINSAM.CHECKSUM(FINSAM.EQUITYCAP(${base},1000,${steps}),${ceiling},0.01),"")`;
  });
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
}

/** Utfall mot budget's columns. */
const OC = { outcome: 2, budget: 3, deviation: 4, check: 5 };
type Kr = ReturnType<typeof illustrativeOutcomeKr> | null;
const printed = (v: number | undefined) => input(v === undefined ? null : Math.round(v / 1000), FORMATS.tkr);
const sumKr = (values: number[] | undefined) => values?.reduce((a, v) => a + v, 0);

/** A line of Utfall mot budget: the outcome as printed, the budget from the Budget sheet, the deviation. */
function outcomeLine(
  b: SheetBuilder,
  text: string,
  budgetRow: number,
  outcome: Cell,
  style: "label" | "subtotal" | "total" = "label",
): number {
  const computed = style === "label" ? "computed" : style;
  const r = b.currentRow;
  return b.row([
    label(text, style),
    { ...outcome, style: "input" },
    formula(`={{budget}}!${addr(budgetRow, yearCol(0))}`, FORMATS.tkr, computed),
    formula(`=${addr(r, OC.outcome)}-${addr(r, OC.budget)}`, FORMATS.tkr, computed),
  ]);
}

/** A printed sum checked against its parts, allowing for tkr rounding; "Summa saknas" when it is blank. */
function sumCheck(b: SheetBuilder, row: number, first: number, last: number): void {
  const parts = range(first, OC.outcome, last, OC.outcome);
  const total = addr(row, OC.outcome);
  b.set(
    row,
    OC.check,
    formula(
      `=IF(COUNT(${total})=0,IF(COUNT(${parts})=0,"","Summa saknas"),FINSAM.CHECKSUM(${parts},${total},1))`,
      undefined,
      "check",
    ),
  );
}

/** Utfall mot budget for the first year: the outcome as printed (tkr), the budget, the deviation, checks. */
function outcomeSheet(options: TemplateOptions, data: BudgetInput, layout: Layout, example: boolean) {
  const b = new SheetBuilder("outcome", "Utfall mot budget");
  const kr: Kr = example ? illustrativeOutcomeKr(data) : null;
  b.row([label(`Utfall mot budget ${data.years[0]}`, "title")]);
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
  b.anchor(b.row([label(LABELS.income, "section")]), "incomeSection");
  const incomeRows = data.income.map((l, i) =>
    outcomeLine(b, l.label, layout.incomeRows[i], printed(kr?.income[i])),
  );
  const incomeTotal = b.anchor(
    outcomeLine(b, LABELS.incomeTotal, layout.incomeTotal, printed(sumKr(kr?.income)), "subtotal"),
    "sum",
  );
  sumCheck(b, incomeTotal, incomeRows[0], incomeRows[incomeRows.length - 1]);
  b.skip();
  const costs = outcomeCosts(b, data, layout, kr);
  b.skip();
  const costTotal = outcomeSummary(b, data, layout, kr, costs.groupTotals, incomeTotal);
  // The same keys as the budget (a formula to the Budget sheet's key), which the user may type over here.
  const budgetRows = new Map(costs.lines.map((l) => [l.row, l.budgetRow]));
  keyBlock(
    b,
    headerRow,
    KEY_COL.outcome,
    costs.lines.map((l) => l.row),
    (row, k) => ({
      formula: `={{budget}}!${addr(budgetRows.get(row)!, KEY_COL.budget + k)}`,
      format: FORMATS.percentWhole,
      style: "input",
    }),
  );
  b.skip();
  outcomeDistribution(b, costs.lines, costTotal);
  return b.build({
    columnWidths: [44, 12, 12, 12, 40, 3, 14, 16, 14, 10],
    freeze: { rows: 5, columns: 1 },
    print: { lastColumn: KEY_COL.outcome - 2 },
  });
}

/** The cost lines by group with their printed subtotals; each line keeps the Budget row it compares with. */
function outcomeCosts(b: SheetBuilder, data: BudgetInput, layout: Layout, kr: Kr) {
  b.anchor(b.row([label(LABELS.costs, "section")]), "costSection");
  const lines: { row: number; budgetRow: number }[] = [];
  const groupTotals = data.costGroups.map((group, g) => {
    b.anchor(b.row([label(group.name)]), "heading");
    const rows = group.lines.map((l, i) =>
      outcomeLine(b, `   ${l.label}`, layout.groups[g].rows[i], printed(kr?.costGroups[g][i])),
    );
    rows.forEach((row, i) => lines.push({ row, budgetRow: layout.groups[g].rows[i] }));
    const total = b.anchor(
      outcomeLine(
        b,
        sumLabel(group.name),
        layout.groups[g].total,
        printed(sumKr(kr?.costGroups[g])),
        "subtotal",
      ),
      "sum",
    );
    sumCheck(b, total, rows[0], rows[rows.length - 1]);
    return total;
  });
  return { lines, groupTotals };
}

/**
 * The summary as a report prints it (the group totals repeated, total costs, the income and cost totals
 * repeated, the result); its parts stand together so that CHECKSUM can take them as one range.
 */
function outcomeSummary(
  b: SheetBuilder,
  data: BudgetInput,
  layout: Layout,
  kr: Kr,
  groupTotals: number[],
  incomeTotal: number,
): number {
  b.anchor(b.row([label(LABELS.summary, "section")]), "summarySection");
  const repeat = (text: string, of: number) => {
    const r = b.currentRow;
    return b.anchor(
      b.row([
        label(text),
        formula(`=${addr(of, OC.outcome)}`, FORMATS.tkr),
        formula(`=${addr(of, OC.budget)}`, FORMATS.tkr),
        formula(`=${addr(r, OC.outcome)}-${addr(r, OC.budget)}`, FORMATS.tkr),
      ]),
      "repeat",
    );
  };
  const groupRefs = data.costGroups.map((group, g) => repeat(sumLabel(group.name), groupTotals[g]));
  const allCostsKr = kr ? kr.costGroups.flat() : undefined;
  const costTotal = b.anchor(
    outcomeLine(b, LABELS.costTotal, layout.costTotal, printed(sumKr(allCostsKr)), "subtotal"),
    "sum",
  );
  sumCheck(b, costTotal, groupRefs[0], groupRefs[groupRefs.length - 1]);
  b.skip();
  const incomeRef = repeat(LABELS.incomeTotal, incomeTotal);
  const costRef = repeat(LABELS.costTotal, costTotal);
  const resultKr = kr ? (sumKr(kr.income) ?? 0) + (sumKr(allCostsKr) ?? 0) : undefined;
  const result = b.anchor(outcomeLine(b, LABELS.result, layout.result, printed(resultKr), "total"), "result");
  sumCheck(b, result, incomeRef, costRef);
  return costTotal;
}

/** The outcome's and the budget's cost distribution, by the keys beside the lines, with its checks. */
function outcomeDistribution(b: SheetBuilder, lines: { row: number }[], costTotal: number): void {
  const distribution = distributionBlock(b, {
    amounts: [
      { column: OC.outcome, name: LABELS.outcome },
      { column: OC.budget, name: LABELS.budget },
    ],
    lines: { first: lines[0].row, last: lines[lines.length - 1].row },
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
  b.row([label(ADDIN_NOTE, "note")]);
  b.row([
    label("Kostnadsfördelningen = summa kostnader"),
    formula(distribution.check(0), undefined, "check"),
    formula(distribution.check(1), undefined, "check"),
  ]);
  b.row([
    label("Fördelningsnycklarna blir 100 % på varje rad"),
    formula(distribution.keysCheck, undefined, "check"),
  ]);
}

/**
 * Category k of three, rounded to whole units so that the three add up to the rounded total: each gets its
 * truncated amount, a third of the whole units left over, and one more if its remainder is among the largest.
 * Ties go to the earlier category: a nudge of a billionth per place (no exponent literals: not every engine
 * reads them).
 */
function largestRemainder(k: number, raw: (j: number) => string, total: string): string {
  const rem = (j: number) => `(ABS(${raw(j)}-TRUNC(${raw(j)}))+${((3 - j) / 1e9).toFixed(9)})`;
  const left = `(ROUND(${total},0)-TRUNC(${raw(0)})-TRUNC(${raw(1)})-TRUNC(${raw(2)}))`;
  const larger = [0, 1, 2]
    .filter((j) => j !== k)
    .map((j) => `(${rem(j)}>${rem(k)})`)
    .join("+");
  return `TRUNC(${raw(k)})+SIGN(${left})*(INT(ABS(${left})/3)+((${larger})<MOD(ABS(${left}),3)))`;
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
  // The rounded categories refer to the unrounded ones written below them: named rows, resolved at build.
  const rounded = (k: number, column: number) => at(`distribution.rounded.${k}`, column);
  const exact = (k: number, column: number) => at(`distribution.exact.${k}`, column);
  const roundedColumn = (column: number) =>
    span("distribution.rounded.0", column, "distribution.rounded.2", column);
  b.row([
    label("Kostnadsfördelning", "section"),
    ...Array.from({ length: d.amounts[0].column - 2 }, () => undefined),
    ...d.amounts.map((a) => label(`${a.name} tkr`, "header")),
    ...d.amounts.map((a) => label(`${a.name} %`, "header")),
  ]);
  const pad = Array.from({ length: d.amounts[0].column - 2 }, () => undefined);
  CATEGORY_LABELS.forEach((name, k) => {
    b.row(
      [
        label(name),
        ...pad,
        ...d.amounts.map((a) =>
          formula(
            `=${largestRemainder(k, (j) => exact(j, a.column), addr(d.totalRow, a.column))}`,
            FORMATS.tkr,
          ),
        ),
        ...d.amounts.map((a) => {
          const all = roundedColumn(a.column);
          return formula(`=IF(SUM(${all})=0,"",${rounded(k, a.column)}/SUM(${all}))`, FORMATS.percent);
        }),
      ],
      `distribution.rounded.${k}`,
    );
  });
  b.row([
    label(LABELS.costTotal, "subtotal"),
    ...pad,
    ...d.amounts.map((a) => formula(`=SUM(${roundedColumn(a.column)})`, FORMATS.tkr, "subtotal")),
    ...d.amounts.map((a) => formula(`=SUM(${roundedColumn(a.column + n)})`, FORMATS.percent, "subtotal")),
  ]);
  b.row([label("Oavrundat (tkr), före avrundning till hela tkr", "note")]);
  CATEGORY_LABELS.forEach((name, k) => {
    b.row(
      [
        label(`Oavrundat: ${name.toLowerCase()}`),
        ...pad,
        ...d.amounts.map((a) =>
          formula(
            `=SUMPRODUCT(${range(d.lines.first, a.column, d.lines.last, a.column)},${range(d.lines.first, d.keyColumn + k, d.lines.last, d.keyColumn + k)})`,
            "#,##0.0;-#,##0.0;0.0",
          ),
        ),
      ],
      `distribution.exact.${k}`,
    );
  });
  const checks = range(d.lines.first, d.keyColumn + 3, d.lines.last, d.keyColumn + 3);
  return {
    check: (i) => {
      const a = d.amounts[i];
      const total = addr(d.totalRow, a.column);
      return `=IF(COUNT(${total})=0,"",FINSAM.CHECKSUM(${roundedColumn(a.column)},ROUND(${total},0)))`;
    },
    keysCheck: `=IF(COUNTIFS(${checks},"<>OK",${checks},"<>")=0,"OK",COUNTIFS(${checks},"<>OK",${checks},"<>")&IF(COUNTIFS(${checks},"<>OK",${checks},"<>")=1," rad"," rader")&" utan nyckel på 100 %")`,
  };
}
