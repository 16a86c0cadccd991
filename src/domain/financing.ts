import { largestRemainderSplit, MAX_DECIMALS, MIN_DECIMALS } from "./rounding";
import { requireInteger, requireNonEmpty, requireNonNegative, roundHalfAway, sum } from "./numbers";
import { invalid } from "./errors";

/**
 * Member financing under FINSAM (SFS 2003:1210): the state pays half, the region a quarter and the
 * municipalities together a quarter. Given the state's allotment, the region pays half of it and the
 * municipalities split the other half by their working-age population.
 */
export interface MemberFinancing {
  state: number;
  region: number;
  /** Each municipality's fee, in the order of the populations. */
  municipalities: number[];
  /** The municipalities' quarter: always equal to `region`. */
  municipalTotal: number;
  /** State + region + municipalities. */
  memberTotal: number;
}

/**
 * @param stateAllotment the state's contribution (Försäkringskassan and Arbetsförmedlingen together)
 * @param populations each municipality's population of working age (or its share; only ratios matter)
 * @param decimals precision of every amount, as in Excel's ROUND (0 = whole units of the sheet)
 * @example memberFinancing(5690, [82.9, 5.1, 4.0, 2.9, 3.7, 1.3]).region // 2845
 *
 * When half the allotment is finer than the precision (5 691 tkr at 0 decimals), the region's amount is
 * rounded half up and the municipalities split exactly that rounded amount, so the two halves stay equal.
 */
export function memberFinancing(
  stateAllotment: number,
  populations: readonly number[],
  decimals = 0,
): MemberFinancing {
  requireNonNegative(stateAllotment, "stateAllotment");
  requireInteger(decimals, MIN_DECIMALS, MAX_DECIMALS, "decimals");
  const region = roundHalfAway(stateAllotment / 2, decimals);
  const municipalities = largestRemainderSplit(region, populations, decimals, POPULATION_NAMES);
  return {
    state: stateAllotment,
    region,
    municipalities,
    municipalTotal: region,
    memberTotal: sum([stateAllotment, region, region]),
  };
}

/** Each population's share of the total (0–1), e.g. for "Umeå kommun, 82,9 % av arb-bef." labels. */
export function populationShares(populations: readonly number[]): number[] {
  requireNonEmpty(populations, "populations");
  populations.forEach((p, i) => requireNonNegative(p, "population", i));
  const total = populations.reduce((a, b) => a + b, 0);
  if (total <= 0) throw invalid("allZero", { what: "populations" });
  return populations.map((p) => p / total);
}

/** How a split by population names its weights in messages. */
export const POPULATION_NAMES = { item: "population", list: "populations" } as const;

/** The shares of member funding: state 50 %, region 25 %, municipalities together 25 %. */
export const FINANCING_SHARES = { state: 0.5, region: 0.25, municipalities: 0.25 } as const;
