import { invalid } from "./errors";

/**
 * Small numeric guards and helpers shared by the rules. `what` names the quantity in an error
 * (an i18n key of `src/i18n`, e.g. "weight"), `index` its 0-based position in a list.
 */

export function requireFinite(value: number, what: string, index?: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalid("notFinite", withIndex({ what }, index));
  }
  return value;
}

export function requireNonNegative(value: number, what: string, index?: number): number {
  requireFinite(value, what, index);
  if (value < 0) throw invalid("negative", withIndex({ what, value }, index));
  return value;
}

export function requirePositive(value: number, what: string, index?: number): number {
  requireFinite(value, what, index);
  if (value <= 0) throw invalid("notPositive", withIndex({ what, value }, index));
  return value;
}

export function requireInRange(
  value: number,
  min: number,
  max: number,
  what: string,
  index?: number,
): number {
  requireFinite(value, what, index);
  if (value < min || value > max) throw invalid("outOfRange", withIndex({ what, value, min, max }, index));
  return value;
}

export function requireInteger(value: number, min: number, max: number, what: string): number {
  requireInRange(value, min, max, what);
  if (!Number.isInteger(value)) throw invalid("notInteger", { what, value });
  return value;
}

export function requireNonEmpty<L extends ArrayLike<unknown>>(list: L, what: string): L {
  if (list.length === 0) throw invalid("emptyList", { what });
  return list;
}

function withIndex(params: Record<string, string | number>, index: number | undefined) {
  return index === undefined ? params : { ...params, position: index + 1 };
}

/**
 * Removes binary floating-point noise from a computed amount (0.1 + 0.2 → 0.3, 2087.45 − 2040 → 47.45)
 * by keeping 15 significant digits of `magnitude`, the largest amount the result was computed from, which
 * is all the precision a spreadsheet figure has.
 */
export function clean(value: number, magnitude = Math.abs(value)): number {
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? 0 : value;
  const scale = Math.max(Math.abs(value), magnitude);
  const decimals = 14 - Math.floor(Math.log10(scale));
  if (decimals <= 0) return Number(value.toPrecision(15));
  return Math.round(value * 10 ** Math.min(decimals, 300)) / 10 ** Math.min(decimals, 300) || 0;
}

/** Sum with the noise removed: budget columns add up to what a person adds up by hand. */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let magnitude = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    total += v;
    magnitude = Math.max(magnitude, Math.abs(v), Math.abs(total));
  }
  return clean(total, magnitude);
}

/** a − b without noise. */
export function difference(a: number, b: number): number {
  return clean(a - b, Math.max(Math.abs(a), Math.abs(b)));
}

/** Rounds half away from zero to `decimals` decimals, as Excel's ROUND does. */
export function roundHalfAway(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = clean(Math.abs(value) * scale);
  return clean((Math.sign(value) * Math.round(scaled)) / scale);
}
