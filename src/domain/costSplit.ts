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
  const parts: [number, number, number] = [0, 0, 0];
  amounts.forEach((amount, i) => {
    requireFinite(amount, "amount", i);
    const row = shares[i];
    row.forEach((s) => requireInRange(s, 0, 1, "share", i));
    const sum = row[0] + row[1] + row[2];
    if (Math.abs(sum - 1) > ALLOCATION_TOLERANCE)
      throw invalid("sharesNot100", { position: i + 1, percent: Math.round(sum * 1000) / 10 });
    for (let k = 0; k < 3; k++) parts[k] += amount * row[k];
  });
  if (!parts.every(Number.isFinite)) throw invalid("tooLarge", { what: "amounts", value: Number.MAX_VALUE });
  if (decimals === undefined) return parts;
  const total = amounts.reduce((a, b) => a + b, 0);
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
