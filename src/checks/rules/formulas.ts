import { checkSum } from "../../domain/budget";
import { columnLetter } from "../../sheet/a1";
import type { Grid } from "../grid";
import { rowLabel, stepAt, type AmountColumn, type StatementLayout } from "../layout";
import type { SumCheck } from "../statement";
import { rowList } from "../structure";
import type { Finding } from "../types";

/**
 * Rule: formulas are the author's own statement of structure. Where a total is a formula, what it adds is
 * checked against the table, never re-derived from the figures: a SUM that leaves out a line of its group
 * (with a figure in it), a total that refers to one line where its group has several. A number typed where
 * the cells beside it in the row are formulas of one shape is a typed-over total, reported with the formula
 * its neighbours imply (an error where that formula gives another figure, else a warning). A formula the
 * file carries no result for is said, never read as blank.
 */
export const meta = {
  id: "formulas",
  appliesTo: "statements read with formulas",
  severity: "error",
  codes: ["formulaOmits", "formulaSingle", "typedOver", "uncomputed"],
  doc: "SUM formulas against the groups they total; constants typed among formulas; formulas not computed.",
} as const;

const REF = /(?:'[^']*'|[A-Za-z0-9_]+)?!?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

/** The most rows a formula is spelled out to (a SUM over a whole ledger is read from the figures instead). */
const MAX_ROWS = 10_000;

const columnNumber = (letters: string) => {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
};

/** The rows a formula adds in one column, when it is only SUM(…), references and plus signs; else null. */
export function addedRows(formula: string, column: number): number[] | null {
  const body = formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  if (body.includes("!")) return null; // another sheet
  const bare = body.replace(/SUM\(/g, "(");
  if (!/^[A-Z0-9$:+(),]+$/.test(bare) || /[A-Z]\(/.test(bare)) return null; // another function
  const rows: number[] = [];
  for (const m of body.matchAll(REF)) {
    const c1 = columnNumber(m[1]);
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    if (c1 !== column || c2 !== column) return null; // a row total across, or another column
    const r1 = Number(m[2]);
    const r2 = m[4] ? Number(m[4]) : r1;
    // A range longer than that is not spelled out (bounded); the formula is then not read, never read in part.
    if (rows.length + Math.abs(r2 - r1) + 1 > MAX_ROWS) return null;
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) rows.push(r);
  }
  return rows.length > 0 ? rows : null;
}

/** A formula moved by `shift` columns (relative references only), the way Excel fills it across. */
export function shifted(formula: string, shift: number): string {
  return formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)/g,
    (all, abs: string, letters: string, rowAbs: string, row: string) =>
      abs ? all : `${columnLetter(columnNumber(letters) + shift)}${rowAbs}${row}`,
  );
}

/** `shares`: the share columns understood as parts of a whole, judged like amount columns (rules/shares.ts). */
export function checkFormulas(
  g: Grid,
  layout: StatementLayout,
  totals: SumCheck[],
  shares: AmountColumn[] = [],
): Finding[] {
  if (!g.hasFormulas) return [];
  const out: Finding[] = [];
  const columns = [...layout.periods, ...(layout.total ? [layout.total] : []), ...shares];
  const label = (r: number) => rowLabel(g, r, layout.labelFrom, layout.labelTo);
  const figure = (r: number, c: number) => (g.number(r, c) ?? 0) !== 0;
  for (const total of totals) {
    const group = total.group ?? total.parts;
    if (group.length === 0) continue;
    for (const { column, name } of columns) {
      const formula = g.formula(total.row, column);
      if (!formula) continue;
      const rows = addedRows(formula, column);
      if (!rows) continue;
      const added = new Set(rows);
      // The group is confirmed where the row's other figures add up by it, or another column's formula
      // covers a row this one leaves out; otherwise the formula's own reading stands.
      const siblings = new Set(
        columns
          .filter((c) => c.column !== column)
          .flatMap((c) => {
            const f = g.formula(total.row, c.column);
            return f ? (addedRows(f, c.column) ?? []) : [];
          }),
      );
      // Whether another column's typed figure adds up by the group does not depend on the row asked about.
      let byFigures: boolean | undefined;
      const addsByFigures = () =>
        (byFigures ??= columns.some(
          (c) =>
            c.column !== column &&
            !g.formula(total.row, c.column) &&
            // Zeros prove nothing: a column of nils "adds up" by any group.
            (g.number(total.row, c.column) ?? 0) !== 0 &&
            checkSum(
              group.map((p) => g.number(p, c.column) ?? 0),
              g.number(total.row, c.column)!,
              stepAt(g, layout, total.row, c.column),
            ).ok,
        ));
      const confirmed = (r: number) => siblings.has(r) || addsByFigures();
      // The rows the row's other formulas add above it belong to its group too: the author's own structure,
      // where the reading by figures may have followed the one formula that leaves a line out.
      const widened = [...siblings].filter((r) => r !== total.row && !added.has(r));
      const all = widened.length > 0 ? [...new Set([...group, ...widened])].sort((a, b) => a - b) : group;
      const missing = all.filter((r) => !added.has(r) && figure(r, column) && confirmed(r));
      // The group's span (above the total, or below it where the total stands on its heading).
      let first = Infinity;
      let last = -Infinity;
      for (const r of all) {
        first = Math.min(first, r); // no spread: a group may have 100 000 rows
        last = Math.max(last, r);
      }
      const covers = all.some((r) => added.has(r));
      if (
        rows.length === 1 &&
        all.length >= 2 &&
        missing.length > 0 &&
        all.filter((r) => figure(r, column)).length >= 2
      )
        out.push(
          at(g, total.row, column, "formulaSingle", {
            label: label(total.row),
            column: name,
            formula,
            rows: rowList(all),
          }),
        );
      else if (
        covers &&
        missing.length > 0 &&
        missing.every((r) => r >= first && r <= last && r !== total.row)
      )
        out.push(
          at(g, total.row, column, "formulaOmits", {
            label: label(total.row),
            column: name,
            formula,
            rows: rowList(missing),
          }),
        );
    }
  }
  out.push(...typedOver(g, layout, totals, shares));
  return out;
}

/** A number typed in a total's row where the row's other amount cells are formulas of one shape. */
function typedOver(g: Grid, layout: StatementLayout, totals: SumCheck[], shares: AmountColumn[]): Finding[] {
  const out: Finding[] = [];
  const columns = [...layout.periods, ...shares];
  for (const { row } of totals) {
    const shapes = new Map<string, number>();
    for (const { column } of columns) {
      const f = g.formula(row, column);
      if (f) {
        const shape = shifted(f, 1 - column); // as if in column A
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      }
    }
    const [shape, count] = [...shapes].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    if (count < 2 && !(count === 1 && columns.length === 2)) continue;
    for (const { column, name } of columns) {
      const printed = g.number(row, column);
      if (g.formula(row, column) || printed === null || typeof g.at(row, column) !== "number") continue;
      const formula = shifted(shape, column - 1);
      const rows = addedRows(formula, column);
      // A column that prints the total alone (a group's figure beside the body's lines) has nothing to add.
      if (!rows || rows.every((r) => g.blank(r, column))) continue;
      const expected = rows ? rows.reduce((a, r) => a + (g.number(r, column) ?? 0), 0) : null;
      const wrong = expected !== null && !checkSum([expected], printed, stepAt(g, layout, row, column)).ok;
      out.push({
        sheet: g.sheet.name,
        cell: g.address(row, column),
        severity: wrong ? "error" : "warning",
        code: "typedOver",
        params: { label: rowLabel(g, row, layout.labelFrom, layout.labelTo), column: name, printed, formula },
      });
    }
  }
  return out;
}

/** Formulas the file carries no result for, anywhere on the sheet. */
export function uncomputed(g: Grid): Finding[] {
  const set = g.sheet.uncomputed;
  if (!set || set.size === 0) return [];
  const out: Finding[] = [];
  const top = g.sheet.origin?.row ?? 1;
  const left = g.sheet.origin?.column ?? 1;
  for (const key of [...set].slice(0, 100)) {
    const [r, c] = key.split(",").map(Number);
    const formula = g.formula(top + r, left + c) ?? "";
    out.push({
      sheet: g.sheet.name,
      cell: g.address(top + r, left + c),
      severity: "warning",
      code: "uncomputed",
      params: { formula, label: rowLabel(g, top + r, g.firstColumn, Math.max(g.firstColumn, left + c - 1)) },
    });
  }
  return out;
}

function at(g: Grid, r: number, c: number, code: Finding["code"], params: Finding["params"]): Finding {
  return { sheet: g.sheet.name, cell: g.address(r, c), severity: "error", code, params };
}
