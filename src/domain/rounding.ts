import { invalid } from "./errors";
import { requireFinite, requireInteger, requireNonNegative } from "./numbers";

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
  weights: ArrayLike<number>,
  decimals = 0,
  names: { item: string; list: string } = { item: "weight", list: "weights" },
): number[] {
  requireFinite(total, "total");
  requireInteger(decimals, MIN_DECIMALS, MAX_DECIMALS, "decimals");
  const n = weights.length;
  if (n === 0) throw invalid("emptyList", { what: names.list });
  let weightSum = 0;
  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    requireNonNegative(w, names.item, i);
    // No population, share or key is near 1E+15: a larger one is a mistake (or 1E+308 typed to test us).
    if (w > MAX_SPLIT_WEIGHT) throw invalid("tooLarge", { what: names.item, value: w, position: i + 1 });
    weightSum += w;
    if (w > maxWeight) maxWeight = w;
  }
  if (weightSum <= 0) throw invalid("allZero", { what: names.list });

  const totalUnits = toUnits(total, decimals);
  const sign = totalUnits < 0 ? -1 : 1;
  const units = Math.abs(totalUnits);

  // Each quota is units × w / Σw. Weights that overflow that product are first divided by the largest: the
  // shares, and the split, are the same. Typed arrays, one pass each: the cost per part is flat up to millions.
  const overflows = !Number.isFinite(weightSum) || !Number.isFinite(units * maxWeight);
  let scaledSum = weightSum;
  if (overflows) {
    scaledSum = 0;
    for (let i = 0; i < n; i++) scaledSum += weights[i] / maxWeight;
  }
  const floors = new Float64Array(n);
  const remainders = new Float64Array(n);
  let floorSum = 0;
  for (let i = 0; i < n; i++) {
    const quota = (units * (overflows ? weights[i] / maxWeight : weights[i])) / scaledSum;
    floors[i] = Math.floor(quota);
    remainders[i] = quota - floors[i];
    floorSum += floors[i];
  }
  // Binary rounding of a quota (2.9999999999997 for 3) is harmless: the unit it loses comes back as the
  // largest remainder. The leftover is 0 to n − 1 units, in theory a unit less when a quota was rounded up.
  let leftover = units - floorSum;
  if (!Number.isFinite(leftover) || Math.abs(leftover) > n)
    throw invalid("tooLarge", { what: names.list, value: weightSum }); // never loop on arithmetic gone wrong
  // The order the units go by: largest remainder first, then the larger weight, then the earlier part.
  const before = (a: number, b: number) => remainders[b] - remainders[a] || weights[b] - weights[a] || a - b;
  if (leftover > 0) {
    // The first `leftover` parts in that order, found by selection (linear), not by sorting all n.
    const index = Int32Array.from({ length: n }, (_, i) => i);
    selectFirst(index, leftover, before);
    for (let k = 0; k < leftover; k++) floors[index[k]] += 1;
    leftover = 0;
  } else if (leftover < 0) {
    // Rare (a quota rounded up): take units back from the end of the order. Bounded: at most 2n passes.
    const order = Array.from({ length: n }, (_, i) => i).sort(before);
    for (let pass = 0; leftover < 0 && pass < 2 * n; pass++) {
      const k = order[n - 1 - (pass % n)];
      if (floors[k] > 0) {
        floors[k] -= 1;
        leftover += 1;
      }
    }
  }
  if (leftover !== 0) throw invalid("tooLarge", { what: names.list, value: weightSum });
  const parts = new Array<number>(n);
  for (let i = 0; i < n; i++) parts[i] = fromUnits(sign * floors[i], decimals);
  return parts;
}

/**
 * Rearranges `index` so that its first `k` entries are the k first under `before` (a strict total order),
 * in expected linear time (quickselect, middle pivot). Every pass shrinks the range, so it terminates.
 */
function selectFirst(index: Int32Array, k: number, before: (a: number, b: number) => number): void {
  let lo = 0;
  let hi = index.length - 1;
  while (lo < hi) {
    const pivot = index[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(index[i], pivot) < 0) i++;
      while (before(index[j], pivot) > 0) j--;
      if (i <= j) {
        const t = index[i];
        index[i] = index[j];
        index[j] = t;
        i++;
        j--;
      }
    }
    // [lo, j] come first, [i, hi] after; the k-th boundary lies in one of them.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
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
