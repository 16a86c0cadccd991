import { invalid } from "./errors";
import { requireFinite, requireInRange, requireNonEmpty } from "./numbers";
import { largestRemainderSplit } from "./rounding";

/**
 * The cost distribution associations report: each cost line divided into administration, structural work
 * (strukturövergripande insatser) and work with participants (individinriktade insatser) by its own
 * allocation key — three shares that add up to 100 % — not by whole cost groups (part of the secretariat's
 * time is structural work, part of a platform's cost can be too).
 */
export const COST_CATEGORIES = ["administration", "structural", "individual"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export type Allocation = readonly [number, number, number];

/** The default key by cost group, as the Budget template has always mapped them. */
export const DEFAULT_ALLOCATION: Record<"office" | "operational" | "activities", Allocation> = {
  office: [1, 0, 0],
  operational: [0, 1, 0],
  activities: [0, 0, 1],
};

/** How far a row's shares may be from 100 % (shares typed as 33,3 % + 33,3 % + 33,4 % are exact). */
export const ALLOCATION_TOLERANCE = 1e-6;

/**
 * Splits cost lines into the three categories: Σ amountᵢ × shareᵢ,ₖ. With `decimals`, the three are rounded
 * by largest remainder so that they add up exactly to the lines' total at that precision.
 * @example costSplit([-1000, -500], [[0.4, 0.6, 0], [0, 0.1, 0.9]]) // [-400, -650, -450]
 */
export function costSplit(
  amounts: readonly number[],
  shares: readonly Allocation[],
  decimals?: number,
): [number, number, number] {
  requireNonEmpty(amounts, "amounts");
  if (shares.length !== amounts.length)
    throw invalid("lengthMismatch", { what: "shares", expected: amounts.length, actual: shares.length });
  const flat: number[] = new Array(3 * shares.length);
  for (let i = 0; i < shares.length; i++) for (let k = 0; k < 3; k++) flat[3 * i + k] = shares[i][k];
  return costSplitOf(amounts, flat, decimals, false);
}

/**
 * costSplit over the lines as ranges give them: the amounts, and their keys three by three in one flat list
 * (row by row, as a typed array holds a range). With `skipZero`, a line with no amount needs no key (a blank
 * or unfinished key on it is no error) and lines are counted in messages among those with an amount; with
 * none at all the split is [0, 0, 0]. One pass, no per-line allocation.
 */
export function costSplitOf(
  amounts: ArrayLike<number>,
  shares: ArrayLike<number>,
  decimals: number | undefined,
  skipZero: boolean,
): [number, number, number] {
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let total = 0;
  let count = 0;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i];
    if (skipZero && amount === 0) continue;
    const at = count++;
    requireFinite(amount, "amount", at);
    const s0 = shares[3 * i];
    const s1 = shares[3 * i + 1];
    const s2 = shares[3 * i + 2];
    requireInRange(s0, 0, 1, "share", at);
    requireInRange(s1, 0, 1, "share", at);
    requireInRange(s2, 0, 1, "share", at);
    const sum = s0 + s1 + s2;
    if (Math.abs(sum - 1) > ALLOCATION_TOLERANCE)
      throw invalid("sharesNot100", { position: at + 1, percent: Math.round(sum * 1000) / 10 });
    p0 += amount * s0;
    p1 += amount * s1;
    p2 += amount * s2;
    total += amount;
  }
  if (count === 0) return [0, 0, 0];
  const parts: [number, number, number] = [p0, p1, p2];
  if (!parts.every(Number.isFinite)) throw invalid("tooLarge", { what: "amounts", value: Number.MAX_VALUE });
  if (decimals === undefined) return parts;
  const scale = 10 ** decimals;
  const rounded = Math.round(total * scale) / scale;
  // Parts of one sign (all costs, or all income) split by their size; a mix has no honest rounding.
  const sign = Math.sign(rounded) || 1;
  if (parts.some((p) => p * sign < -1e-9))
    return parts.map((p) => Math.round(p * scale) / scale) as [number, number, number];
  if (rounded === 0) return [0, 0, 0];
  const split = largestRemainderSplit(
    rounded,
    parts.map((p) => Math.abs(p)),
    decimals,
    { item: "amount", list: "amounts" },
  );
  return [split[0], split[1], split[2]];
}
