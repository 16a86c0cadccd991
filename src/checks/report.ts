import type { Grid } from "./grid";
import { rowLabel, type StatementLayout } from "./layout";
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
): StatementCoverage {
  const columns = [...layout.periods, ...(layout.total ? [layout.total] : []), ...layout.deviations];
  const amount = new Set(columns.map((c) => c.column));
  const inChecks = new Set<number>();
  for (const t of totals) {
    inChecks.add(t.row);
    for (const p of t.parts) inChecks.add(p);
  }
  let figures = 0;
  let checked = 0;
  const unreadable: string[] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++)
    for (const { column } of columns) {
      const v = g.reading(r, column);
      if (v.kind === "number" || v.kind === "nil") {
        figures++;
        if (inChecks.has(r) || layout.deviations.some((d) => d.column === column)) checked++;
      } else if ((v.kind === "text" && v.digits) || v.kind === "error") unreadable.push(g.address(r, column));
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
  const last = g.firstColumn + g.columns - 1;
  return {
    sheet: g.sheet.name,
    kind,
    range: `${g.address(layout.headerRow, g.firstColumn)}:${g.address(layout.lastRow, last)}`,
    figures,
    checked,
    unreadable,
    skippedColumns: skippedColumns.filter((s) => rowLabel(g, layout.headerRow, c0(g), c0(g)) !== s),
    uncheckedTotals: unchecked,
  };
}

const c0 = (g: Grid) => g.firstColumn;
