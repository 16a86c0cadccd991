import { addr, range } from "../sheet/a1";
import { LABELS, sumLabel } from "../sheet/vocabulary";
import { ceilingSteps, nativeCeiling } from "./budget";
import { splitFormulas, type SplitLayout } from "./largestRemainder";
import { at, FORMATS, formula, input as inputCell, label, SheetBuilder } from "./sheetBuilder";
import type { Cell, TemplateSpec } from "./spec";

/**
 * Ny budgetomgång: the next plan, rolled forward from the one in the workbook. The years move on by one; the
 * old plan's later years are the new plan's starting point; the new last year continues the year before it
 * (costs by an index the user sets on the sheet, other income flat); the state allotment is the one just
 * announced, the region pays half of it and the municipalities split the other half by the fee key, all in
 * native formulas; equity at the start is the current year's forecast where the workbook has one, else the old
 * plan's equity at the end of that year; the ceiling for each year. Beside every row *Föregående plan* and the
 * change, so that the board sees what moved. A new sheet only: the old ones are never touched.
 */
export interface PlanLine {
  label: string;
  amounts: (number | null)[];
}

export interface NextBudgetInput {
  association: string;
  /** The old plan: its sheet, years and rows (as read by src/checks/planReader.ts). */
  plan: {
    sheet: string;
    years: number[];
    state: PlanLine;
    municipalities: (PlanLine & { name: string })[];
    region: PlanLine;
    otherIncome: PlanLine[];
    costGroups: { name: string; lines: PlanLine[] }[];
    equityEnd: (number | null)[];
  };
  /** The state's allotment for the new years (tkr). */
  stateAllotment: number;
  /** The index for the new last year's costs, e.g. 0.02 for 2 %. */
  costIndex: number;
  /** One weight per municipality (in the plan's order), and where the key comes from, for the sheet to say. */
  feeKey: { weights: number[]; source: string };
  /** Equity at the start of the new first year, and where it comes from, for the sheet to say. */
  opening: { equity: number | null; source: string };
}

const COL = { label: 1, share: 2, first: 3 } as const;

interface Columns {
  years: number[];
  /** The new years' columns. */
  now: number[];
  /** The old plan's columns for the years both plans have, and their change columns. */
  previous: number[];
  change: number[];
  /** For each new year, its column among `previous` (or -1 for the new last year). */
  previousOf: number[];
  /** The rounding's helper columns for new year y: whole units, remainder. */
  helpers: (y: number) => [number, number];
}

function columnsFor(oldYears: readonly number[]): Columns {
  const n = oldYears.length;
  const years = oldYears.map((y) => y + 1);
  const now = years.map((_, i) => COL.first + i);
  const previous = years.slice(0, n - 1).map((_, i) => COL.first + n + 1 + i);
  const change = previous.map((c) => c + n - 1);
  const helperStart = change[change.length - 1] + 2;
  return {
    years,
    now,
    previous,
    change,
    previousOf: years.map((_, i) => (i < n - 1 ? previous[i] : -1)),
    helpers: (y) => [helperStart + 2 * y, helperStart + 2 * y + 1],
  };
}

const tkr = (v: number | null | undefined) => inputCell(v ?? null, FORMATS.tkr);

export function nextBudgetTemplate(input: NextBudgetInput): TemplateSpec {
  const cols = columnsFor(input.plan.years);
  const { years } = cols;
  const span = `${years[0]}–${years[years.length - 1]}`;
  const b = new SheetBuilder("next", `Budget ${span}`);
  b.row([label(`Budget ${span} (förslag)`, "title")]);
  b.row([label(input.association, "subtitle")]);
  b.row([
    label(
      `Belopp i tkr. Framrullad från ${input.plan.sheet} (${input.plan.years[0]}–${input.plan.years[input.plan.years.length - 1]}); Föregående plan visar den planens belopp. Gula celler är indata.`,
      "note",
    ),
  ]);
  b.skip();
  b.anchor(
    b.row([
      label("", "header"),
      label("Andel arb-bef.", "header"),
      ...years.map((y) => ({ value: y, style: "header" as const, format: FORMATS.year })),
      undefined,
      ...cols.previous.map((_, i) => label(`Föregående plan ${years[i]}`, "header")),
      ...cols.change.map((_, i) => label(`Förändring ${years[i]}`, "header")),
    ]),
    "statement",
  );
  income(b, input, cols);
  b.skip();
  costs(b, input, cols);
  b.skip();
  resultAndEquity(b, input, cols);
  b.skip();
  ceiling(b, cols);
  b.skip();
  checks(b, cols);
  b.skip();
  basis(b, input, cols);
  const helperColumns = cols.helpers(years.length - 1)[1];
  const widths = Array.from({ length: helperColumns }, (_, i) =>
    i === 0 ? 44 : i === 1 ? 14 : i + 1 === cols.now[years.length - 1] + 1 ? 3 : 12,
  );
  return {
    id: "nastabudget",
    sheets: [
      b.build({
        columnWidths: widths,
        freeze: { rows: 5, columns: 1 },
        print: { lastColumn: cols.change[cols.change.length - 1] },
      }),
    ],
    names: [],
  };
}

/**
 * A row with a formula per new year and, beside it, the same formula over the old plan's columns and the
 * change: a sum, the result, equity at the end. `f(column)` writes the formula for one column.
 */
function everyColumn(
  b: SheetBuilder,
  text: string,
  cols: Columns,
  f: (column: number) => string,
  style: Cell["style"] = "label",
  name?: string,
): number {
  const computed = style === "label" ? "computed" : style;
  const r = b.currentRow;
  return b.row(
    [
      label(text, style),
      undefined,
      ...cols.now.map((c) => formula(f(c), FORMATS.tkr, computed)),
      undefined,
      ...cols.previous.map((c) => formula(f(c), FORMATS.tkr, computed)),
      ...changeCells(r, cols, computed),
    ],
    name,
  );
}

/** New − previous for the years both plans have. */
function changeCells(r: number, cols: Columns, style: Cell["style"] = "computed"): Cell[] {
  return cols.previous.map((p, i) =>
    formula(
      `=IF(AND(ISNUMBER(${addr(r, cols.now[i])}),ISNUMBER(${addr(r, p)})),${addr(r, cols.now[i])}-${addr(r, p)},"")`,
      "+#,##0;-#,##0;0",
      style,
    ),
  );
}

/** A line: its new amounts (given cells), the old plan's amounts for the years both have, the change. */
function line(b: SheetBuilder, text: string, now: Cell[], old: PlanLine | null, cols: Columns, share?: Cell) {
  const r = b.currentRow;
  return b.row([
    label(text),
    share,
    ...now,
    undefined,
    ...cols.previous.map((_, i) => ({
      value: old?.amounts[i + 1] ?? null,
      format: FORMATS.tkr,
      style: "computed" as const,
    })),
    ...changeCells(r, cols),
  ]);
}

function income(b: SheetBuilder, input: NextBudgetInput, cols: Columns): void {
  const { plan } = input;
  b.anchor(b.row([label(LABELS.income, "section")]), "incomeSection");
  const stateRow = line(
    b,
    plan.state.label,
    cols.now.map(() => tkr(input.stateAllotment)),
    plan.state,
    cols,
  );
  b.name("state", stateRow);
  const weightSum = input.feeKey.weights.reduce((a, w) => a + w, 0);
  const first = b.currentRow;
  const n = plan.municipalities.length;
  const shares = range(first, COL.share, first + n - 1, COL.share, true);
  const above = (c: number, i: number) => (i === 0 ? null : range(first, c, first + i - 1, c));
  const split = (y: number): SplitLayout => {
    const [fc, rc] = cols.helpers(y);
    return {
      units: `ROUND(${at("region", cols.now[y])},0)`,
      weights: shares,
      weight: (i) => addr(first + i, COL.share, { column: true }),
      weightsBefore: (i) => above(COL.share, i),
      floors: range(first, fc, first + n - 1, fc, true),
      rests: range(first, rc, first + n - 1, rc, true),
      floor: (i) => addr(first + i, fc),
      rest: (i) => addr(first + i, rc),
      restsBefore: (i) => above(rc, i),
    };
  };
  plan.municipalities.forEach((m, i) => {
    const ready = (y: number) => `AND(ISNUMBER(${at("region", cols.now[y])}),SUM(${shares})>0)`;
    const cells = cols.now.map((_, y) =>
      formula(`=IF(${ready(y)},${splitFormulas(split(y), i).units},"")`, FORMATS.tkr),
    );
    const r = line(
      b,
      m.name,
      cells,
      m,
      cols,
      input_(weightSum > 0 ? input.feeKey.weights[i] / weightSum : null),
    );
    cols.now.forEach((_, y) => {
      const [fc, rc] = cols.helpers(y);
      const f = splitFormulas(split(y), i);
      b.set(r, fc, formula(`=IF(${ready(y)},${f.floor},"")`, FORMATS.integer));
      b.set(r, rc, formula(`=IF(${ready(y)},${f.rest},"")`, "0.000000000"));
    });
  });
  const region = cols.now.map((c) => formula(`=ROUND(${at("state", c)}/2,0)`, FORMATS.tkr));
  b.name("region", line(b, plan.region.label, region, plan.region, cols));
  for (const other of plan.otherIncome) {
    const n2 = other.amounts.length;
    line(
      b,
      other.label,
      cols.now.map((_, y) => tkr(y + 1 < n2 ? other.amounts[y + 1] : other.amounts[n2 - 1])),
      other,
      cols,
    );
  }
  const last = b.currentRow - 1;
  b.anchor(
    everyColumn(
      b,
      LABELS.incomeTotal,
      cols,
      (c) => `=SUM(${range(stateRow, c, last, c)})`,
      "subtotal",
      "incomeTotal",
    ),
    "sum",
  );
}

const input_ = (share: number | null): Cell => inputCell(share, FORMATS.percent);

/** The cost groups: the old plan's later years, and the new last year by the index (a formula the user may type over). */
function costs(b: SheetBuilder, input: NextBudgetInput, cols: Columns): void {
  b.anchor(b.row([label(LABELS.costs, "section")]), "costSection");
  const n = cols.years.length;
  const index = at("costIndex", COL.share, { row: true, column: true });
  const totals = input.plan.costGroups.map((group) => {
    b.anchor(b.row([label(group.name)]), "heading");
    const rows = group.lines.map((l) => {
      const r = b.currentRow;
      const now = cols.now.map((c, y) =>
        y < n - 1
          ? tkr(l.amounts[y + 1])
          : formula(
              `=IF(ISNUMBER(${addr(r, c - 1)}),ROUND(${addr(r, c - 1)}*(1+${index}),0),"")`,
              FORMATS.tkr,
              "input",
            ),
      );
      return line(b, `   ${l.label}`, now, l, cols);
    });
    const total = everyColumn(
      b,
      sumLabel(group.name),
      cols,
      (c) => `=SUM(${range(rows[0], c, rows[rows.length - 1], c)})`,
      "subtotal",
    );
    return b.anchor(total, "sum");
  });
  b.skip();
  b.anchor(
    everyColumn(
      b,
      LABELS.costTotal,
      cols,
      (c) => `=${totals.map((t) => addr(t, c)).join("+")}`,
      "total",
      "costTotal",
    ),
    "sum",
  );
}

function resultAndEquity(b: SheetBuilder, input: NextBudgetInput, cols: Columns): void {
  b.anchor(
    everyColumn(
      b,
      LABELS.result,
      cols,
      (c) => `=${at("incomeTotal", c)}+${at("costTotal", c)}`,
      "total",
      "result",
    ),
    "result",
  );
  b.skip();
  const r = b.currentRow;
  const oldStart = input.plan.equityEnd[0] ?? null; // the old plan's first year ends where the new one starts
  b.anchor(
    b.row(
      [
        label(LABELS.equityStart),
        undefined,
        tkr(input.opening.equity),
        ...cols.now.slice(1).map((c) => formula(`=${at("equityEnd", c - 1)}`, FORMATS.tkr)),
        undefined,
        { value: oldStart, format: FORMATS.tkr, style: "computed" },
        ...cols.previous.slice(1).map((c) => formula(`=${at("equityEnd", c - 1)}`, FORMATS.tkr)),
        ...changeCells(r, cols),
      ],
      "equityStart",
    ),
    "equityStart",
  );
  b.anchor(
    everyColumn(
      b,
      LABELS.equityEnd,
      cols,
      (c) => `=${at("equityStart", c)}+${at("result", c)}`,
      "total",
      "equityEnd",
    ),
    "equityEnd",
  );
}

/** The ceiling per year on the members' allotment (native), the margin to it, and the step table. */
function ceiling(b: SheetBuilder, cols: Columns): void {
  b.row([label("Takbelopp för eget kapital (Nationella rådet 2013-10-02)", "section")]);
  const base = (c: number) => `SUM(${at("state", c)}:${at("region", c)})`;
  b.row(
    [
      label("Bas: medlemmarnas tilldelning (tkr)"),
      undefined,
      ...cols.now.map((c) => formula(`=${base(c)}`, FORMATS.tkr)),
    ],
    "ceiling.base",
  );
  const ceilingRow = b.anchor(
    b.row(
      [
        label(LABELS.ceiling),
        undefined,
        ...cols.now.map((c) => formula(`=${nativeCeiling(at("ceiling.base", c), "steps")}`, FORMATS.tkr)),
      ],
      "ceiling.value",
    ),
    "ceiling",
  );
  b.row([
    label("Marginal till taket (tkr)"),
    undefined,
    ...cols.now.map((c) =>
      formula(
        `=IF(ISNUMBER(${addr(ceilingRow, c)}),${addr(ceilingRow, c)}-${at("equityEnd", c)},"")`,
        FORMATS.tkr,
      ),
    ),
  ]);
  ceilingSteps(b);
}

/** Native checks of the member funding, and the one cell per year that needs the add-in (the ceiling). */
function checks(b: SheetBuilder, cols: Columns): void {
  b.row([label("Kontroller", "section")]);
  const row = (text: string, f: (c: number) => string) =>
    b.row([label(text), undefined, ...cols.now.map((c) => formula(f(c), undefined, "check"))]);
  const ok = (a: string, b2: string) =>
    `IF(ABS((${a})-(${b2}))<0.5,"OK","Skiljer "&TEXT((${a})-(${b2}),"0"))`;
  row("Regionen = halva statens tilldelning", (c) => `=${ok(at("region", c), `${at("state", c)}/2`)}`);
  row(
    "Kommunerna tillsammans = regionen",
    (c) =>
      `=${ok(`SUM(${at("state", c)}:${at("region", c)})-${at("state", c)}-${at("region", c)}`, at("region", c))}`,
  );
  row("Taket = FINSAM.EQUITYCAP (tillägget)", (c) => {
    const steps = `${at("steps.0", COL.share, { row: true, column: true })}:${at("steps.2", COL.share + 1, { row: true, column: true })}`;
    return `=IF(ISNUMBER(${at("ceiling.value", c)}),FINSAM.CHECKSUM(FINSAM.EQUITYCAP(${at("ceiling.base", c)},1000,${steps}),${at("ceiling.value", c)},0.01),"")`;
  });
  b.row([
    label(
      "Alla belopp räknas med vanliga formler; bara raden märkt (tillägget) behöver tillägget FINSAM.",
      "note",
    ),
  ]);
}

/** What the plan was built from: said on the sheet, so that the board can see it. */
function basis(b: SheetBuilder, input: NextBudgetInput, cols: Columns): void {
  const { years } = cols;
  b.row([label("Underlag", "section")]);
  b.row([
    label(
      `Statlig tilldelning ${years[0]}: ${format(input.stateAllotment)} tkr, samma belopp de följande åren.`,
      "note",
    ),
  ]);
  b.row([label(`Avgifterna fördelas efter ${input.feeKey.source}.`, "note")]);
  b.row([label(`Eget kapital vid årets början ${years[0]}: ${input.opening.source}.`, "note")]);
  b.row(
    [
      label(`Kostnadsindex för ${years[years.length - 1]} (på ${years[years.length - 2]} års kostnader)`),
      inputCell(input.costIndex, "0.0 %"),
    ],
    "costIndex",
  );
  b.row([label(`Övriga intäkter ${years[years.length - 1]}: samma som ${years[years.length - 2]}.`, "note")]);
}

const format = (v: number) =>
  new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 3 }).format(v).replace(/[\u00a0\u202f]/g, " ");
