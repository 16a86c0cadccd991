import { invalid, notAvailable } from "./errors";
import { nameKey } from "./names";
import { requireInRange, requirePositive } from "./numbers";

/**
 * Impactindex = (sum of the weights of reached indicators) / (sum of all weights) × 100, over the actual
 * indicator weights. The board's target is 70.
 */

export const IMPACT_INDEX_TARGET = 70;

export interface IndexIndicator {
  weight: number;
  /** Goal attainment 0–1 (1 = reached); `null` when not measured, which counts as not reached. */
  attainment: number | null;
  area?: string;
}

export interface ImpactIndexOptions {
  /** Count a share between 0 and 1 pro rata. Off by default: then only a fully reached indicator counts. */
  partialCredit?: boolean;
  /** Only the indicators of this goal area count. */
  area?: string;
}

export interface ImpactIndexResult {
  /** 0–100, unrounded. */
  index: number;
  reachedWeight: number;
  totalWeight: number;
  indicatorCount: number;
  /** Indicators without a measured outcome (counted as not reached). */
  missing: number;
}

/**
 * @example impactIndex([{ weight: 10, attainment: 1 }, { weight: 5, attainment: 0 }]).index // 66.67
 */
export function impactIndex(
  indicators: readonly IndexIndicator[],
  options: ImpactIndexOptions = {},
): ImpactIndexResult {
  const areaKey = options.area === undefined ? undefined : nameKey(options.area);
  let reachedWeight = 0;
  let totalWeight = 0;
  let indicatorCount = 0;
  let missing = 0;
  indicators.forEach((indicator, i) => {
    requirePositive(indicator.weight, "weight", i);
    if (indicator.attainment !== null) requireInRange(indicator.attainment, 0, 1, "attainment", i);
    if (areaKey !== undefined && nameKey(indicator.area ?? "") !== areaKey) return;
    indicatorCount += 1;
    totalWeight += indicator.weight;
    if (indicator.attainment === null) {
      missing += 1;
      return;
    }
    reachedWeight += indicator.weight * credit(indicator.attainment, options.partialCredit ?? false);
  });
  if (indicatorCount === 0) {
    throw areaKey === undefined
      ? notAvailable("noIndicators")
      : notAvailable("noIndicatorsInArea", { area: options.area?.trim() ?? "" });
  }
  // Weights far beyond 1–10 can add up past the largest number: say so rather than answer NaN.
  if (!Number.isFinite(totalWeight)) throw invalid("tooLarge", { what: "weights", value: Number.MAX_VALUE });
  return { index: (reachedWeight / totalWeight) * 100, reachedWeight, totalWeight, indicatorCount, missing };
}

function credit(attainment: number, partialCredit: boolean): number {
  if (partialCredit) return attainment;
  return attainment >= 1 ? 1 : 0;
}

/** The index of every named area plus the total, each computed from the indicators. */
export function impactIndexByArea(
  indicators: readonly IndexIndicator[],
  areaNames: readonly string[],
  options: Omit<ImpactIndexOptions, "area"> = {},
): { total: ImpactIndexResult; areas: { name: string; result: ImpactIndexResult | null }[] } {
  const total = impactIndex(indicators, options);
  const areas = areaNames.map((name) => {
    const has = indicators.some((ind) => nameKey(ind.area ?? "") === nameKey(name));
    return { name, result: has ? impactIndex(indicators, { ...options, area: name }) : null };
  });
  return { total, areas };
}
