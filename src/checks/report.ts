import type { Grid } from "./grid";
import { rowLabel, type AmountColumn, type StatementLayout } from "./layout";
import type { SumCheck } from "./statement";

/**
 * Stage 5 of the check: per statement, what was read and checked and what was not, and why — so that a
 * sheet the check could only partly understand is never taken for one found correct.
 */
export interface StatementCoverage {
  sheet: string;
  /** What the statement was recognised as (resultStatement, balanceSheet, budget …). */
  kind: string;
  /** Its cells, as A1 ("A3:F40"). */
  range: string;
  /** Figures read in its amount columns. */
  figures: number;
  /** Of those, figures a check ran over (a total, or a part of one). */
  checked: number;
  /** Cells in its amount columns that hold no readable figure (words with digits, error values). */
  unreadable: string[];
  /** Columns with figures that are not read as amounts (their header names no period). */
  skippedColumns: string[];
  /** Totals not checked in a column because a part could not be read or the column prints only totals. */
  uncheckedTotals: number;
}

export function coverage(
  g: Grid,
  layout: StatementLayout,
  kind: string,
  totals: SumCheck[],
  unchecked: number,
  deviations: ReadonlySet<number> = new Set(layout.deviations.map((d) => d.column)),
  /** Share columns whose lines make up the whole: checked like amounts (rules/shares.ts). */
  shares: AmountColumn[] = [],
): StatementCoverage {
  const columns = [
    ...layout.periods,
    ...(layout.total ? [layout.total] : []),
    ...layout.deviations,
    ...shares,
  ];
  const amount = new Set(columns.map((c) => c.column));
  // The statement's rows a check took in (a mark by row: a total may add 100 000 lines).
  const inChecks = new Uint8Array(Math.max(0, layout.lastRow - layout.firstRow + 1));
  const mark = (r: number) => {
    if (r >= layout.firstRow && r <= layout.lastRow) inChecks[r - layout.firstRow] = 1;
  };
  for (const t of totals) {
    mark(t.row);
    for (const p of t.parts) mark(p);
  }
  const deviation = deviations;
  const isDeviation = new Set(layout.deviations.map((d) => d.column));
  let figures = 0;
  let checked = 0;
  const unreadable: string[] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++)
    for (const { column } of columns) {
      const value = g.at(r, column);
      // A number: a figure where it is finite (blank where not), with no reading to make.
      const kind = typeof value === "number" ? (Number.isFinite(value) ? "number" : "blank") : null;
      const v = kind === null ? g.reading(r, column) : null;
      if (kind === "number" || v?.kind === "number" || v?.kind === "nil") {
        figures++;
        // A deviation is checked across (against its pair), a period's figure down (in a total).
        if (isDeviation.has(column) ? deviation.has(column) : inChecks[r - layout.firstRow] === 1) checked++;
      } else if (v && ((v.kind === "text" && v.digits) || v.kind === "error"))
        unreadable.push(g.address(r, column));
    }
  const skippedColumns: string[] = [];
  for (let c = layout.labelTo + 1; c < g.firstColumn + g.columns; c++) {
    if (amount.has(c)) continue;
    let numbers = 0;
    for (let r = layout.firstRow; r <= layout.lastRow; r++) if (typeof g.at(r, c) === "number") numbers++;
    // The cost distribution's key columns are read by their own check.
    if (/^(administration|struktur|individ)/i.test(g.text(layout.headerRow, c))) continue;
    if (numbers >= 2) skippedColumns.push(g.text(layout.headerRow, c) || g.address(layout.headerRow, c));
  }
  // A deviation or change column whose figures fit no pair of the table's periods (a change against a year
  // it does not print) is read, not checked.
  for (const d of layout.deviations)
    if (!deviations.has(d.column)) skippedColumns.push(g.text(layout.headerRow, d.column) || d.name);
  const last = g.firstColumn + g.columns - 1;
  return {
    sheet: g.sheet.name,
    kind,
    range: `${g.address(Math.max(layout.headerRow, g.firstRow), g.firstColumn)}:${g.address(layout.lastRow, last)}`,
    figures,
    checked,
    unreadable,
    skippedColumns: skippedColumns.filter((s) => rowLabel(g, layout.headerRow, c0(g), c0(g)) !== s),
    uncheckedTotals: unchecked,
  };
}

const c0 = (g: Grid) => g.firstColumn;
