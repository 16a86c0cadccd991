import { isCostLabel, normalise, rowRole } from "../sheet/vocabulary";
import type { Grid } from "./grid";
import { roleAt, rowLabel, type StatementLayout } from "./layout";
import type { Finding } from "./types";

/**
 * The cost distribution associations report — administration, strukturövergripande and individinriktade
 * insatser, in tkr and per cent — read wherever it is printed, and the allocation keys beside a statement:
 *  - each key row's three shares add up to 100 %;
 *  - a printed distribution adds up to its sum (within the rounding of three printed figures), each per cent
 *    is its amount of the sum, and the sum agrees with the statement's total costs beside it.
 * One wrong amount shows in the sum and in its own per cent: it is reported once, on the amount.
 */
const CATEGORY = [/^administration\b/, /^struktur/, /^individ/];

/** A statement beside the distribution: where it is, and each figure as it should be. */
export interface StatementReading {
  layout: StatementLayout;
  shouldBe: (row: number, column: number) => number;
  /** Rows the reading took as totals (by words, anchors or arithmetic): a total needs no allocation key. */
  totalRows?: ReadonlySet<number>;
}

export function checkDistribution(g: Grid, statement: StatementReading | null): Finding[] {
  const keys = checkKeys(g, statement?.layout ?? null, statement?.totalRows);
  // A key that is not 100 % (or missing) also makes the distribution miss the total: said once, on the key.
  const tables = checkTables(g, statement).filter((f) => keys.length === 0 || f.code !== "distributionTotal");
  return [...keys, ...tables];
}

/** Does a sheet print a cost distribution (so that a sheet with nothing else is recognised by it)? */
export function hasDistribution(g: Grid): boolean {
  return findTables(g).length > 0;
}

/**
 * Rows of an allocation key block (a header naming the three categories over three columns). A line with an
 * amount between the first and last keyed lines but no key (a row inserted later) is a finding too.
 */
function checkKeys(
  g: Grid,
  statement: StatementLayout | null,
  totalRows: ReadonlySet<number> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  for (let r = g.firstRow; r <= g.lastRow; r++) {
    for (let c = g.firstColumn; c + 2 < g.firstColumn + g.columns; c++) {
      if (!CATEGORY.every((p, k) => p.test(g.key(r, c + k)))) continue;
      const keyed = (row: number) => [0, 1, 2].some((k) => g.number(row, c + k) !== null);
      let last = 0;
      for (let row = r + 1; row <= g.lastRow; row++) if (keyed(row)) last = row;
      let first = 0;
      for (let row = r + 1; row <= last && !first; row++) if (keyed(row)) first = row;
      for (let row = r + 1; row <= g.lastRow; row++) {
        const shares = [0, 1, 2].map((k) => g.number(row, c + k));
        if (shares.every((s) => s === null)) {
          if (row > first && row < last && !totalRows.has(row) && isUnkeyedLine(g, statement, row, c))
            findings.push({
              sheet: g.sheet.name,
              cell: g.address(row, c),
              severity: "error",
              code: "allocationMissing",
              params: { label: rowLabel(g, row, g.firstColumn, c - 1) },
            });
          continue;
        }
        const sum = shares.reduce<number>((a, s) => a + (s ?? 0), 0);
        const scale = shares.some((s) => s !== null && s > 1.0001) ? 100 : 1;
        if (Math.abs(sum - scale) > 1e-6 * scale)
          findings.push({
            sheet: g.sheet.name,
            cell: g.address(row, c),
            severity: "error",
            code: "allocationNot100",
            params: {
              label: rowLabel(g, row, g.firstColumn, c - 1),
              percent: Math.round((sum / scale) * 1000) / 10,
            },
          });
      }
      return findings; // one key block a sheet
    }
  }
  return findings;
}

/** A cost line with an amount and no key: not a heading, sum or result. */
function isUnkeyedLine(g: Grid, statement: StatementLayout | null, row: number, keyColumn: number): boolean {
  let amount = false;
  for (let c = g.firstColumn; c < keyColumn; c++) if (typeof g.at(row, c) === "number") amount = true;
  if (!amount) return false;
  const label = rowLabel(g, row, g.firstColumn, keyColumn - 1);
  const role = statement ? roleAt(statement, row, label) : rowRole(label);
  return role === null;
}

interface Table {
  rows: [number, number, number];
  sumRow: number;
  headerRow: number;
  labelColumn: number;
}

/** The printed distribution tables of a sheet: three category rows and a sum row under a header. */
function findTables(g: Grid): Table[] {
  const tables: Table[] = [];
  const labelAt = (r: number) => {
    for (let c = g.firstColumn; c < g.firstColumn + Math.min(g.columns, 6); c++) {
      const t = g.text(r, c);
      if (t && g.number(r, c) === null) return { text: g.key(r, c), column: c };
    }
    return null;
  };
  for (let r = g.firstRow; r + 3 <= g.lastRow; r++) {
    const first = labelAt(r);
    if (!first || !CATEGORY[0].test(first.text)) continue;
    const rows = [r, r + 1, r + 2] as [number, number, number];
    if (!rows.every((row, k) => CATEGORY[k].test(labelAt(row)?.text ?? ""))) continue;
    let sumRow = 0;
    for (let s = r + 3; s <= Math.min(g.lastRow, r + 4); s++) {
      const l = labelAt(s)?.text ?? "";
      if (rowRole(l) === "sum" || /^(summa|totalt|total)\b/.test(l)) {
        sumRow = s;
        break;
      }
    }
    if (!sumRow) continue;
    let headerRow = 0;
    for (let h = r - 1; h >= Math.max(g.firstRow, r - 4) && !headerRow; h--)
      for (let c = first.column + 1; c < g.firstColumn + g.columns; c++) if (g.text(h, c)) headerRow = h;
    tables.push({ rows, sumRow, headerRow, labelColumn: first.column });
  }
  return tables;
}

/** "2021 tkr" and "2021 %" name the same period: the header without its unit. */
const periodKey = (header: string) =>
  normalise(header)
    .replace(/\((tkr|kr|mkr|%)\)|\b(tkr|kr|mkr|belopp|andel|andelar|procent|amount|share|percent)\b|%/g, "")
    .replace(/\s+/g, " ")
    .trim();

function checkTables(g: Grid, statement: StatementReading | null): Finding[] {
  const findings: Finding[] = [];
  const push = (row: number, column: number, code: Finding["code"], params: Finding["params"]) =>
    findings.push({ sheet: g.sheet.name, cell: g.address(row, column), severity: "error", code, params });
  for (const t of findTables(g)) {
    const amountColumns: { column: number; header: string }[] = [];
    const percentColumns: { column: number; header: string }[] = [];
    for (let c = t.labelColumn + 1; c < g.firstColumn + g.columns; c++) {
      if (!t.rows.some((r) => g.number(r, c) !== null)) continue;
      const header = t.headerRow ? g.text(t.headerRow, c) : "";
      (/%|andel|procent|share|percent/i.test(header) ? percentColumns : amountColumns).push({
        column: c,
        header,
      });
    }
    for (const a of amountColumns) {
      const p =
        percentColumns.find((x) => periodKey(x.header) === periodKey(a.header)) ??
        (amountColumns.length === 1 && percentColumns.length === 1 ? percentColumns[0] : undefined);
      const amounts = t.rows.map((r) => g.number(r, a.column) ?? 0);
      const sum = g.number(t.sumRow, a.column);
      if (sum === null) continue;
      const step = printedStep([...amounts, sum]);
      const name = a.header || "tkr";
      const total = amounts.reduce((x, y) => x + y, 0);
      const off = total - sum;
      const tolSum = 2 * step; // three printed figures and their sum: (3 + 1) / 2 units
      const shares = p ? t.rows.map((r) => g.number(r, p.column)) : null;
      const scale = shares?.some((s) => s !== null && Math.abs(s) > 1.5) ? 100 : 1;
      const pStep = shares
        ? printedStep(
            shares.filter((s): s is number => s !== null).map((s) => s / scale),
            6,
          )
        : 0;
      const tolShare = pStep / 2 + step / 2 / Math.max(Math.abs(sum), step) + 1e-9;
      let wrongAmount = -1;
      let sumWrong = false;
      if (Math.abs(off) > tolSum) {
        // The amount whose own per cent of the sum says it should be `off` less: that amount is wrong.
        const k = shares
          ? [0, 1, 2].find(
              (i) =>
                shares[i] !== null &&
                Math.abs(amounts[i] - ((shares[i] as number) / scale) * sum - off) <=
                  step / 2 + Math.abs(sum) * tolShare,
            )
          : undefined;
        if (k !== undefined) {
          wrongAmount = k;
          push(t.rows[k], a.column, "distributionAmount", {
            label: g.text(t.rows[k], t.labelColumn),
            column: name,
            printed: amounts[k],
            expected: amounts[k] - off,
          });
        } else {
          sumWrong = true;
          push(t.sumRow, a.column, "distributionSum", {
            label: g.text(t.sumRow, t.labelColumn),
            column: name,
            printed: sum,
            sum: total,
            difference: off,
            allowed: tolSum,
          });
        }
      }
      if (p && shares) {
        const base = sumWrong ? total : sum;
        t.rows.forEach((r, k) => {
          if (k === wrongAmount || shares[k] === null || base === 0) return;
          const expected = amounts[k] / base;
          if (Math.abs((shares[k] as number) / scale - expected) > tolShare)
            push(r, p.column, "distributionShare", {
              label: g.text(r, t.labelColumn),
              column: p.header || "%",
              printed: Math.round(((shares[k] as number) / scale) * 1000) / 10,
              expected: Math.round(expected * 1000) / 10,
            });
        });
      }
      if (!sumWrong && statement) {
        const costTotal = statementCostTotal(g, statement.layout, a.header, a.column, statement.shouldBe);
        const agrees = (v: number) => Math.abs(Math.abs(sum) - Math.abs(v)) <= 1.5 * step;
        if (costTotal && !costTotal.some(agrees))
          push(t.sumRow, a.column, "distributionTotal", {
            column: name,
            printed: sum,
            expected: costTotal[0],
          });
      }
    }
  }
  return findings;
}

/**
 * The statement's total costs in the column that matches a distribution column (same period in the header,
 * or the same column): the last cost sum before the first result. Both as printed and as it should be (a
 * total that follows a wrong subtotal is reported there, not again here).
 */
function statementCostTotal(
  g: Grid,
  s: StatementLayout,
  header: string,
  column: number,
  shouldBe: (row: number, column: number) => number,
): number[] | null {
  let row = 0;
  for (let r = s.firstRow; r <= s.lastRow; r++) {
    const label = rowLabel(g, r, s.labelFrom, s.labelTo);
    const role = roleAt(s, r, label);
    if (role === "result") break;
    if ((role === "sum" || role === "repeat") && isCostLabel(label)) row = r;
  }
  if (!row) return null;
  const key = periodKey(header);
  const period =
    s.periods.find((p) => key !== "" && periodKey(p.name) === key) ??
    s.periods.find((p) => p.column === column);
  const printed = period ? g.number(row, period.column) : null;
  return period && printed !== null ? [printed, shouldBe(row, period.column)] : null;
}

/** The finest printed precision among figures, down to 10^-max. */
function printedStep(values: number[], max = 2): number {
  let decimals = 0;
  for (const v of values)
    while (decimals < max && Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) > 1e-9) decimals++;
  return 10 ** -decimals;
}
