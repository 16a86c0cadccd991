import type { ArgErrorCode, ErrorParams } from "../domain/errors";

export type { ArgErrorCode };

/**
 * Excel arguments, declared rather than coded: each custom function lists its parameters with a rule,
 * and `parseArgs` turns what Excel passes (numbers, strings, booleans, `null` for an omitted optional
 * argument, 2-D arrays for ranges, blanks as `null` or "") into typed values, or throws an `ArgError`
 * that names the argument and the cell (row and column within the range).
 */

export class ArgError extends Error {
  constructor(
    readonly code: ArgErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "ArgError";
  }
}

/** A cell as Excel hands it to a custom function. */
export type ExcelCell = unknown;

/** What a range rule does with a blank cell. */
export type BlankPolicy = "error" | "null" | "zero";

export type ArgRule =
  | { kind: "number"; optional?: false }
  | { kind: "number"; optional: true; default: number }
  | { kind: "optionalNumber" }
  | { kind: "boolean"; default: boolean }
  | { kind: "optionalText" }
  | { kind: "numbers"; blank: BlankPolicy }
  | { kind: "optionalNumbers"; blank: BlankPolicy }
  | { kind: "texts" }
  | { kind: "optionalTexts" }
  | { kind: "attainments" }
  /** A range of numbers read into one typed array, row by row: no per-cell allocation. */
  | { kind: "vector"; blank: "error" | "zero" | "skip" };

type Parsed<R extends ArgRule> = R extends { kind: "number" }
  ? number
  : R extends { kind: "optionalNumber" }
    ? number | null
    : R extends { kind: "boolean" }
      ? boolean
      : R extends { kind: "optionalText" }
        ? string | null
        : R extends { kind: "numbers" }
          ? Matrix<R["blank"] extends "null" ? number | null : number>
          : R extends { kind: "optionalNumbers" }
            ? Matrix<R["blank"] extends "null" ? number | null : number> | null
            : R extends { kind: "texts" }
              ? Matrix<string>
              : R extends { kind: "optionalTexts" }
                ? Matrix<string> | null
                : R extends { kind: "attainments" }
                  ? Matrix<number | null>
                  : R extends { kind: "vector" }
                    ? Vector
                    : never;

/** A range of numbers as one typed array (row by row); blanks skipped are not in it. */
export interface Vector {
  rows: number;
  columns: number;
  values: Float64Array;
}

/** A rectangular range: `rows × columns` values, row by row. */
export interface Matrix<T> {
  rows: number;
  columns: number;
  values: T[][];
}

export type ArgSpec = Record<string, ArgRule>;

/** What `parseArgs` gives for a spec: each parameter parsed by its rule. */
export type ParsedArgs<S extends ArgSpec> = { [K in keyof S]: Parsed<S[K]> };

/**
 * Parses every argument of a function by its rule. Keys of `spec` are the parameter names used in
 * messages (looked up in the i18n quantities), so a message says "vikterna rad 3, kolumn 1".
 */
export function parseArgs<S extends ArgSpec>(spec: S, args: { [K in keyof S]: unknown }): ParsedArgs<S> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(spec)) {
    out[name] = parseOne(spec[name], args[name], name);
  }
  return out as ParsedArgs<S>;
}

/**
 * The same, for arguments in order as Excel passes them (`names` is the spec's keys, computed once per
 * function): no object of arguments built per call.
 */
export function parsePositional<S extends ArgSpec>(
  spec: S,
  names: readonly string[],
  raw: readonly unknown[],
): ParsedArgs<S> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const value = raw[i];
    out[names[i]] = parseOne(spec[names[i]], value === undefined ? null : value, names[i]);
  }
  return out as ParsedArgs<S>;
}

function parseOne(rule: ArgRule, value: unknown, what: string): unknown {
  switch (rule.kind) {
    case "number":
      if (rule.optional && isOmitted(value)) return rule.default;
      return numberCell(single(value, what), what, "error");
    case "optionalNumber":
      return isOmitted(value) ? null : numberCell(single(value, what), what, "null");
    case "boolean":
      return isOmitted(value) ? rule.default : booleanCell(single(value, what), what);
    case "optionalText":
      return isOmitted(value) ? null : textCell(single(value, what), what);
    case "numbers":
      return numbersMatrix(value, what, rule.blank);
    case "optionalNumbers":
      return isOmitted(value) ? null : numbersMatrix(value, what, rule.blank);
    case "texts":
      return textsMatrix(value, what);
    case "optionalTexts":
      return isOmitted(value) ? null : textsMatrix(value, what);
    case "attainments":
      return attainmentsMatrix(value, what);
    case "vector":
      return vectorOf(value, what, rule.blank);
  }
}

/** One parameter's reader, chosen from its rule once: the common cell first, anything else by `parseOne`. */
type Reader = (value: unknown) => unknown;

function readerOf(rule: ArgRule, what: string): Reader {
  const slow: Reader = (value) => parseOne(rule, value, what);
  switch (rule.kind) {
    case "number":
      return (v) => (typeof v === "number" && v - v === 0 ? v : slow(v));
    case "optionalNumber":
      return (v) => (v === null ? null : typeof v === "number" && v - v === 0 ? v : slow(v));
    case "boolean":
      return (v) => (typeof v === "boolean" ? v : slow(v));
    default:
      return slow;
  }
}

/** A function's argument list parsed by its rules: compiled once per function by `compileArgs`. */
export type ArgParser<S extends ArgSpec> = (raw: readonly unknown[]) => ParsedArgs<S>;

/**
 * The parser of one argument list, compiled once per function: each parameter's reader is chosen from its
 * rule here (a single number checked inline, the rest by `parseOne`), and the result is copied from one
 * template object, so every call builds an object of the same shape and nothing is decided per call that
 * the declaration already said. The same values and the same errors as `parsePositional` (a property test
 * holds the two together).
 */
export function compileArgs<S extends ArgSpec>(spec: S): ArgParser<S> {
  const names = Object.keys(spec);
  const readers = names.map((name) => readerOf(spec[name], name));
  const template: Record<string, unknown> = {};
  for (const name of names) template[name] = null;
  const count = names.length;
  return (raw) => {
    const out = { ...template };
    for (let i = 0; i < count; i++) {
      const value = raw[i];
      out[names[i]] = readers[i](value === undefined ? null : value);
    }
    return out as ParsedArgs<S>;
  };
}

/** A range of numbers, cell by cell (no callback per cell); blanks by `blank`. */
function numbersMatrix(value: unknown, what: string, blank: BlankPolicy): Matrix<number | null> {
  const g = gridOf(value, what);
  const values = new Array<(number | null)[]>(g.rows);
  for (let r = 0; r < g.rows; r++) {
    const row = g.grid[r];
    const out = new Array<number | null>(g.columns);
    for (let c = 0; c < g.columns; c++) {
      const cell = row[c];
      out[c] =
        typeof cell === "number" && cell - cell === 0
          ? cell
          : numberCell(cell, what, blank, { row: r + 1, column: c + 1 });
    }
    values[r] = out;
  }
  return { rows: g.rows, columns: g.columns, values };
}

/** A range of texts: each text, "" for a blank, or the error that names the cell. */
function textsMatrix(value: unknown, what: string): Matrix<string> {
  const g = gridOf(value, what);
  const values = new Array<string[]>(g.rows);
  for (let r = 0; r < g.rows; r++) {
    const row = g.grid[r];
    const out = new Array<string>(g.columns);
    for (let c = 0; c < g.columns; c++) out[c] = textCellOrBlank(row[c], what, r, c);
    values[r] = out;
  }
  return { rows: g.rows, columns: g.columns, values };
}

/** A range of goal attainments: TRUE/FALSE as 1/0, a share 0–1, null for a blank. */
function attainmentsMatrix(value: unknown, what: string): Matrix<number | null> {
  const g = gridOf(value, what);
  const values = new Array<(number | null)[]>(g.rows);
  for (let r = 0; r < g.rows; r++) {
    const row = g.grid[r];
    const out = new Array<number | null>(g.columns);
    for (let c = 0; c < g.columns; c++) {
      const cell = row[c];
      out[c] =
        typeof cell === "boolean"
          ? cell
            ? 1
            : 0
          : attainmentCell(cell, what, { row: r + 1, column: c + 1 });
    }
    values[r] = out;
  }
  return { rows: g.rows, columns: g.columns, values };
}

/**
 * A range of numbers read once into a typed array, with the same checks and messages as a declared `numbers`
 * rule: the cost per cell is flat up to a million cells.
 */
function vectorOf(value: unknown, what: string, blank: "error" | "zero" | "skip"): Vector {
  const g = gridOf(value, what);
  const values = new Float64Array(g.rows * g.columns);
  const policy: BlankPolicy = blank === "skip" ? "null" : blank;
  let k = 0;
  for (let r = 0; r < g.rows; r++) {
    const row = g.grid[r];
    for (let c = 0; c < g.columns; c++) {
      const v = row[c];
      if (typeof v === "number" && Number.isFinite(v)) values[k++] = v;
      else {
        const parsed = numberCell(v, what, policy, { row: r + 1, column: c + 1 });
        if (parsed !== null) values[k++] = parsed;
      }
    }
  }
  return { rows: g.rows, columns: g.columns, values: k === values.length ? values : values.subarray(0, k) };
}

interface Position {
  row: number;
  column: number;
}

const at = (pos?: Position): Record<string, number> => (pos ? { row: pos.row, column: pos.column } : {});

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** An omitted optional argument arrives as `null`; a reference to an empty cell as a blank. */
export function isOmitted(value: unknown): boolean {
  if (Array.isArray(value))
    return value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && isBlank(value[0][0]);
  return isBlank(value);
}

function isErrorValue(value: unknown): boolean {
  return value instanceof Error || (typeof value === "object" && value !== null && !Array.isArray(value));
}

/** A scalar parameter given a 1×1 range gets its value; a larger range is refused. */
function single(value: unknown, what: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw new ArgError("notSingleValue", { what });
}

export function numberCell(cell: unknown, what: string, blank: BlankPolicy, pos?: Position): number | null {
  if (isBlank(cell)) {
    if (blank === "null") return null;
    if (blank === "zero") return 0;
    throw new ArgError("blankNotAllowed", { what, ...at(pos) });
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new ArgError("errorInCell", { what, ...at(pos) });
    return cell;
  }
  if (typeof cell === "boolean") throw new ArgError("booleanInsteadOfNumber", { what, ...at(pos) });
  if (typeof cell === "string")
    throw new ArgError("textInsteadOfNumber", { what, text: clip(cell), ...at(pos) });
  throw new ArgError("errorInCell", { what, ...at(pos) });
}

function booleanCell(cell: unknown, what: string): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number" && (cell === 0 || cell === 1)) return cell === 1;
  if (isErrorValue(cell)) throw new ArgError("errorInCell", { what });
  throw new ArgError("textInsteadOfBoolean", { what, text: clip(String(cell)) });
}

function textCell(cell: unknown, what: string, pos?: Position): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  if (isErrorValue(cell)) throw new ArgError("errorInCell", { what, ...at(pos) });
  throw new ArgError("notText", { what, ...at(pos) });
}

export function attainmentCell(cell: unknown, what: string, pos: Position): number | null {
  if (isBlank(cell)) return null;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "number" && cell >= 0 && cell <= 1) return cell;
  if (isErrorValue(cell)) throw new ArgError("errorInCell", { what, ...at(pos) });
  throw new ArgError("invalidAttainment", { what, ...at(pos) });
}

/** A cell's position (1-based) for a message: made only when there is something to say. */
const pos = (r: number, c: number): Position => ({ row: r + 1, column: c + 1 });

/** A cell of a range of texts: the text, "" for a blank, or the error that names the cell. */
export function textCellOrBlank(cell: unknown, what: string, r: number, c: number): string {
  return typeof cell === "string"
    ? cell.trim() === ""
      ? ""
      : cell
    : isBlank(cell)
      ? ""
      : textCell(cell, what, pos(r, c));
}

/** Ranges that describe the same cells (weights and attainment, areas and weights) must match in size. */
export function requireSameShape(a: Matrix<unknown>, aName: string, b: Matrix<unknown>, bName: string): void {
  if (a.rows !== b.rows || a.columns !== b.columns) {
    throw new ArgError("shapeMismatch", {
      what: bName,
      other: aName,
      actual: `${b.rows}×${b.columns}`,
      expected: `${a.rows}×${a.columns}`,
    });
  }
}

/**
 * The rows of a range argument as Excel passes them, checked for shape only (not empty, not ragged) — for the
 * fast paths that read each cell once without building a parsed copy. The same errors as the parsed ranges.
 */
export function gridOf(value: unknown, what: string): { grid: unknown[][]; rows: number; columns: number } {
  const grid = (Array.isArray(value) ? value : [[value]]) as unknown[][];
  if (grid.length === 0 || !Array.isArray(grid[0]) || grid[0].length === 0)
    throw new ArgError("emptyRange", { what });
  const columns = grid[0].length;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) throw new ArgError("emptyRange", { what });
    if (row.length !== columns)
      throw new ArgError("raggedRange", { what, row: r + 1, actual: row.length, expected: columns });
  }
  return { grid, rows: grid.length, columns };
}

/** Where a cell of a range is, for a message: a range one row high is counted by columns, one column wide by rows. */
export function whereIn(m: Matrix<unknown>, row: number, column: number) {
  const shape: "row" | "column" | "block" =
    m.rows === 1 && m.columns > 1 ? "row" : m.columns === 1 ? "column" : "block";
  return { row, column, shape };
}

function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
