import type { BudgetInput } from "../domain/budget";

/**
 * An illustrative outcome for the first budget year, in kronor, to show the outcome sheet and its checks
 * at work. It is made up (the seeds hold no outcome): each line is its budget moved by a fixed pattern of
 * a few percent plus some odd kronor, so that figures printed in tkr show real rounding differences.
 */
const DRIFT = [-0.031, 0.012, -0.054, 0.007, 0.026, -0.018, 0.041, -0.009, 0.0, 0.015];
const ODD_KRONOR = [137, 462, 581, 249, 713, 398, 826, 54, 655, 301];

export function illustrativeOutcomeKr(budget: BudgetInput): { income: number[]; costGroups: number[][] } {
  let i = 0;
  const move = (tkr: number) => {
    const k = i++;
    if (tkr === 0) return 0;
    return (
      Math.round(tkr * 1000 * (1 + DRIFT[k % DRIFT.length])) +
      Math.sign(tkr) * ODD_KRONOR[k % ODD_KRONOR.length]
    );
  };
  return {
    income: budget.income.map((line) => move(line.amounts[0])),
    costGroups: budget.costGroups.map((group) => group.lines.map((line) => move(line.amounts[0]))),
  };
}
