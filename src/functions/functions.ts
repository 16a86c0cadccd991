/**
 * The FINSAM custom functions. Each one is a thin adapter: its arguments are parsed by the declared rules
 * of args.ts, the work is done by src/domain, and any failure reaches Excel as #VALUE! or #N/A with a
 * short message. The JSDoc of each function is its help in Excel's Insert Function dialog;
 * custom-functions-metadata-plugin turns it into functions.json (and registers the functions).
 */
import {
  checkSum as checkSumRule,
  checkWeights,
  costSplit as costSplitRule,
  equityCeiling,
  equityRatio,
  invalid,
  notAvailable,
  goalMet as goalMetRule,
  impactIndex as impactIndexRule,
  largestRemainderSplit,
  memberFinancing,
  POPULATION_NAMES,
  requirePositive,
  topShare as topShareRule,
  type CeilingStep,
  type IndexIndicator,
  type WeightedIndicator,
} from "../domain";
import { messages } from "../i18n";
import {
  ArgError,
  attainmentCell,
  cells,
  gridOf,
  isBlank,
  isOmitted,
  numberCell,
  parseArgs,
  requireSameShape,
  whereIn,
} from "./args";
import { excelCall } from "./excelError";

/**
 * Impactindex: the weighted goal attainment of the social budget, 0–100 (the board's target is 70).
 * The sum of the weights of the reached indicators divided by the sum of all weights, times 100.
 * Example: =FINSAM.IMPACTINDEX(D5:D27, F5:F27) gives 71.2 when indicators weighing 178 of 250 are reached.
 * @customfunction IMPACTINDEX IMPACTINDEX
 * @param weights The indicators' weights (whole numbers 1–10), one cell per indicator. A row with neither weight nor outcome is skipped.
 * @param attainment Goal reached: TRUE/FALSE or 1/0, or a share 0–1. A blank cell counts as not reached. Same size as weights.
 * @param [areas] Each indicator's goal area, same size as weights. Needed only with area.
 * @param [area] Only the indicators of this goal area count, e.g. "Deltagarnöjdhet".
 * @param [partialCredit] TRUE counts a share between 0 and 1 pro rata. Default FALSE: only fully reached indicators count.
 * @returns The index 0–100, unrounded.
 */
export function impactIndex(
  weights: unknown[][],
  attainment: unknown[][],
  areas?: unknown[][],
  area?: unknown,
  partialCredit?: unknown,
): number {
  return excelCall(() => {
    if (isOmitted(areas) && isOmitted(area)) return impactIndexFast(weights, attainment, partialCredit);
    const a = parseArgs(
      {
        weights: { kind: "numbers", blank: "null" },
        attainment: { kind: "attainments" },
        areas: { kind: "optionalTexts" },
        area: { kind: "optionalText" },
        partialCredit: { kind: "boolean", default: false },
      },
      { weights, attainment, areas: areas ?? null, area: area ?? null, partialCredit: partialCredit ?? null },
    );
    requireSameShape(a.weights, "weights", a.attainment, "attainment");
    if (a.areas) requireSameShape(a.weights, "weights", a.areas, "areas");
    if (a.area !== null && !a.areas) throw new ArgError("areaWithoutAreas");
    const attained = cells(a.attainment);
    const names = a.areas ? cells(a.areas) : null;
    const indicators: IndexIndicator[] = [];
    cells(a.weights).forEach(({ value: weight, row, column }, i) => {
      if (weight === null) {
        if (attained[i].value !== null)
          throw new ArgError("weightWithoutValue", { what: "weights", row, column });
        return;
      }
      indicators.push({ weight, attainment: attained[i].value, area: names?.[i].value });
    });
    return impactIndexRule(indicators, {
      partialCredit: a.partialCredit,
      area: a.area ?? undefined,
    }).index;
  });
}

/**
 * IMPACTINDEX over the whole range (no goal area): each cell read once, nothing built per row, so the cost
 * per row stays flat from 50 to a million rows. The same checks, in the same order, with the same messages as
 * the general path: the weights, then the attainment, then their sizes, then row by row.
 */
function impactIndexFast(weights: unknown, attainment: unknown, partialCredit: unknown): number {
  const w = gridOf(weights, "weights");
  for (let r = 0; r < w.rows; r++) {
    const row = w.grid[r];
    for (let c = 0; c < w.columns; c++) {
      const v = row[c];
      if (typeof v !== "number" || !Number.isFinite(v))
        numberCell(v, "weights", "null", { row: r + 1, column: c + 1 });
    }
  }
  const a = gridOf(attainment, "attainment");
  for (let r = 0; r < a.rows; r++) {
    const row = a.grid[r];
    for (let c = 0; c < a.columns; c++) {
      const v = row[c];
      if (!(typeof v === "boolean" || (typeof v === "number" && v >= 0 && v <= 1)))
        attainmentCell(v, "attainment", { row: r + 1, column: c + 1 });
    }
  }
  const partial = parseArgs(
    { partialCredit: { kind: "boolean", default: false } },
    { partialCredit: partialCredit ?? null },
  ).partialCredit;
  if (a.rows !== w.rows || a.columns !== w.columns)
    throw new ArgError("shapeMismatch", {
      what: "attainment",
      other: "weights",
      actual: `${a.rows}×${a.columns}`,
      expected: `${w.rows}×${w.columns}`,
    });
  let reached = 0;
  let total = 0;
  let count = 0;
  for (let r = 0; r < w.rows; r++) {
    const wr = w.grid[r];
    const ar = a.grid[r];
    for (let c = 0; c < w.columns; c++) {
      const weight = typeof wr[c] === "number" ? (wr[c] as number) : null;
      const raw = ar[c];
      const attained = typeof raw === "boolean" ? (raw ? 1 : 0) : typeof raw === "number" ? raw : null;
      if (weight === null) {
        if (attained !== null)
          throw new ArgError("weightWithoutValue", { what: "weights", row: r + 1, column: c + 1 });
        continue;
      }
      requirePositive(weight, "weight", count);
      count++;
      total += weight;
      if (attained !== null) reached += weight * (partial ? attained : attained >= 1 ? 1 : 0);
    }
  }
  if (count === 0) throw notAvailable("noIndicators");
  if (!Number.isFinite(total)) throw invalid("tooLarge", { what: "weights", value: Number.MAX_VALUE });
  return (reached / total) * 100;
}

/**
 * Splits an amount in proportion to populations (or any other key), rounded so that the parts add up exactly to the amount: largest-remainder rounding.
 * Example: =FINSAM.FEESPLIT(C5:C10, 2845) splits the municipalities' 2,845 tkr by working-age population into 2,361, 145, 114, 83, 105 and 37.
 * @customfunction FEESPLIT FEESPLIT
 * @param populations Each member's population of working age (or its share in %), one cell per member.
 * @param total The amount to split, e.g. the municipalities' quarter.
 * @param [decimals] Decimals of each part, as in ROUND: 0 (the default) for whole units, 2 for öre, -3 for thousands.
 * @returns The parts, in the same shape as populations.
 */
export function feeSplit(populations: unknown[][], total: unknown, decimals?: unknown): number[][] {
  return excelCall(() => {
    const pops = populationsOf(populations);
    const a = parseArgs(
      {
        total: { kind: "number" },
        decimals: { kind: "number", optional: true, default: 0 },
      },
      { total, decimals: decimals ?? null },
    );
    const parts = largestRemainderSplit(a.total, pops.values, a.decimals, POPULATION_NAMES);
    return reshape(parts, pops.columns);
  });
}

/**
 * A range of populations read once into a typed array, with the same checks and messages as the declared
 * rule (numbers, no blanks): a split's cost per member stays flat up to a million members.
 */
function populationsOf(value: unknown): { values: Float64Array; columns: number } {
  const p = gridOf(value, "populations");
  const values = new Float64Array(p.rows * p.columns);
  let k = 0;
  for (let r = 0; r < p.rows; r++) {
    const row = p.grid[r];
    for (let c = 0; c < p.columns; c++) {
      const v = row[c];
      values[k++] =
        typeof v === "number" && Number.isFinite(v)
          ? v
          : (numberCell(v, "populations", "error", { row: r + 1, column: c + 1 }) as number);
    }
  }
  return { values, columns: p.columns };
}

/**
 * Member financing under FINSAM: the state pays half, the region a quarter and the municipalities together a quarter, split by working-age population.
 * Example: =FINSAM.FINANCING(5690, C5:C10) gives the region's 2,845 tkr on top and below it each municipality's fee, together exactly 2,845.
 * @customfunction FINANCING FINANCING
 * @param stateAllotment The state's allotment (Försäkringskassan and Arbetsförmedlingen together).
 * @param populations Each municipality's population of working age (or its share in %).
 * @param [decimals] Decimals of each amount, as in ROUND: 0 (the default) for whole units.
 * @returns A column: the region's amount, then each municipality's fee in the order of populations.
 */
export function financing(stateAllotment: unknown, populations: unknown[][], decimals?: unknown): number[][] {
  return excelCall(() => {
    const a = parseArgs(
      {
        stateAllotment: { kind: "number" },
        populations: { kind: "numbers", blank: "error" },
        decimals: { kind: "number", optional: true, default: 0 },
      },
      { stateAllotment, populations, decimals: decimals ?? null },
    );
    const result = memberFinancing(a.stateAllotment, a.populations.values.flat(), a.decimals);
    return [[result.region], ...result.municipalities.map((fee) => [fee])];
  });
}

/**
 * Recommended maximum equity (Nationella rådet 2013): 20 % of the base up to 7 mkr plus 15 % of the part from 7 to 15 mkr, or your own steps.
 * Example: =FINSAM.EQUITYCAP(11583, 1000) gives 2,087.45 (tkr) for a base of 11,583 tkr.
 * @customfunction EQUITYCAP EQUITYCAP
 * @param base The base in the sheet's unit: the members' allotment, or the year's total income.
 * @param [unit] The sheet's unit in kronor: 1 for kr (the default), 1000 for tkr.
 * @param [steps] Your own steps: two columns, the upper limit of each step in kronor (blank on the last row for no limit) and its marginal rate.
 * @returns The recommended maximum equity, in the sheet's unit.
 */
export function equityCap(base: unknown, unit?: unknown, steps?: unknown[][]): number {
  return excelCall(() => {
    const a = parseArgs(
      {
        base: { kind: "number" },
        unit: { kind: "number", optional: true, default: 1 },
        steps: { kind: "optionalNumbers", blank: "null" },
      },
      { base, unit: unit ?? null, steps: steps ?? null },
    );
    requirePositive(a.unit, "unit");
    let ceilingSteps: CeilingStep[] | undefined;
    if (a.steps) {
      if (a.steps.columns !== 2) {
        throw new ArgError("wrongColumnCount", { what: "steps", expected: 2, actual: a.steps.columns });
      }
      // Blank rows are skipped; a message names the row as it stands in the range, blank rows included.
      ceilingSteps = a.steps.values
        .map(([upTo, rate], i) => ({ upTo, rate, row: i + 1 }))
        .filter(({ upTo, rate }) => upTo !== null || rate !== null)
        .map(({ upTo, rate, row }) => {
          if (rate === null) throw new ArgError("blankNotAllowed", { what: "steps", row, column: 2 });
          return { upTo, rate };
        });
    }
    return equityCeiling(a.base * a.unit, ceilingSteps).ceiling / a.unit;
  });
}

/**
 * Checks the social budget's weights: every weight a whole number 1–10, and each goal area's share of the total weight within its nominal share (its points' share) ± the tolerance.
 * Example: =FINSAM.WEIGHTCHECK(B5:B40, E5:E40, H5:H9, I5:I9) gives "OK", or names each wrong weight and each area outside its share.
 * @customfunction WEIGHTCHECK WEIGHTCHECK
 * @param areas Each indicator's goal area. A row with neither area nor weight is skipped.
 * @param weights Each indicator's weight, same size as areas.
 * @param areaNames The goal areas' names.
 * @param areaPoints The goal areas' index points (2023: 100, 50, 50, 25, 25), same size as areaNames.
 * @param [tolerance] How far an area's share may stray from its nominal share: 0.05 (the default) = 5 percentage points.
 * @returns "OK", or a message naming what is wrong.
 */
export function weightCheck(
  areas: unknown[][],
  weights: unknown[][],
  areaNames: unknown[][],
  areaPoints: unknown[][],
  tolerance?: unknown,
): string {
  return excelCall(() => {
    const a = parseArgs(
      {
        areas: { kind: "texts" },
        weights: { kind: "numbers", blank: "null" },
        areaNames: { kind: "texts" },
        areaPoints: { kind: "numbers", blank: "error" },
        tolerance: { kind: "number", optional: true, default: 0.05 },
      },
      { areas, weights, areaNames, areaPoints, tolerance: tolerance ?? null },
    );
    requireSameShape(a.areas, "areas", a.weights, "weights");
    requireSameShape(a.areaNames, "areaNames", a.areaPoints, "areaPoints");
    const weightCells = cells(a.weights);
    const rows: { indicator: WeightedIndicator; where: ReturnType<typeof whereIn> }[] = [];
    cells(a.areas).forEach(({ value: area, row, column }, i) => {
      const weight = weightCells[i].value;
      if (isBlank(area) && weight === null) return;
      rows.push({ indicator: { area, weight }, where: whereIn(a.areas, row, column) });
    });
    const pointCells = a.areaPoints.values.flat();
    const goalAreas = a.areaNames.values.flat().map((name, i) => ({ name, points: pointCells[i] }));
    const check = checkWeights(
      rows.map((r) => r.indicator),
      goalAreas,
      a.tolerance,
    );
    if (check.ok) return messages().results.ok;
    const t = messages().results;
    const findings: string[] = [];
    if (check.invalidWeights.length > 0) {
      findings.push(
        t.invalidWeights(
          check.invalidWeights.map((w) => t.weightItem(rows[w.index].where, w.weight)).join(", "),
        ),
      );
    }
    if (check.unknownAreas.length > 0) {
      findings.push(
        t.unknownAreas(check.unknownAreas.map((u) => t.areaItem(rows[u.index].where, u.area)).join(", ")),
      );
    }
    const outside = check.areas.filter((s) => !s.withinTolerance);
    if (outside.length > 0) {
      findings.push(
        t.areasOutside(
          t.tolerance(a.tolerance),
          outside.map((s) => t.areaShareItem(s.name, s.share, s.nominalShare)).join(", "),
        ),
      );
    }
    return findings.join(" ");
  });
}

/**
 * The share of survey answers in the top alternatives of the scale, e.g. "at least 80 % answer in the three upper alternatives".
 * Example: =FINSAM.TOPSHARE(B5:F5, 3) gives 0.925 for the answers 1, 2, 7, 20 and 10 on a five-point scale.
 * @customfunction TOPSHARE TOPSHARE
 * @param counts The number of answers for each alternative, from the lowest alternative to the highest.
 * @param topN How many of the top alternatives count, e.g. 3 on a five-point scale, or 4 for answers 7–10 on a ten-point scale.
 * @returns The share 0–1 of the answers in the top alternatives.
 */
export function topShare(counts: unknown[][], topN: unknown): number {
  return excelCall(() => {
    const a = parseArgs(
      { counts: { kind: "numbers", blank: "zero" }, topN: { kind: "number" } },
      { counts, topN },
    );
    return topShareRule(a.counts.values.flat(), a.topN);
  });
}

/**
 * Is the goal met? TRUE when the outcome reaches the target less the accepted tolerance; FALSE when it does not, when it is not measured, or when the survey's response rate is below the minimum the board accepts.
 * Example: =FINSAM.GOALMET(0.66, 0.7, 0.05) gives TRUE: 66 % is within 5 percentage points of the 70 % target.
 * @customfunction GOALMET GOALMET
 * @param actual The measured outcome, e.g. the share of ended participants with a positive solution. Blank = not measured.
 * @param target The target, in the same unit as actual.
 * @param [tolerance] The deviation from the target the board accepts, in the same unit (default 0).
 * @param [responseRate] The survey's response rate 0–1, for indicators measured by a survey.
 * @param [minResponseRate] The lowest response rate the board accepts (default 0.5).
 * @param [lowerIsBetter] TRUE for indicators where lower is better (e.g. benefit dependency): met when actual ≤ target + tolerance.
 * @returns TRUE or FALSE.
 */
export function goalMet(
  actual: unknown,
  target: unknown,
  tolerance?: unknown,
  responseRate?: unknown,
  minResponseRate?: unknown,
  lowerIsBetter?: unknown,
): boolean {
  return excelCall(() => {
    const a = parseArgs(
      {
        actual: { kind: "optionalNumber" },
        target: { kind: "number" },
        tolerance: { kind: "number", optional: true, default: 0 },
        responseRate: { kind: "optionalNumber" },
        minResponseRate: { kind: "number", optional: true, default: 0.5 },
        lowerIsBetter: { kind: "boolean", default: false },
      },
      {
        actual,
        target,
        tolerance: tolerance ?? null,
        responseRate: responseRate ?? null,
        minResponseRate: minResponseRate ?? null,
        lowerIsBetter: lowerIsBetter ?? null,
      },
    );
    return goalMetRule(a);
  });
}

/**
 * Do the parts add up to the total? Allows for figures printed rounded: with rounding 1 (whole tkr) and n parts, the sum may differ from the total by up to (n + 1) / 2.
 * Example: =FINSAM.CHECKSUM(C6:C13, C14, 1) gives "OK" when the printed rows of Kansli och styrelse add up to their subtotal within rounding.
 * @customfunction CHECKSUM CHECKSUM
 * @param parts The printed parts. Blank cells are skipped.
 * @param total The printed total.
 * @param [rounding] What the figures are rounded to: 0 (the default) demands an exact sum, 1 for whole units such as tkr rounded from kronor.
 * @returns "OK", or a message with the computed sum and the difference.
 */
export function checkSum(parts: unknown[][], total: unknown, rounding?: unknown): string {
  return excelCall(() => {
    const a = parseArgs(
      {
        parts: { kind: "numbers", blank: "null" },
        total: { kind: "number" },
        rounding: { kind: "number", optional: true, default: 0 },
      },
      { parts, total, rounding: rounding ?? null },
    );
    const values = a.parts.values.flat().filter((v): v is number => v !== null);
    const check = checkSumRule(values, a.total, a.rounding);
    const t = messages().results;
    return check.ok
      ? t.ok
      : t.sumMismatch({
          sum: check.sum,
          total: a.total,
          difference: check.difference,
          allowed: check.allowed,
        });
  });
}

/**
 * The cost distribution: the costs divided into administration, structural work and work with participants, each line by its own key.
 * Example: =FINSAM.COSTSPLIT(C21:C28, J21:L28, 0) gives three amounts in whole tkr that add up exactly to the lines' total.
 * @customfunction COSTSPLIT COSTSPLIT
 * @param amounts The cost lines' amounts, one per row (costs may be negative). Blank counts as 0.
 * @param shares Each line's three shares: administration, structural, individual, adding up to 100 %. Same number of rows as amounts.
 * @param [decimals] Round to this many decimals by largest remainder, so the three add up exactly to the total (0 = whole units). Omitted: unrounded.
 * @returns A row of three: administration, structural, individual.
 */
export function costSplit(amounts: unknown[][], shares: unknown[][], decimals?: unknown): number[][] {
  return excelCall(() => {
    const a = parseArgs(
      {
        amounts: { kind: "numbers", blank: "zero" },
        shares: { kind: "numbers", blank: "zero" },
        decimals: { kind: "optionalNumber" },
      },
      { amounts, shares, decimals: decimals ?? null },
    );
    if (a.shares.columns !== 3)
      throw new ArgError("wrongColumnCount", { what: "shares", expected: 3, actual: a.shares.columns });
    const lines = a.amounts.values.flat();
    if (a.shares.rows !== lines.length)
      throw new ArgError("shapeMismatch", {
        what: "shares",
        other: "amounts",
        actual: `${a.shares.rows}×3`,
        expected: `${lines.length}×3`,
      });
    // A line with no amount needs no key: a blank or unfinished key on it is no error.
    const used = lines
      .map((v, i) => ({ v, key: a.shares.values[i] as [number, number, number] }))
      .filter((l) => l.v !== 0);
    if (used.length === 0) return [[0, 0, 0]];
    return [
      costSplitRule(
        used.map((l) => l.v),
        used.map((l) => l.key),
        a.decimals ?? undefined,
      ),
    ];
  });
}

/**
 * Soliditet, the equity ratio: equity divided by total assets, as the annual report's five-year overview shows it.
 * Example: =FINSAM.SOLIDITET(C24, C18) gives 0.6 for equity of 1 500 000 kr and assets of 2 500 000 kr (format it as %).
 * @customfunction SOLIDITET SOLIDITET
 * @param equity Equity at the end of the year (Summa eget kapital).
 * @param assets Total assets at the end of the year (Summa tillgångar).
 * @returns The ratio 0–1 (negative when equity is).
 */
export function soliditet(equity: unknown, assets: unknown): number {
  return excelCall(() => {
    const a = parseArgs({ equity: { kind: "number" }, assets: { kind: "number" } }, { equity, assets });
    return equityRatio(a.equity, a.assets);
  });
}

function reshape(values: number[], columns: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < values.length; i += columns) rows.push(values.slice(i, i + columns));
  return rows;
}
