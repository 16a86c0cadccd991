import { invalid } from "./errors";
import { nameKey, requireUniqueNames } from "./names";
import { TextMap } from "./textMap";
import { requireInRange, requireNonEmpty, requirePositive } from "./numbers";

/**
 * The social budget's weighting: goal areas with index points, indicators with whole-number weights
 * 1–10, and each area's share of the total weight within its nominal share ± a tolerance.
 */

export interface GoalArea {
  name: string;
  points: number;
}

/** The 2023 goal areas and their points (250 in all). */
export const GOAL_AREAS_2023: readonly GoalArea[] = [
  { name: "Samhälls- och medborgarnytta", points: 100 },
  { name: "God samordning och medlemsnytta", points: 50 },
  { name: "Jämlik samverkan", points: 50 },
  { name: "Deltagarnöjdhet", points: 25 },
  { name: "Medarbetarnöjdhet", points: 25 },
];

export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 10;
/** The default tolerance on an area's share: ±5 percentage points. */
export const DEFAULT_SHARE_TOLERANCE = 0.05;

export interface WeightedIndicator {
  area: string;
  /** `null` when the weight is missing. */
  weight: number | null;
}

export interface AreaShare {
  name: string;
  points: number;
  nominalShare: number;
  weightSum: number;
  share: number;
  withinTolerance: boolean;
}

export interface WeightCheck {
  ok: boolean;
  /** Indicators whose weight is missing or not a whole number 1–10 (0-based positions). */
  invalidWeights: { index: number; weight: number | null }[];
  /** Indicators whose area is not one of the goal areas. */
  unknownAreas: { index: number; area: string }[];
  areas: AreaShare[];
  totalWeight: number;
  totalPoints: number;
}

export function isValidWeight(weight: number | null): weight is number {
  return weight !== null && Number.isInteger(weight) && weight >= MIN_WEIGHT && weight <= MAX_WEIGHT;
}

/**
 * Checks a social budget's weights. Shares are taken over every numeric weight, valid or not, so that a
 * typo (a weight of 100) shows both as an invalid weight and in its area's share.
 * @example checkWeights(indicators, GOAL_AREAS_2023).areas[0].share // 104 / 250 = 0.416 for the 2023 budget
 */
export function checkWeights(
  indicators: readonly WeightedIndicator[],
  areas: readonly GoalArea[],
  tolerance = DEFAULT_SHARE_TOLERANCE,
): WeightCheck {
  return checkWeightsOf(
    indicators.length,
    (i) => indicators[i].area,
    (i) => indicators[i].weight,
    areas,
    tolerance,
  );
}

/**
 * The same check over `count` indicators read by position (`areaOf`, `weightOf`): no object per indicator, for
 * a range of a million rows read straight from its cells.
 */
export function checkWeightsOf(
  count: number,
  areaOf: (index: number) => string,
  weightOf: (index: number) => number | null,
  areas: readonly GoalArea[],
  tolerance = DEFAULT_SHARE_TOLERANCE,
): WeightCheck {
  requireNonEmpty(areas, "areas");
  if (count === 0) requireNonEmpty([], "indicators");
  requireInRange(tolerance, 0, 1, "tolerance");
  const keys = requireUniqueNames(
    areas.map((a) => a.name),
    "areas",
  );
  areas.forEach((a, i) => requirePositive(a.points, "points", i));
  const totalPoints = areas.reduce((s, a) => s + a.points, 0);

  const areaByKey = new TextMap<number>();
  keys.forEach((k, i) => areaByKey.set(k, i));
  const weightSums = new Float64Array(areas.length);
  const invalidWeights: WeightCheck["invalidWeights"] = [];
  const unknownAreas: WeightCheck["unknownAreas"] = [];
  let totalWeight = 0;
  // An area's name is keyed once per distinct text (its area's position, or -1): a long list repeats the
  // same few areas.
  const keyed = new TextMap<number>();
  for (let index = 0; index < count; index++) {
    const weight = weightOf(index);
    if (weight !== null && !Number.isFinite(weight)) {
      throw invalid("notFinite", { what: "weight", position: index + 1 });
    }
    if (!isValidWeight(weight)) invalidWeights.push({ index, weight });
    const area = areaOf(index);
    let at = keyed.get(area);
    if (at === undefined) keyed.set(area, (at = areaByKey.get(nameKey(area)) ?? -1));
    if (at < 0) {
      unknownAreas.push({ index, area });
      continue;
    }
    const w = weight ?? 0;
    weightSums[at] += w;
    totalWeight += w;
  }

  const areaShares = areas.map((area, i): AreaShare => {
    const weightSum = weightSums[i];
    const nominalShare = area.points / totalPoints;
    const share = totalWeight > 0 ? weightSum / totalWeight : 0;
    const withinTolerance = Math.abs(share - nominalShare) <= tolerance + 1e-12;
    return { name: area.name, points: area.points, nominalShare, weightSum, share, withinTolerance };
  });
  const ok =
    invalidWeights.length === 0 && unknownAreas.length === 0 && areaShares.every((a) => a.withinTolerance);
  return { ok, invalidWeights, unknownAreas, areas: areaShares, totalWeight, totalPoints };
}
