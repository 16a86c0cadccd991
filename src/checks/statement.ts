import { checkSum } from "../domain/budget";
import { Grid, normalise } from "./grid";
import type { Finding } from "./types";

/**
 * Checks a financial statement printed in tkr — the Budget sheet (one column per year) or Utfall mot
 * budget (Utfall, Budget, Avvikelse) — the way an auditor reads it: every "Summa …" row against the rows
 * above it (or, when it follows other sums, against those sums), "Resultat" against Summa intäkter +
 * Summa kostnader, and on an outcome sheet every Avvikelse against Utfall − Budget. Each printed figure may
 * be off by half a tkr, so n parts and their sum may differ by up to (n + 1) / 2 without an error.
 *
 * A "Summa …" row whose label appeared before repeats that sum (a summary block) and is not a new sum.
 * A sum found wrong counts as the sum of its parts further on, so one wrong figure gives one finding,
 * not one on every total above it.
 */
export interface StatementColumns {
  /** Columns holding amounts to add up, with a name for messages (a year, "Utfall", "Budget"). */
  amounts: { column: number; name: string }[];
  /** On an outcome sheet: the Utfall, Budget and Avvikelse columns. */
  deviation?: { outcome: number; budget: number; deviation: number };
}

const ROUNDING = 1; // whole tkr
const SECTIONS = new Set(["intäkter", "kostnader", "sammanställning"]);

export function checkStatement(grid: Grid, from: number, to: number, columns: StatementColumns): Finding[] {
  const findings: Finding[] = [];
  const sheet = grid.sheet.name;
  const numericColumns = [
    ...columns.amounts.map((a) => a.column),
    ...(columns.deviation ? [columns.deviation.deviation] : []),
  ];
  const hasNumbers = (r: number) => numericColumns.some((c) => grid.number(r, c) !== null);

  let pending: number[] = [];
  let sectionSums: number[] = [];
  const seenSums = new Map<string, number>();
  const corrected = new Map<string, number>(); // "row,column" → the sum of its parts, for sums found wrong
  const original = new Map<number, number>(); // a repeated sum's row → the row it repeats
  const value = (r: number, c: number) =>
    corrected.get(`${original.get(r) ?? r},${c}`) ?? grid.number(r, c) ?? 0;

  for (let r = from; r <= to; r++) {
    const key = normalise(grid.label(r));
    if (!hasNumbers(r)) {
      // A label-only row: a section or group heading starts a new block.
      if (key !== "") {
        pending = [];
        if (SECTIONS.has(key)) sectionSums = [];
      }
      continue;
    }
    if (columns.deviation) checkDeviation(grid, r, columns.deviation, findings);
    if (key === "resultat") {
      const income = seenSums.get("summa intäkter");
      const costs = seenSums.get("summa kostnader");
      if (income !== undefined && costs !== undefined)
        checkParts(grid, r, [income, costs], columns, "resultMismatch", findings, value, corrected);
      pending = [];
      continue;
    }
    if (key.startsWith("summa ")) {
      if (seenSums.has(key)) {
        // A repeat in a summary block: a part of the sums that follow, standing for the sum it repeats.
        original.set(r, seenSums.get(key)!);
        sectionSums.push(r);
        pending = [];
        continue;
      }
      const parts = pending.length > 0 ? pending : sectionSums;
      if (parts.length > 0) checkParts(grid, r, parts, columns, "sumMismatch", findings, value, corrected);
      seenSums.set(key, r);
      sectionSums.push(r);
      pending = [];
      continue;
    }
    pending.push(r);
  }
  return findings.map((f) => ({ ...f, sheet }));
}

function checkParts(
  grid: Grid,
  row: number,
  parts: number[],
  columns: StatementColumns,
  code: "sumMismatch" | "resultMismatch",
  findings: Finding[],
  value: (row: number, column: number) => number,
  corrected: Map<string, number>,
): void {
  for (const { column, name } of columns.amounts) {
    const total = grid.number(row, column);
    if (total === null) continue;
    // Against the parts as printed, and against the parts as corrected: a total that follows a wrong
    // subtotal (a formula) and a total that is right despite it (a report) are both not new errors.
    const printed = checkSum(
      parts.map((p) => grid.number(p, column) ?? 0),
      total,
      ROUNDING,
    );
    const check = checkSum(
      parts.map((p) => value(p, column)),
      total,
      ROUNDING,
    );
    if (!printed.ok && !check.ok) {
      corrected.set(`${row},${column}`, check.sum);
      findings.push({
        sheet: "",
        cell: grid.address(row, column),
        severity: "error",
        code,
        params: {
          label: grid.label(row),
          column: name,
          printed: total,
          sum: check.sum,
          difference: check.difference,
          allowed: check.allowed,
        },
      });
    }
  }
}

function checkDeviation(
  grid: Grid,
  row: number,
  c: NonNullable<StatementColumns["deviation"]>,
  findings: Finding[],
): void {
  const outcome = grid.number(row, c.outcome);
  const budget = grid.number(row, c.budget);
  const deviation = grid.number(row, c.deviation);
  if (outcome === null || budget === null || deviation === null) return;
  // Three printed figures, each off by at most half a tkr.
  const check = checkSum([outcome, -budget], deviation, ROUNDING);
  const allowed = (3 * ROUNDING) / 2;
  if (Math.abs(check.difference) > allowed + 1e-9) {
    findings.push({
      sheet: "",
      cell: grid.address(row, c.deviation),
      severity: "error",
      code: "deviationMismatch",
      params: { label: grid.label(row), printed: deviation, expected: check.sum, outcome, budget },
    });
  }
}
