/**
 * The FINSAM custom functions as Excel sees them: each one's JSDoc is its help in Excel's Insert Function
 * dialog (custom-functions-metadata-plugin turns it into functions.json and registers the functions), and its
 * body is one call of the function's declaration in registry.ts, which parses the arguments, calls the
 * domain and turns any failure into #VALUE! or #N/A with a short message.
 *
 * Excel must find every function associated when this file has run (an association made after an await fails
 * the function's first call), but the registry, the argument parsing and the domain are not needed for the
 * pane's first screen. So this file associates thin functions and the registry is a chunk of its own: loaded
 * on the first call, or once the pane has painted its first screen (`loadFunctions`), whichever comes
 * first. A call before it has arrived answers with a promise of the same value or error, which Excel accepts
 * from any custom function; every call after answers at once.
 */
import { getLocale, loadLocale } from "../i18n";
import type * as Registry from "./registry";

type Id = keyof typeof Registry.REGISTRY;
type Entries = Record<Id, Registry.FunctionEntry>;
// Plain references, taken once from the loaded module: a module namespace reads each export through a getter.
let invoke: typeof Registry.invoke | undefined;
let table: Entries | undefined;
let loading: Promise<typeof Registry> | undefined;

/** Loads the functions' implementation (once); resolves when every function answers synchronously. */
export function loadFunctions(): Promise<typeof Registry> {
  // With the catalogue of the current language: the functions' messages come from it.
  loading ??= Promise.all([
    import(/* webpackChunkName: "functions-impl" */ "./registry"),
    loadLocale(getLocale()),
  ]).then(
    ([m]) => {
      table = { ...(m.REGISTRY as unknown as Entries) };
      invoke = m.invoke;
      return m;
    },
    (error) => {
      loading = undefined; // the next call tries again
      throw error;
    },
  );
  return loading;
}

/**
 * The arguments as one list of a single kind: a rest parameter is always a generic array, where a literal
 * `[equity, assets]` is an array of doubles and `[actual, target, null]` a generic one. The registry's
 * quick reading is one piece of code for every function; fed both kinds, V8 left it at three times its
 * time for whichever function came second (SOLIDITET 65 → 230 ns a call after GOALMET).
 */
const cells = (...values: unknown[]): unknown[] => values;

/**
 * A call that comes before the implementation: a promise of its value, which is what Excel's custom-function
 * contract allows for any function. Typed as the value, as the function is declared to Excel. Once loaded,
 * each function calls its own entry directly (`table.X`: one property per call site, as fast as before the
 * split).
 */
function later<R>(id: Id, args: unknown[]): R {
  return loadFunctions().then(() => invoke!(table![id], args)) as unknown as R;
}

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
  return (
    invoke
      ? invoke(table!.IMPACTINDEX, cells(weights, attainment, areas, area, partialCredit))
      : later("IMPACTINDEX", cells(weights, attainment, areas, area, partialCredit))
  ) as never;
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
  return (
    invoke
      ? invoke(table!.FEESPLIT, cells(populations, total, decimals))
      : later("FEESPLIT", cells(populations, total, decimals))
  ) as never;
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
  return (
    invoke
      ? invoke(table!.FINANCING, cells(stateAllotment, populations, decimals))
      : later("FINANCING", cells(stateAllotment, populations, decimals))
  ) as never;
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
  return (
    invoke ? invoke(table!.EQUITYCAP, cells(base, unit, steps)) : later("EQUITYCAP", cells(base, unit, steps))
  ) as never;
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
  return (
    invoke
      ? invoke(table!.WEIGHTCHECK, cells(areas, weights, areaNames, areaPoints, tolerance))
      : later("WEIGHTCHECK", cells(areas, weights, areaNames, areaPoints, tolerance))
  ) as never;
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
  return (
    invoke ? invoke(table!.TOPSHARE, cells(counts, topN)) : later("TOPSHARE", cells(counts, topN))
  ) as never;
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
  return (
    invoke
      ? invoke(table!.GOALMET, cells(actual, target, tolerance, responseRate, minResponseRate, lowerIsBetter))
      : later("GOALMET", cells(actual, target, tolerance, responseRate, minResponseRate, lowerIsBetter))
  ) as never;
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
  return (
    invoke
      ? invoke(table!.CHECKSUM, cells(parts, total, rounding))
      : later("CHECKSUM", cells(parts, total, rounding))
  ) as never;
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
  return (
    invoke
      ? invoke(table!.COSTSPLIT, cells(amounts, shares, decimals))
      : later("COSTSPLIT", cells(amounts, shares, decimals))
  ) as never;
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
  return (
    invoke ? invoke(table!.SOLIDITET, cells(equity, assets)) : later("SOLIDITET", cells(equity, assets))
  ) as never;
}
