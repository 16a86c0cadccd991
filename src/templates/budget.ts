import { BUDGET_2021_2023 } from "../examples/budget2021";
import { illustrativeOutcomeKr } from "../examples/outcome2021";
import type { BudgetInput } from "../domain/budget";
import { DEFAULT_CEILING_STEPS } from "../domain/equityCeiling";
import { EXAMPLE_OPTIONS } from "./options";
import { LABELS, sumLabel } from "../sheet/vocabulary";
import { addr, FORMATS, formula, input, label, range, SheetBuilder } from "./sheetBuilder";
import type { NameSpec, TemplateOptions, TemplateSpec } from "./spec";

/**
 * Budget: three budget years side by side in tkr (income per member, costs in three groups, result,
 * equity rolled forward, the equity ceiling and the cost distribution), and a second sheet, Utfall mot
 * budget, with outcome, budget and deviation per row and CHECKSUM checks that allow for tkr rounding.
 */
const YEARS = 3;
const COL = { label: 1, share: 2, firstYear: 3 } as const;
const yearCol = (y: number) => COL.firstYear + y;
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
  const { sheet: budget, layout } = budgetSheet(options, data);
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

function budgetSheet(options: TemplateOptions, data: BudgetInput) {
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
  b.anchor(
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

  // Cost distribution: the three cost groups as administration / structural / individual efforts.
  b.row([
    label("Kostnadsfördelning", "section"),
    undefined,
    ...years.map((y) => ({ value: `${y} tkr`, style: "header" as const })),
    ...years.map((y) => ({ value: `${y} %`, style: "header" as const })),
  ]);
  const kinds = ["Administration", "Strukturövergripande insatser", "Individinriktade insatser"];
  const kindRows = kinds.map((kind, k) => {
    const r = b.currentRow;
    return b.row([
      label(kind),
      undefined,
      ...years.map((_, y) => formula(`=${addr(groups[k].total, yearCol(y))}`, FORMATS.tkr)),
      ...years.map((_, y) =>
        formula(
          `=IF(${addr(costTotal, yearCol(y))}=0,"",${addr(r, yearCol(y))}/${addr(costTotal, yearCol(y))})`,
          FORMATS.percent,
        ),
      ),
    ]);
  });
  b.row([
    label("Summa kostnader", "subtotal"),
    undefined,
    ...years.map((_, y) =>
      formula(`=SUM(${range(kindRows[0], yearCol(y), kindRows[2], yearCol(y))})`, FORMATS.tkr, "subtotal"),
    ),
    ...years.map((_, y) =>
      formula(
        `=SUM(${range(kindRows[0], yearCol(YEARS + y), kindRows[2], yearCol(YEARS + y))})`,
        FORMATS.percent,
        "subtotal",
      ),
    ),
  ]);
  b.row([
    label(
      "Kansli och styrelse räknas som administration, verksamhetsnära kostnader som strukturövergripande och verksamheterna som individinriktade insatser.",
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
    sheet: b.build({ columnWidths: [44, 14, 12, 12, 12, 12, 12, 12], freeze: { rows: 5, columns: 1 } }),
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
  b.anchor(
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
      formula(`=IF(COUNT(${parts},${total})=0,"",FINSAM.CHECKSUM(${parts},${total},1))`, undefined, "check"),
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
  const groupTotals = data.costGroups.map((group, g) => {
    b.anchor(b.row([label(group.name)]), "heading");
    const rows = group.lines.map((l, i) =>
      line(`   ${l.label}`, layout.groups[g].rows[i], printed(kr?.costGroups[g][i])),
    );
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

  return b.build({ columnWidths: [44, 12, 12, 12, 40], freeze: { rows: 5, columns: 1 } });
}
