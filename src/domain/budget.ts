import { invalid, notAvailable } from "./errors";
import { clean, difference, requireFinite, requireNonEmpty, requirePositive, sum } from "./numbers";

/**
 * Budget arithmetic of a samordningsförbund: several budget years side by side, income positive and
 * costs negative (as in the board's tables), result = income + costs, equity rolled forward.
 */

/** One row of a budget table: a label and one amount per budget year. */
export interface BudgetLine {
  label: string;
  amounts: readonly number[];
}

/** A cost group with its rows (Kansli och styrelse, Verksamhetsnära kostnader, Verksamheter). */
export interface CostGroup {
  name: string;
  lines: readonly BudgetLine[];
}

export interface BudgetInput {
  years: readonly number[];
  income: readonly BudgetLine[];
  costGroups: readonly CostGroup[];
  /** Eget kapital vid årets början of the first year. */
  openingEquity: number;
}

export interface BudgetTotals {
  incomeTotal: number[];
  /** One row per cost group, one column per year. */
  groupTotals: number[][];
  costTotal: number[];
  result: number[];
  equityStart: number[];
  equityEnd: number[];
}

/** Adds up a set of budget lines year by year. */
export function sumLines(lines: readonly BudgetLine[], yearCount: number): number[] {
  lines.forEach((line, i) => {
    if (line.amounts.length !== yearCount) {
      throw invalid("lengthMismatch", { what: "amounts", expected: yearCount, actual: line.amounts.length });
    }
    line.amounts.forEach((a) => requireFinite(a, "amount", i));
  });
  return Array.from({ length: yearCount }, (_, y) => sum(lines.map((line) => line.amounts[y])));
}

/**
 * Equity at the start and end of each year: end = start + result; the next year starts where this one
 * ended.
 * @example rollEquity(2040, [-1146, -102, -9]) // { start: [2040, 894, 792], end: [894, 792, 783] }
 */
export function rollEquity(
  openingEquity: number,
  results: readonly number[],
): { start: number[]; end: number[] } {
  requireFinite(openingEquity, "openingEquity");
  const start: number[] = [];
  const end: number[] = [];
  let equity = openingEquity;
  results.forEach((result, i) => {
    requireFinite(result, "result", i);
    start.push(equity);
    equity = sum([equity, result]);
    end.push(equity);
  });
  return { start, end };
}

/** The whole multi-year budget: sums per group, totals, result and equity. */
export function computeBudget(input: BudgetInput): BudgetTotals {
  const yearCount = requireNonEmpty(input.years, "years").length;
  const incomeTotal = sumLines(input.income, yearCount);
  const groupTotals = input.costGroups.map((group) => sumLines(group.lines, yearCount));
  const costTotal = Array.from({ length: yearCount }, (_, y) => sum(groupTotals.map((g) => g[y])));
  const result = incomeTotal.map((income, y) => sum([income, costTotal[y]]));
  const { start, end } = rollEquity(input.openingEquity, result);
  return { incomeTotal, groupTotals, costTotal, result, equityStart: start, equityEnd: end };
}

/**
 * Utfall mot budget: Avvikelse = Utfall − Budget. On a cost row (negative amounts) a positive deviation
 * is an under-spend; on an income row it is more income than budgeted.
 */
export function deviation(outcome: number, budget: number): number {
  return difference(requireFinite(outcome, "outcome"), requireFinite(budget, "budget"));
}

export interface SumCheck {
  ok: boolean;
  sum: number;
  difference: number;
  /** The largest difference that rounding of the printed figures can explain. */
  allowed: number;
}

/**
 * Do printed parts add up to a printed total? Each figure printed rounded to `rounding` (1 = whole
 * tkr) is off by at most half of it, so n parts and their total may disagree by up to
 * rounding × (n + 1) / 2 without any error. `rounding` 0 demands an exact sum.
 * @example checkSum([2520, 485, 9630], 12635, 1) // ok, difference 0
 */
export function checkSum(parts: ArrayLike<number>, total: number, rounding = 0): SumCheck {
  requireFinite(total, "total");
  if (!(rounding >= 0) || !Number.isFinite(rounding))
    throw invalid("negative", { what: "rounding", value: rounding });
  for (let i = 0; i < parts.length; i++) if (!Number.isFinite(parts[i])) requireFinite(parts[i], "part", i);
  const partSum = sum(parts);
  const diff = difference(partSum, total);
  const allowed = clean((rounding * (parts.length + 1)) / 2);
  // Parts too large to add (1E+308 + 1E+308) add up to no total at all.
  if (!Number.isFinite(partSum)) return { ok: false, sum: partSum, difference: diff, allowed };
  const epsilon = 1e-9 * Math.max(1, Math.abs(total), Math.abs(partSum));
  return { ok: Math.abs(diff) <= allowed + epsilon, sum: partSum, difference: diff, allowed };
}

/** The three kinds of cost in a samordningsförbund's annual report. */
export interface CostKinds {
  administration: number;
  structural: number;
  individual: number;
}

/**
 * Kostnadsfördelning: each kind's amount and share of the total costs.
 * @example costDistribution({ administration: -2520, structural: -485, individual: -9630 }).shares.administration // ≈ 0.199
 */
export function costDistribution(costs: CostKinds): { total: number; shares: CostKinds } {
  const kinds = ["administration", "structural", "individual"] as const;
  kinds.forEach((k) => requireFinite(costs[k], k));
  const total = sum(kinds.map((k) => costs[k]));
  if (total === 0) throw notAvailable("zeroTotal", { what: "costs" });
  return {
    total,
    shares: {
      administration: costs.administration / total,
      structural: costs.structural / total,
      individual: costs.individual / total,
    },
  };
}

/** Soliditet (equity ratio) = equity / total assets. */
export function equityRatio(equity: number, totalAssets: number): number {
  requireFinite(equity, "equity");
  requirePositive(totalAssets, "totalAssets");
  const ratio = equity / totalAssets;
  // Assets as small as 1E-308 make any equity an infinite ratio: say so, not ±Infinity.
  if (!Number.isFinite(ratio)) throw invalid("tooSmall", { what: "totalAssets", value: totalAssets });
  return ratio;
}

/**
 * Balanskravsresultat = the year's result − realised gains + realised losses − allocations to a
 * reserve + use of a reserve. For most associations it equals the year's result.
 */
export function balanceRequirementResult(
  result: number,
  adjustments: {
    realisedGains?: number;
    realisedLosses?: number;
    reserveAllocation?: number;
    reserveUse?: number;
  } = {},
): number {
  const { realisedGains = 0, realisedLosses = 0, reserveAllocation = 0, reserveUse = 0 } = adjustments;
  [result, realisedGains, realisedLosses, reserveAllocation, reserveUse].forEach((v) =>
    requireFinite(v, "amount"),
  );
  return sum([result, -realisedGains, realisedLosses, -reserveAllocation, reserveUse]);
}
