import { checkSum } from "../domain/budget";
import type { SheetData } from "../sheet/sheetData";
import {
  ANCHOR_COLUMN,
  anchorRole,
  columnKind,
  normalise,
  rowRole,
  unitIn,
  type AnchorRole,
} from "../sheet/vocabulary";
import { Grid } from "./grid";
import type { Finding } from "./types";

/**
 * The interim report (Uppföljning): recognised by its forecast anchors (the template's hidden column), or by
 * its title and a header with budget, forecast and deviation columns; read by its rows' roles (anchor, else
 * label); checked on its own terms:
 * - every sum against its lines (or, after other sums, against those sums), in every amount column, allowing
 *   for rounding ((n + 1) / 2 printed units); the deviation column is not summed: a sum's deviation is held to
 *   its own forecast − budget, so one wrong deviation is one finding;
 * - the result against Summa intäkter + Summa kostnader;
 * - every deviation against forecast − budget (three printed figures: 1.5 units);
 * - equity at year end by forecast against the start + the forecast result, and against the ceiling (a warning).
 * A forecast the economist typed over is an input like any other: only the arithmetic around it is checked.
 */
interface Column {
  column: number;
  name: string;
  kind: "budget" | "outcome" | "forecast" | "deviation";
}

interface FollowUpLayout {
  g: Grid;
  header: number;
  columns: Column[];
  rows: { row: number; role: AnchorRole | "line"; label: string }[];
  step: number;
  unit: "tkr" | "kr";
  year: number | null;
}

const roleOf = (g: Grid, r: number): AnchorRole | null => anchorRole(g.at(r, ANCHOR_COLUMN));

function rowsWith(g: Grid, role: AnchorRole): number[] {
  const out: number[] = [];
  for (let r = g.firstRow; r <= g.lastRow; r++) if (roleOf(g, r) === role) out.push(r);
  return out;
}

/** The first number right of a row's label (how the anchors' values are read). */
function firstNumber(g: Grid, r: number): number | null {
  for (let c = g.firstColumn + 1; c < g.firstColumn + g.columns && c < ANCHOR_COLUMN; c++) {
    const v = g.number(r, c);
    if (v !== null) return v;
  }
  return null;
}

export function readFollowUp(sheet: SheetData): FollowUpLayout | null {
  const g = new Grid(sheet);
  const anchored = rowsWith(g, "forecastYear").length > 0 || rowsWith(g, "forecastEquity").length > 0;
  if (!anchored && !g.hasTitle(/^Uppföljning/)) return null;
  // The header: the first row naming a budget, a forecast and a deviation column.
  for (let r = g.firstRow; r <= Math.min(g.lastRow, g.firstRow + 40); r++) {
    const columns: Column[] = [];
    for (let c = g.firstColumn; c < g.firstColumn + g.columns && c < ANCHOR_COLUMN; c++) {
      const kind = columnKind(g.at(r, c));
      if (kind === "budget" || kind === "outcome" || kind === "forecast" || kind === "deviation")
        columns.push({ column: c, name: g.text(r, c), kind });
    }
    const has = (k: Column["kind"]) => columns.some((c) => c.kind === k);
    if (!has("budget") || !has("forecast") || !has("deviation")) continue;
    const rows: FollowUpLayout["rows"] = [];
    for (let i = r + 1; i <= g.lastRow; i++) {
      const label = g.label(i);
      if (!label) continue;
      const role = roleOf(g, i) ?? rowRole(label) ?? "line";
      rows.push({ row: i, role, label });
    }
    let unit: "tkr" | "kr" = "tkr";
    for (let i = g.firstRow; i < r; i++) {
      const u = unitIn(g.text(i, g.firstColumn));
      if (u === "kr" || u === "tkr") unit = u;
    }
    const yearRow = rowsWith(g, "forecastYear")[0];
    return { g, header: r, columns, rows, step: 1, unit, year: yearRow ? firstNumber(g, yearRow) : null };
  }
  return null;
}

/** Is this sheet an interim report? */
export const isFollowUp = (sheet: SheetData) => readFollowUp(sheet) !== null;

export function checkFollowUp(sheet: SheetData): { unit: string; findings: Finding[] } | null {
  const layout = readFollowUp(sheet);
  if (!layout) return null;
  const { g, columns, step } = layout;
  const findings: Finding[] = [];
  const push = (
    row: number,
    column: number,
    code: Finding["code"],
    params: Finding["params"],
    severity: Finding["severity"] = "error",
  ) => findings.push({ sheet: sheet.name, cell: g.address(row, column), severity, code, params });
  const amounts = columns.filter((c) => c.kind !== "deviation");
  const deviation = columns.find((c) => c.kind === "deviation")!;
  const budget = columns.find((c) => c.kind === "budget")!;
  const forecast = columns.find((c) => c.kind === "forecast")!;

  // Sums and the result, in the statement (up to the result row).
  let lines: number[] = [];
  let sums: number[] = [];
  let incomeTotal: number | null = null;
  let costTotal: number | null = null;
  let section: "income" | "cost" | null = null;
  let resultRow: number | null = null;
  const statementRows: number[] = [];
  for (const { row, role, label } of layout.rows) {
    if (role === "incomeSection" || role === "costSection") {
      section = role === "incomeSection" ? "income" : "cost";
      lines = [];
      sums = [];
      continue;
    }
    if (role === "heading") {
      lines = [];
      continue;
    }
    if (role === "result") {
      resultRow = row;
      statementRows.push(row);
      break;
    }
    if (role === "sum") {
      const parts = lines.length > 0 ? lines : sums;
      for (const c of amounts) {
        const printed = g.number(row, c.column);
        if (printed === null || parts.length === 0) continue;
        const check = checkSum(
          parts.map((p) => g.number(p, c.column) ?? 0),
          printed,
          step,
        );
        if (!check.ok)
          push(row, c.column, "sumMismatch", {
            label,
            column: c.name,
            printed,
            sum: check.sum,
            difference: check.difference,
            allowed: check.allowed,
          });
      }
      if (lines.length > 0) sums.push(row);
      else if (section === "income") incomeTotal = row;
      if (section === "income" && normalise(label).startsWith("summa intäkter")) incomeTotal = row;
      if (section === "cost" && lines.length === 0) costTotal = row;
      lines = [];
      statementRows.push(row);
      continue;
    }
    if (role === "line" && section) {
      lines.push(row);
      statementRows.push(row);
    }
  }
  if (resultRow !== null && incomeTotal !== null && costTotal !== null) {
    for (const c of amounts) {
      const printed = g.number(resultRow, c.column);
      if (printed === null) continue;
      const check = checkSum(
        [g.number(incomeTotal, c.column) ?? 0, g.number(costTotal, c.column) ?? 0],
        printed,
        step,
      );
      if (!check.ok)
        push(resultRow, c.column, "resultMismatch", {
          label: g.label(resultRow),
          column: c.name,
          printed,
          sum: check.sum,
          difference: check.difference,
          allowed: check.allowed,
        });
    }
  }
  // Every deviation against forecast − budget.
  for (const r of statementRows) {
    const f = g.number(r, forecast.column);
    const bu = g.number(r, budget.column);
    if (f === null && bu === null) continue;
    const printed = g.number(r, deviation.column) ?? 0;
    const expected = (f ?? 0) - (bu ?? 0);
    if (Math.abs(printed - expected) > 1.5 * step + 1e-9)
      push(r, deviation.column, "deviationMismatch", {
        label: g.label(r),
        printed,
        expected,
        outcome: f ?? 0,
        budget: bu ?? 0,
        first: forecast.name,
        second: budget.name,
        order: "forward",
      });
  }
  // Equity at year end by forecast, and against the ceiling.
  const start = rowsWith(g, "equityStart")[0];
  const end = rowsWith(g, "forecastEquity")[0];
  if (start && end && resultRow !== null) {
    const s = firstNumber(g, start);
    const e = firstNumber(g, end);
    const result = g.number(resultRow, forecast.column);
    if (s !== null && e !== null && result !== null) {
      const check = checkSum([s, result], e, step);
      if (!check.ok)
        push(end, budget.column, "equityRollForward", {
          year: layout.year ?? "",
          printed: e,
          expected: check.sum,
        });
    }
    const ceiling = rowsWith(g, "ceiling")[0];
    const cap = ceiling ? firstNumber(g, ceiling) : null;
    if (cap !== null && e !== null && cap > 0 && e > cap)
      push(
        end,
        budget.column,
        "equityAboveCeiling",
        { year: layout.year ?? "", equity: e, ceiling: cap },
        "warning",
      );
  }
  return { unit: layout.unit, findings };
}

/**
 * What the next budget round reads from an interim report: the financial year and the equity at year end by
 * the forecast, from the anchored rows (the first number right of each label). The first sheet that has both.
 */
export function readForecast(
  sheets: readonly SheetData[],
): { sheet: string; year: number; equity: number } | null {
  for (const sheet of sheets) {
    const g = new Grid(sheet);
    const yearRow = rowsWith(g, "forecastYear")[0];
    const equityRow = rowsWith(g, "forecastEquity")[0];
    if (!yearRow || !equityRow) continue;
    const year = firstNumber(g, yearRow);
    const equity = firstNumber(g, equityRow);
    if (year !== null && equity !== null) return { sheet: sheet.name, year, equity };
  }
  return null;
}
