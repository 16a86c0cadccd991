/**
 * A sheet as read back: the values of its used range, whose top-left cell is A1 unless `origin` says.
 *
 * This is the one shape every reader gives (the .xlsx reader, Office.js in the pane, the headless
 * workbook) and every check takes:
 * - `values` holds each cell's value as Excel shows it: a number, a text, a boolean, "" (or null) for an
 *   empty cell, and an Excel error value as its text ("#VALUE!", "#REF!" …, see `isErrorValue`) — which
 *   is also how Office.js returns errors in `range.values`. A formula's cell holds its cached result.
 * - `formulas`, where the reader has them, is parallel to `values`: the formula of a cell as Excel writes it
 *   in invariant syntax, with its leading "=" ("=SUM(C5:C9)"), and undefined/null/"" for a constant.
 *   A formula whose result the file does not cache has `uncomputed` set (the value is then "").
 * - A reader may give one sheet as several blocks (the same `name`, each with its own `origin`) when its
 *   cells lie far apart, so that no block is a dense grid much larger than the cells in it.
 */
export interface SheetData {
  name: string;
  values: unknown[][];
  origin?: { row: number; column: number };
  formulas?: (string | null | undefined)[][];
  /** Positions (row-major, 0-based within this block, "r,c") of formulas the file carries no result for. */
  uncomputed?: ReadonlySet<string>;
}

/** Excel's error values, as Office.js and a file's cached results spell them. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** Is this cell value one of Excel's error values (`#VALUE!`, `#REF!` …)? */
export function isErrorValue(value: unknown): value is string {
  return typeof value === "string" && value.length <= 14 && EXCEL_ERRORS.has(value.trim().toUpperCase());
}
