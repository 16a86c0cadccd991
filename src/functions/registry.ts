import {
  checkSum as checkSumRule,
  clean,
  checkWeights,
  checkWeightsOf,
  costSplitOf,
  DEFAULT_MIN_RESPONSE_RATE,
  DEFAULT_SHARE_TOLERANCE,
  equityCeiling,
  equityRatio,
  goalMet as goalMetRule,
  goalStatusOf,
  impactIndex as impactIndexRule,
  invalid,
  largestRemainderSplit,
  memberFinancing,
  nameKey,
  notAvailable,
  POPULATION_NAMES,
  requirePositive,
  topShare as topShareRule,
  type CeilingStep,
  type IndexIndicator,
  type WeightedIndicator,
} from "../domain";
import { TextMap } from "../domain/textMap";
import { messages } from "../i18n";
import {
  ArgError,
  attainmentCell,
  gridOf,
  isBlank,
  isOmitted,
  numberCell,
  parseArgs,
  textCellOrBlank,
  requireSameShape,
  whereIn,
  compileArgs,
  type ArgParser,
  type ArgSpec,
  type ParsedArgs,
} from "./args";
import { FUNCTION_IDS, type FunctionId } from "./catalog";
import { toExcelError } from "./excelError";
import { bounded, listFirst, quoted } from "./messageBounds";
import sv from "./locales/sv-SE.json";

/**
 * The custom functions, declared once: for each, its parameters in order with their rule (defaults from the
 * domain's constants), the size of a spilled result, and the domain call. From this come the argument
 * parsing, SPILL_SIZE, the headless engine's plugin, the names the pane lists (Swedish and English), and the
 * check that Excel's metadata (JSDoc in functions.ts, the Swedish overlay) describes the same parameters.
 * functions.ts keeps only what Excel's tooling reads: each function's JSDoc and a one-line call of `invoke`.
 */
export interface FunctionEntry<S extends ArgSpec = ArgSpec, R = unknown> {
  id: FunctionId;
  /** The parameters in order: name (as in messages and metadata) → rule. */
  params: S;
  /** The size of a spilled result from the arguments' sizes; absent for a single value. */
  spill?: (sizes: { width: number; height: number }[]) => { width: number; height: number };
  /** A path that reads the raw cells itself; `undefined` hands over to the declared rules. */
  fast?: (raw: readonly unknown[]) => R | undefined;
  run: (a: ParsedArgs<S>) => R;
  /** The argument list's parser, compiled once from `params` (by `define`). */
  parse: ArgParser<S>;
}

/**
 * A cell a single-value fast path takes as it stands. Each function's fast path is its own code: one generic
 * reader shared by every function had V8 keep its feedback for all of them at once, and a call cost 3× as much
 * for whichever function came second (SOLIDITET 65 → 230 ns after GOALMET); each path is held to the declared
 * rules by test/functions/compiledArgs.test.ts.
 */
const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && v - v === 0;

const define = <S extends ArgSpec, R>(entry: Omit<FunctionEntry<S, R>, "parse">): FunctionEntry<S, R> => ({
  ...entry,
  parse: compileArgs(entry.params),
});

/**
 * Calls a function as Excel does: raw cells in, its value or an Excel error with a message out. Nothing is
 * built per call but the parsed arguments: no closure, the parser compiled once per function.
 */
export function invoke<S extends ArgSpec, R>(entry: FunctionEntry<S, R>, raw: readonly unknown[]): R {
  try {
    if (entry.fast) {
      const fast = entry.fast(raw);
      if (fast !== undefined) return fast;
    }
    return entry.run(entry.parse(raw));
  } catch (error) {
    throw toExcelError(error);
  }
}

const NAMES = new WeakMap<object, readonly string[]>();
/** The parameter names in order, computed once per function. */
function namesOf(entry: { params: ArgSpec }): readonly string[] {
  let names = NAMES.get(entry);
  if (!names) NAMES.set(entry, (names = Object.keys(entry.params)));
  return names;
}

const column = (values: ArrayLike<number>): number[][] => Array.from(values, (v) => [v]);

function reshape(values: readonly number[], columns: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < values.length; i += columns) rows.push(values.slice(i, i + columns));
  return rows;
}

const IMPACTINDEX = define({
  id: "IMPACTINDEX",
  params: {
    weights: { kind: "numbers", blank: "null" },
    attainment: { kind: "attainments" },
    areas: { kind: "optionalTexts" },
    area: { kind: "optionalText" },
    partialCredit: { kind: "boolean", default: false },
  },
  fast: ([weights, attainment, areas, area, partialCredit]) =>
    impactIndexFast(weights, attainment, isOmitted(areas) ? null : areas, area, partialCredit),
  run: (a) => {
    requireSameShape(a.weights, "weights", a.attainment, "attainment");
    if (a.areas) requireSameShape(a.weights, "weights", a.areas, "areas");
    if (a.area !== null && !a.areas) throw new ArgError("areaWithoutAreas");
    const indicators: IndexIndicator[] = [];
    for (let r = 0; r < a.weights.rows; r++)
      for (let c = 0; c < a.weights.columns; c++) {
        const weight = a.weights.values[r][c];
        const attained = a.attainment.values[r][c];
        if (weight === null) {
          if (attained !== null)
            throw new ArgError("weightWithoutValue", { what: "weights", row: r + 1, column: c + 1 });
          continue;
        }
        indicators.push({ weight, attainment: attained, area: a.areas?.values[r][c] });
      }
    return impactIndexRule(indicators, { partialCredit: a.partialCredit, area: a.area ?? undefined }).index;
  },
});

/**
 * IMPACTINDEX read straight from the cells: each cell once, nothing built per row (an area's name is keyed once
 * per distinct text), so the cost per row stays flat from 50 to a million rows. The same checks, in the same
 * order, with the same messages as the declared rules: the weights, the attainment, the areas, the area, the
 * partial-credit flag, then the sizes, then row by row. A test holds the two paths to the same answers.
 */
function impactIndexFast(
  weights: unknown,
  attainment: unknown,
  areas: unknown,
  area: unknown,
  partialCredit: unknown,
): number {
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
  const names = areas === null ? null : gridOf(areas, "areas");
  if (names)
    for (let r = 0; r < names.rows; r++)
      for (let c = 0; c < names.columns; c++) {
        const v = names.grid[r][c];
        if (typeof v !== "string") textCellOrBlank(v, "areas", r, c);
      }
  const flags = parseArgs(IMPACTINDEX_FLAGS, { area: area ?? null, partialCredit: partialCredit ?? null });
  if (a.rows !== w.rows || a.columns !== w.columns)
    throw new ArgError("shapeMismatch", {
      what: "attainment",
      other: "weights",
      actual: `${a.rows}×${a.columns}`,
      expected: `${w.rows}×${w.columns}`,
    });
  if (names && (names.rows !== w.rows || names.columns !== w.columns))
    throw new ArgError("shapeMismatch", {
      what: "areas",
      other: "weights",
      actual: `${names.rows}×${names.columns}`,
      expected: `${w.rows}×${w.columns}`,
    });
  if (flags.area !== null && !names) throw new ArgError("areaWithoutAreas");
  const wanted = flags.area === null ? null : nameKey(flags.area);
  const keys = new TextMap<string>();
  const keyOf = (v: unknown) => {
    const text = typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = nameKey(text)));
    return key;
  };
  let reached = 0;
  let total = 0;
  let seen = 0;
  let counted = 0;
  let bad: { weight: number; index: number } | null = null;
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
      // As the declared rules: every row is read for a missing weight before any weight is judged.
      if (!(weight > 0) && bad === null) bad = { weight, index: seen };
      seen++;
      if (wanted !== null && keyOf(names!.grid[r][c]) !== wanted) continue;
      counted++;
      total += weight;
      if (attained !== null) reached += weight * (flags.partialCredit ? attained : attained >= 1 ? 1 : 0);
    }
  }
  if (bad) requirePositive(bad.weight, "weight", bad.index);
  if (counted === 0)
    throw flags.area === null
      ? notAvailable("noIndicators")
      : notAvailable("noIndicatorsInArea", { area: flags.area.trim() });
  if (!Number.isFinite(total)) throw invalid("tooLarge", { what: "weights", value: Number.MAX_VALUE });
  return (reached / total) * 100;
}
const IMPACTINDEX_FLAGS = { area: IMPACTINDEX.params.area, partialCredit: IMPACTINDEX.params.partialCredit };

const FEESPLIT = define({
  id: "FEESPLIT",
  params: {
    populations: { kind: "vector", blank: "error" },
    total: { kind: "number" },
    decimals: { kind: "number", optional: true, default: 0 },
  },
  spill: ([populations]) => populations,
  run: (a) =>
    reshape(
      largestRemainderSplit(a.total, a.populations.values, a.decimals, POPULATION_NAMES),
      a.populations.columns,
    ),
});

const FINANCING = define({
  id: "FINANCING",
  params: {
    stateAllotment: { kind: "number" },
    populations: { kind: "vector", blank: "error" },
    decimals: { kind: "number", optional: true, default: 0 },
  },
  spill: ([, populations]) => ({
    width: 1,
    height: (populations?.width ?? 1) * (populations?.height ?? 1) + 1,
  }),
  run: (a) => {
    const result = memberFinancing(a.stateAllotment, Array.from(a.populations.values), a.decimals);
    return [[result.region], ...column(result.municipalities)];
  },
});

const EQUITYCAP = define({
  id: "EQUITYCAP",
  params: {
    base: { kind: "number" },
    unit: { kind: "number", optional: true, default: 1 },
    steps: { kind: "optionalNumbers", blank: "null" },
  },
  fast: ([base, unit, steps]) => equityCapFast(base, unit, steps),
  run: (a) => {
    requirePositive(a.unit, "unit");
    let steps: CeilingStep[] | undefined;
    if (a.steps) {
      if (a.steps.columns !== 2)
        throw new ArgError("wrongColumnCount", { what: "steps", expected: 2, actual: a.steps.columns });
      // Blank rows are skipped; a message names the row as it stands in the range, blank rows included.
      steps = [];
      a.steps.values.forEach(([upTo, rate], i) => {
        if (upTo === null && rate === null) return;
        if (rate === null) throw new ArgError("blankNotAllowed", { what: "steps", row: i + 1, column: 2 });
        steps!.push({ upTo, rate });
      });
    }
    return equityCeiling(a.base * a.unit, steps).ceiling / a.unit;
  },
});

/**
 * EQUITYCAP over a range of steps in one pass over the cells as Excel gives them: no matrix, no step objects,
 * the steps checked and the parts summed in the same loop, exactly as `validateSteps`, `equityCeiling` and
 * `sum` do. Anything else than well-formed input (a text, a blank rate, a wrong shape, a rule broken, a base
 * above the last step) is left to the full path, which says what is wrong: `undefined` here.
 */
function equityCapFast(base: unknown, unit: unknown, steps: unknown): number | undefined {
  const u = unit === undefined || unit === null ? 1 : unit;
  if (typeof base !== "number" || base - base !== 0 || typeof u !== "number" || !(u > 0) || u - u !== 0)
    return;
  if (!Array.isArray(steps) || steps.length === 0) return;
  const baseKr = base * u;
  if (!(baseKr >= 0) || baseKr - baseKr !== 0) return;
  let previous = 0;
  let from = 0;
  let open = false; // an open step has been read: any later step breaks the rule
  let seen = 0;
  let last: number | null = 0;
  let total = 0;
  let magnitude = 0;
  for (let r = 0; r < steps.length; r++) {
    const row = steps[r];
    if (!Array.isArray(row) || row.length !== 2) return;
    const upTo = row[0];
    const rate = row[1];
    if (upTo === null && rate === null) continue;
    if (open || typeof rate !== "number" || !(rate >= 0 && rate <= 1)) return;
    if (upTo !== null && (typeof upTo !== "number" || upTo - upTo !== 0 || !(upTo > 0) || upTo <= previous))
      return;
    seen++;
    if (baseKr > from) {
      const to = upTo === null ? baseKr : Math.min(baseKr, upTo);
      const v = clean((to - from) * rate);
      total += v;
      magnitude = Math.max(magnitude, Math.abs(v), Math.abs(total));
      from = upTo ?? baseKr;
    }
    if (upTo === null) open = true;
    else previous = upTo;
    last = upTo;
  }
  if (seen === 0 || (last !== null && baseKr > last)) return;
  return clean(total, magnitude) / u;
}

const WEIGHTCHECK = define({
  id: "WEIGHTCHECK",
  params: {
    areas: { kind: "texts" },
    weights: { kind: "numbers", blank: "null" },
    areaNames: { kind: "texts" },
    areaPoints: { kind: "numbers", blank: "error" },
    tolerance: { kind: "number", optional: true, default: DEFAULT_SHARE_TOLERANCE },
  },
  fast: ([areas, weights, areaNames, areaPoints, tolerance]) =>
    weightCheckFast(areas, weights, areaNames, areaPoints, tolerance),
  run: (a) => {
    requireSameShape(a.areas, "areas", a.weights, "weights");
    requireSameShape(a.areaNames, "areaNames", a.areaPoints, "areaPoints");
    const indicators: WeightedIndicator[] = [];
    // Where each indicator stands (row, column), as numbers; a position in words only for what is reported.
    const cellOf: number[] = [];
    for (let r = 0; r < a.areas.rows; r++)
      for (let c = 0; c < a.areas.columns; c++) {
        const area = a.areas.values[r][c];
        const weight = a.weights.values[r][c];
        if (isBlank(area) && weight === null) continue;
        indicators.push({ area, weight });
        cellOf.push(r * a.areas.columns + c);
      }
    const points = a.areaPoints.values.flat();
    const areas = a.areaNames.values.flat().map((name, i) => ({ name, points: points[i] }));
    return weightCheckText(checkWeights(indicators, areas, a.tolerance), a.areas, cellOf, a.tolerance);
  },
});

/** WEIGHTCHECK's answer: "OK", or what is wrong, each list bounded. */
function weightCheckText(
  check: ReturnType<typeof checkWeights>,
  shape: { rows: number; columns: number },
  cellOf: ArrayLike<number>,
  tolerance: number,
): string {
  const t = messages().results;
  if (check.ok) return t.ok;
  const where = (index: number) =>
    whereIn(
      shape as Parameters<typeof whereIn>[0],
      Math.floor(cellOf[index] / shape.columns) + 1,
      (cellOf[index] % shape.columns) + 1,
    );
  const findings: string[] = [];
  if (check.invalidWeights.length > 0)
    findings.push(
      t.invalidWeights(
        listFirst(check.invalidWeights, (w) => t.weightItem(where(w.index), w.weight), t.andMore),
      ),
    );
  if (check.unknownAreas.length > 0)
    findings.push(
      t.unknownAreas(
        listFirst(check.unknownAreas, (u) => t.areaItem(where(u.index), quoted(u.area)), t.andMore),
      ),
    );
  const outside = check.areas.filter((s) => !s.withinTolerance);
  if (outside.length > 0)
    findings.push(
      t.areasOutside(
        t.tolerance(tolerance),
        listFirst(outside, (s) => t.areaShareItem(quoted(s.name), s.share, s.nominalShare), t.andMore),
      ),
    );
  return bounded(findings.join(" "));
}

/**
 * WEIGHTCHECK read straight from the cells, as IMPACTINDEX: the same checks in the same order with the same
 * messages as the declared rules (a property test holds the two together), but no parsed copy of the ranges
 * and no object per indicator.
 */
function weightCheckFast(
  areas: unknown,
  weights: unknown,
  areaNames: unknown,
  areaPoints: unknown,
  tolerance: unknown,
): string {
  const A = gridOf(areas, "areas");
  for (let r = 0; r < A.rows; r++) {
    const row = A.grid[r];
    for (let c = 0; c < A.columns; c++)
      if (typeof row[c] !== "string") textCellOrBlank(row[c], "areas", r, c);
  }
  const W = gridOf(weights, "weights");
  for (let r = 0; r < W.rows; r++) {
    const row = W.grid[r];
    for (let c = 0; c < W.columns; c++) {
      const v = row[c];
      if (typeof v !== "number" || v - v !== 0)
        numberCell(v, "weights", "null", { row: r + 1, column: c + 1 });
    }
  }
  const rest = parseArgs(WEIGHTCHECK_REST, {
    areaNames: areaNames ?? null,
    areaPoints: areaPoints ?? null,
    tolerance: tolerance ?? null,
  });
  if (A.rows !== W.rows || A.columns !== W.columns)
    throw new ArgError("shapeMismatch", {
      what: "weights",
      other: "areas",
      actual: `${W.rows}×${W.columns}`,
      expected: `${A.rows}×${A.columns}`,
    });
  requireSameShape(rest.areaNames, "areaNames", rest.areaPoints, "areaPoints");
  // Only where each indicator stands is kept; its area and weight are read again from the cell when wanted.
  const columns = A.columns;
  const cellOf = new Int32Array(A.rows * columns);
  const textOf = (cell: unknown) =>
    typeof cell === "string"
      ? cell.trim() === ""
        ? ""
        : cell
      : typeof cell === "number"
        ? String(cell)
        : "";
  let count = 0;
  for (let r = 0; r < A.rows; r++) {
    const ar = A.grid[r];
    const wr = W.grid[r];
    for (let c = 0; c < columns; c++) {
      if (typeof wr[c] !== "number" && textOf(ar[c]) === "") continue;
      cellOf[count++] = r * columns + c;
    }
  }
  const points = rest.areaPoints.values.flat();
  const list = rest.areaNames.values.flat().map((name, i) => ({ name, points: points[i] }));
  const at = (i: number) => cellOf[i];
  const check = checkWeightsOf(
    count,
    (i) => textOf(A.grid[(at(i) / columns) | 0][at(i) % columns]),
    (i) => {
      const w = W.grid[(at(i) / columns) | 0][at(i) % columns];
      return typeof w === "number" ? w : null;
    },
    list,
    rest.tolerance,
  );
  return weightCheckText(check, A, cellOf, rest.tolerance);
}
const WEIGHTCHECK_REST = {
  areaNames: WEIGHTCHECK.params.areaNames,
  areaPoints: WEIGHTCHECK.params.areaPoints,
  tolerance: WEIGHTCHECK.params.tolerance,
};

const TOPSHARE = define({
  id: "TOPSHARE",
  params: { counts: { kind: "vector", blank: "zero" }, topN: { kind: "number" } },
  run: (a) => topShareRule(a.counts.values, a.topN),
});

const GOALMET = define({
  id: "GOALMET",
  params: {
    actual: { kind: "optionalNumber" },
    target: { kind: "number" },
    tolerance: { kind: "number", optional: true, default: 0 },
    responseRate: { kind: "optionalNumber" },
    minResponseRate: { kind: "number", optional: true, default: DEFAULT_MIN_RESPONSE_RATE },
    lowerIsBetter: { kind: "boolean", default: false },
  },
  // A column of =FINSAM.GOALMET(…), a call per indicator: single values taken as they stand, the declared
  // defaults for omitted ones; anything else (a range, a text, an error, a blank where a value is required)
  // goes to the declared rules and their messages.
  fast: (raw) => {
    const actual = raw[0];
    const target = raw[1];
    const tolerance = raw[2] ?? 0;
    const responseRate = raw[3] ?? null;
    const minResponseRate = raw[4] ?? DEFAULT_MIN_RESPONSE_RATE;
    const lowerIsBetter = raw[5] ?? false;
    if (
      !(actual === null || actual === undefined || isFiniteNumber(actual)) ||
      !isFiniteNumber(target) ||
      !isFiniteNumber(tolerance) ||
      !(responseRate === null || isFiniteNumber(responseRate)) ||
      !isFiniteNumber(minResponseRate) ||
      typeof lowerIsBetter !== "boolean"
    )
      return undefined;
    const status = goalStatusOf(
      actual ?? null,
      target,
      tolerance,
      responseRate,
      minResponseRate,
      lowerIsBetter,
    );
    return status === "reached" || status === "near";
  },
  run: (a) => goalMetRule(a),
});

const CHECKSUM = define({
  id: "CHECKSUM",
  params: {
    parts: { kind: "vector", blank: "skip" },
    total: { kind: "number" },
    rounding: { kind: "number", optional: true, default: 0 },
  },
  run: (a) => {
    const check = checkSumRule(a.parts.values, a.total, a.rounding);
    const t = messages().results;
    return check.ok
      ? t.ok
      : t.sumMismatch({
          sum: check.sum,
          total: a.total,
          difference: check.difference,
          allowed: check.allowed,
        });
  },
});

const COSTSPLIT = define({
  id: "COSTSPLIT",
  params: {
    amounts: { kind: "vector", blank: "zero" },
    shares: { kind: "vector", blank: "zero" },
    decimals: { kind: "optionalNumber" },
  },
  spill: () => ({ width: 3, height: 1 }),
  run: (a) => {
    if (a.shares.columns !== 3)
      throw new ArgError("wrongColumnCount", { what: "shares", expected: 3, actual: a.shares.columns });
    const lines = a.amounts.values;
    if (a.shares.rows !== lines.length)
      throw new ArgError("shapeMismatch", {
        what: "shares",
        other: "amounts",
        actual: `${a.shares.rows}×3`,
        expected: `${lines.length}×3`,
      });
    // A line with no amount needs no key: a blank or unfinished key on it is no error.
    return [costSplitOf(lines, a.shares.values, a.decimals ?? undefined, true)];
  },
});

const SOLIDITET = define({
  id: "SOLIDITET",
  params: { equity: { kind: "number" }, assets: { kind: "number" } },
  fast: (raw) => {
    const equity = raw[0];
    const assets = raw[1];
    return isFiniteNumber(equity) && isFiniteNumber(assets) ? equityRatio(equity, assets) : undefined;
  },
  run: (a) => equityRatio(a.equity, a.assets),
});

/** Every custom function by id: the one declaration (TypeScript requires an entry for every id). */
export const REGISTRY = {
  IMPACTINDEX,
  FEESPLIT,
  FINANCING,
  EQUITYCAP,
  WEIGHTCHECK,
  TOPSHARE,
  GOALMET,
  CHECKSUM,
  COSTSPLIT,
  SOLIDITET,
} satisfies Record<FunctionId, { id: FunctionId; params: ArgSpec }>;

/** Each function as an engine calls it (the headless engine, tests): raw cells in. */
export const FUNCTIONS: Record<FunctionId, (...args: unknown[]) => unknown> = Object.fromEntries(
  FUNCTION_IDS.map((id) => [
    id,
    (...args: unknown[]) => invoke(REGISTRY[id] as unknown as FunctionEntry, args),
  ]),
) as Record<FunctionId, (...args: unknown[]) => unknown>;

/** Functions whose result spills: the size of the result from the sizes of the arguments. */
export const SPILL_SIZE: Partial<Record<FunctionId, NonNullable<FunctionEntry["spill"]>>> =
  Object.fromEntries(
    FUNCTION_IDS.flatMap((id) => {
      const spill = (REGISTRY[id] as unknown as FunctionEntry).spill;
      return spill ? [[id, spill]] : [];
    }),
  );

/** A function's name as users type it in each language (Swedish from the metadata overlay Excel uses). */
export function functionName(id: FunctionId, locale: "sv" | "en"): string {
  return locale === "sv" ? (sv.functions as Record<string, { name: string }>)[id].name : id;
}

/** The parameter names in order, as the metadata must list them. */
export function parameterNames(id: FunctionId): string[] {
  return [...namesOf(REGISTRY[id] as unknown as FunctionEntry)];
}
