import { invalid, notAvailable } from "./errors";
import {
  clean,
  difference,
  requireInRange,
  requireNonEmpty,
  requireNonNegative,
  requirePositive,
  sum,
} from "./numbers";

/**
 * The equity ceiling ("trappan") recommended by Nationella rådet (2013-10-02): a marginal staircase like
 * tax brackets. Each step gives the rate that applies to the part of the base up to its limit.
 */
export interface CeilingStep {
  /** Upper limit of the step in kronor; `null` for an open last step. */
  upTo: number | null;
  /** Marginal rate on the part of the base inside the step (0–1). */
  rate: number;
}

/**
 * The documented part of the recommendation: 20 % of the allotment up to 7 000 000 kr, 15 % of the part
 * from 7 000 000 to 15 000 000 kr. The rule above 15 mkr is not in our sources, so the default steps end
 * there: a larger base needs steps given by the user.
 */
export const DEFAULT_CEILING_STEPS: readonly CeilingStep[] = [
  { upTo: 7_000_000, rate: 0.2 },
  { upTo: 15_000_000, rate: 0.15 },
];

export interface CeilingPart {
  from: number;
  to: number;
  rate: number;
  amount: number;
}

/**
 * The recommended maximum equity for a base (the members' allotment or the year's total income), both
 * in kronor.
 * @example equityCeiling(11_583_000).ceiling // 2 087 450 (1 400 000 + 15 % of 4 583 000)
 */
export function equityCeiling(
  baseKr: number,
  steps: readonly CeilingStep[] = DEFAULT_CEILING_STEPS,
): { ceiling: number; parts: CeilingPart[] } {
  requireNonNegative(baseKr, "base");
  validateSteps(steps);
  const parts: CeilingPart[] = [];
  let from = 0;
  for (const step of steps) {
    if (baseKr <= from) break;
    const to = step.upTo === null ? baseKr : Math.min(baseKr, step.upTo);
    parts.push({ from, to, rate: step.rate, amount: clean((to - from) * step.rate) });
    from = step.upTo ?? baseKr;
  }
  const last = steps[steps.length - 1].upTo;
  if (last !== null && baseKr > last) {
    throw notAvailable(steps === DEFAULT_CEILING_STEPS ? "baseAboveDefaultSteps" : "baseAboveSteps", {
      base: baseKr,
      limit: last,
    });
  }
  return { ceiling: sum(parts.map((p) => p.amount)), parts };
}

/** Steps must have rising positive limits, rates 0–1, and an open limit only on the last step. */
export function validateSteps(steps: readonly CeilingStep[]): void {
  requireNonEmpty(steps, "steps");
  let previous = 0;
  steps.forEach((step, i) => {
    requireInRange(step.rate, 0, 1, "rate", i);
    if (step.upTo === null) {
      if (i !== steps.length - 1) throw invalid("stepsOpenEndNotLast", { position: i + 1 });
      return;
    }
    requirePositive(step.upTo, "threshold", i);
    if (step.upTo <= previous) throw invalid("stepsNotAscending", { position: i + 1 });
    previous = step.upTo;
  });
}

/** Where the year-end equity stands against the ceiling: positive headroom is below it. */
export function ceilingStatus(equity: number, ceiling: number): { over: boolean; headroom: number } {
  return { over: equity > ceiling, headroom: difference(ceiling, equity) };
}
