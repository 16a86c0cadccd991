import type { Grid } from "../grid";
import { parseAmountText } from "../cells";
import { decimalsOf, rowLabel, type AmountColumn, type StatementLayout } from "../layout";
import type { SumCheck } from "../statement";
import { rowList } from "../structure";
import type { Finding } from "../types";

/**
 * Rule: a column of shares beside a statement's amounts (`Ägarfördelning`, `Andel %`, `Share`, `3,7 %`). A
 * share is not an amount: a share of its section and a share of the whole look alike, and adding the wrong
 * one would call a right table wrong. So a share total is judged only where its lines show which they are:
 * the lines the statement's reading takes the total to add (from its amount columns, never from the share
 * column) come to the whole — 100, or 1 for fractions — within rounding, and the total printed beside them
 * is another figure. A line without a readable share decides nothing.
 */
export const meta = {
  id: "shares",
  appliesTo: "statements with a share column",
  severity: "error",
  codes: ["sumMismatch"],
  doc: "A share column's total against its lines, where the lines make up the whole (100 % or 1).",
} as const;

/** The least number of lines a whole is judged by: two shares adding to 100 prove little. */
const MIN_LINES = 3;

/** A share as printed: a number, or a text such as `3,7 %`. */
function share(g: Grid, r: number, c: number): number | null {
  const n = g.number(r, c);
  if (n !== null) return n;
  const raw = g.at(r, c);
  if (typeof raw !== "string" || !/\d\s*%$/.test(raw.trim())) return null;
  return parseAmountText(raw.trim().replace(/\s*%$/, ""));
}

/** The decimals a share shows (`10,44` → 2; a typed 8,20 is stored as 8.2 and shows 1). */
function decimals(g: Grid, r: number, c: number): number {
  const d = decimalsOf(g, r, c);
  if (d !== null) return d;
  const m = /[,.](\d+)\s*%$/.exec(String(g.at(r, c) ?? "").trim());
  return m ? Math.min(m[1].length, 4) : 0;
}

/**
 * The share columns whose lines make up the whole for some total (understood: their formulas and typed
 * figures are judged like an amount column's), and the findings on their totals.
 */
export function checkShares(
  g: Grid,
  layout: StatementLayout,
  totals: SumCheck[],
): { findings: Finding[]; understood: AmountColumn[] } {
  const out: Finding[] = [];
  const understood: AmountColumn[] = [];
  for (const col of layout.shares ?? []) {
    const { column, name } = col;
    for (const total of totals) {
      if (total.parts.length < MIN_LINES) continue;
      const printed = share(g, total.row, column);
      if (printed === null) continue;
      const values = total.parts.map((r) => share(g, r, column));
      if (values.some((v) => v === null)) continue;
      const lines = values as number[];
      const sum = lines.reduce((a, b) => a + b, 0);
      // The lines' printed precision is the most decimals any of them shows: a typed figure drops its zeros.
      let most = 0;
      for (const r of total.parts) most = Math.max(most, decimals(g, r, column));
      const step = 10 ** -most;
      const allowed = ((lines.length + 1) / 2) * step + 1e-9;
      const fractions = lines.every((v) => v >= 0 && v <= 1);
      const whole = fractions && Math.abs(sum - 1) <= allowed ? 1 : 100;
      if (Math.abs(sum - whole) > allowed) continue;
      if (!understood.includes(col)) understood.push(col);
      if (Math.abs(printed - sum) <= allowed) continue;
      out.push({
        sheet: g.sheet.name,
        cell: g.address(total.row, column),
        severity: "error",
        code: "sumMismatch",
        params: {
          label: rowLabel(g, total.row, layout.labelFrom, layout.labelTo),
          column: name,
          printed,
          sum: Math.round(sum / step) * step,
          difference: printed - sum,
          allowed,
          rows: rowList(total.parts),
        },
      });
    }
  }
  return { findings: out, understood };
}
