/**
 * A split by largest remainder in native formulas, for any number of parts, so that a workbook opened
 * without the add-in still bills the members exactly their quarter. Each part's quota is `units × w / Σw`;
 * a helper column keeps its whole units, another its remainder (rounded to nine places, so that the text a
 * criterion is made of reads back as the same number in every program); the units left over go one each to
 * the largest remainders, then the larger weight, then the earlier row — the order FINSAM.FINANCING and
 * `largestRemainderSplit` use. Only COUNTIFS, INT and ROUND: no array arithmetic, which not every engine does.
 */
export interface SplitLayout {
  /** The whole units to split, as an expression (e.g. "ROUND(E14*10^0,0)"). */
  units: string;
  /** The weights, an absolute range, and part i's weight cell. */
  weights: string;
  weight: (i: number) => string;
  /** The weights of the parts before part i (same rows as `restsBefore`), or null for the first. */
  weightsBefore: (i: number) => string | null;
  /** The helper columns: absolute ranges, and part i's cells. */
  floors: string;
  rests: string;
  floor: (i: number) => string;
  rest: (i: number) => string;
  restsBefore: (i: number) => string | null;
}

/** Part i's whole units, its remainder, and its share of the units (whole units plus one if among the largest). */
export function splitFormulas(s: SplitLayout, i: number): { floor: string; rest: string; units: string } {
  const quota = `${s.units}*${s.weight(i)}/SUM(${s.weights})`;
  const rest = s.rest(i);
  const restsBefore = s.restsBefore(i);
  const weightsBefore = s.weightsBefore(i);
  const before =
    `COUNTIFS(${s.rests},">"&${rest})+COUNTIFS(${s.rests},${rest},${s.weights},">"&${s.weight(i)})` +
    (restsBefore && weightsBefore ? `+COUNTIFS(${restsBefore},${rest},${weightsBefore},${s.weight(i)})` : "");
  return {
    floor: `INT(${quota})`,
    rest: `ROUND(${quota}-INT(${quota}),9)`,
    units: `${s.floor(i)}+IF(${before}<${s.units}-SUM(${s.floors}),1,0)`,
  };
}
