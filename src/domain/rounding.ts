import { invalid } from "./errors";
import { requireFinite, requireInteger, requireNonEmpty, requireNonNegative } from "./numbers";

/** The precision range a split may be rounded to: from millions (-6) to millionths (6). */
export const MIN_DECIMALS = -6;
export const MAX_DECIMALS = 6;
/** The largest weight a split takes (a population, a share, a key). */
export const MAX_SPLIT_WEIGHT = 1e15;

/**
 * Splits `total` into parts proportional to `weights`, each rounded to `decimals` decimals, so that
 * the parts add up **exactly** to `total` (largest-remainder, or Hamilton, method): every part is first
 * rounded towards zero, then the units left over go one each to the parts with the largest remainders.
 * Ties go to the larger weight, then to the earlier position, so the result never depends on chance.
 *
 * `decimals` works as in Excel's ROUND: 0 = whole units, 2 = hundredths, -3 = thousands.
 * A negative total (a cost) is split like its absolute value and keeps its sign.
 *
 * @example largestRemainderSplit(2845, [82.9, 5.1, 4.0, 2.9, 3.7, 1.3]) // [2361, 145, 114, 83, 105, 37]
 * `names` says what the weights are in error messages (populations, for a fee split).
 * @throws DomainError when a weight is negative, all weights are zero, or `total` has more decimals
 *   than `decimals` allows (then no split can add up exactly).
 */
export function largestRemainderSplit(
  total: number,
  weights: readonly number[],
  decimals = 0,
  names: { item: string; list: string } = { item: "weight", list: "weights" },
): number[] {
  requireFinite(total, "total");
  requireInteger(decimals, MIN_DECIMALS, MAX_DECIMALS, "decimals");
  requireNonEmpty(weights, names.list);
  weights.forEach((w, i) => {
    requireNonNegative(w, names.item, i);
    // No population, share or key is near 1E+15: a larger one is a mistake (or 1E+308 typed to test us).
    if (w > MAX_SPLIT_WEIGHT) throw invalid("tooLarge", { what: names.item, value: w, position: i + 1 });
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0) throw invalid("allZero", { what: names.list });

  const totalUnits = toUnits(total, decimals);
  const sign = totalUnits < 0 ? -1 : 1;
  const units = Math.abs(totalUnits);

  // Each quota is units × w / Σw. Weights as large as 1E+308 overflow that product (or Σw itself) to
  // Infinity, so then every weight is first divided by the largest: the shares, and the split, are the same.
  let maxWeight = 0;
  for (const w of weights) maxWeight = Math.max(maxWeight, w);
  const overflows = !Number.isFinite(weightSum) || !Number.isFinite(units * maxWeight);
  const scaled = overflows ? weights.map((w) => w / maxWeight) : weights;
  const scaledSum = overflows ? scaled.reduce((a, b) => a + b, 0) : weightSum;
  const quotas = scaled.map((w) => (units * w) / scaledSum);
  const floors = quotas.map(Math.floor);
  // Binary rounding of a quota (2.9999999999997 for 3) is harmless: the unit it loses comes back as the
  // largest remainder. The leftover is 0 to n − 1 units, in theory a unit less when a quota was rounded up.
  let leftover = units - floors.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(leftover) || Math.abs(leftover) > weights.length)
    throw invalid("tooLarge", { what: names.list, value: weightSum }); // never loop on arithmetic gone wrong
  const order = quotas
    .map((q, index) => ({ index, remainder: q - floors[index], weight: weights[index] }))
    .sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.index - b.index);
  // Both loops are bounded by the number of parts: at most n − 1 units are handed out or taken back.
  for (let k = 0; leftover > 0 && k < order.length; k++, leftover -= 1) floors[order[k].index] += 1;
  for (let pass = 0; leftover < 0 && pass < 2 * order.length; pass++) {
    const k = order.length - 1 - (pass % order.length);
    if (floors[order[k].index] > 0) {
      floors[order[k].index] -= 1;
      leftover += 1;
    }
  }
  if (leftover !== 0) throw invalid("tooLarge", { what: names.list, value: weightSum });
  return floors.map((u) => fromUnits(sign * u, decimals));
}

/** Converts an amount to whole units of the precision, refusing amounts finer than it. */
export function toUnits(amount: number, decimals: number): number {
  const scaled = decimals >= 0 ? amount * 10 ** decimals : amount / 10 ** -decimals;
  const whole = Math.round(scaled);
  if (Math.abs(scaled - whole) > 1e-7 * Math.max(1, Math.abs(scaled))) {
    throw invalid("totalNotRepresentable", { total: amount, decimals });
  }
  if (!Number.isSafeInteger(whole)) throw invalid("tooLarge", { what: "total", value: amount });
  return whole;
}

function fromUnits(units: number, decimals: number): number {
  // Dividing whole units by a power of ten gives the double nearest the decimal (no noise to clean); rounding
  // to 15 digits here lost the last digit of 16-digit totals, and the parts no longer added up (found by fuzzing).
  return (decimals >= 0 ? units / 10 ** decimals : units * 10 ** -decimals) + 0;
}
