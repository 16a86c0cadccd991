import { FUNCTION_IDS, FUNCTION_NAMESPACE } from "../../src/functions/catalog";
import { FUNCTIONS } from "../../src/functions/registry";
import { setLocale } from "../../src/i18n";
import { addr, range } from "../../src/sheet/a1";
import { HeadlessWorkbook, type HeadlessValue } from "../../src/workbook/headless/headlessWorkbook";
import { callExcel } from "../helpers/excel";
import { errors, results, type Case } from "./cases";

/**
 * Every reference case again, as a person types it: the ranges on a sheet, the formula as text
 * (=FINSAM.FEESPLIT(A1:A6,2845)), evaluated by the headless engine with the FINSAM functions registered —
 * the same value (a spilled result cell by cell), or the same Excel error with the same message.
 */
type Cell = string | number | boolean | null;

const ERROR_FORMULAS: Record<string, string> = { "#DIV/0!": "=1/0", "#N/A": "=NA()", "#VALUE!": '="a"+1' };

function literal(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return `"${String(v).replace(/"/g, '""')}"`;
}

/** The sheet and the formula for a case: each range in its own block of columns, scalars inline. */
function layout(
  id: string,
  args: unknown[],
): { rows: Cell[][]; formula: string; at: { row: number; column: number } } {
  const rows: Cell[][] = [];
  let column = 1;
  /** Booleans and error values go in a cell, as a person would have them. */
  const cellOf = (v: unknown): Cell =>
    v instanceof Error
      ? (ERROR_FORMULAS[v.message] ?? "=NA()")
      : v === "" || v === undefined
        ? null
        : (v as Cell);
  const texts = args.map((arg) => {
    if (typeof arg === "boolean" || arg instanceof Error) {
      (rows[0] ??= [])[column - 1] = cellOf(arg);
      return addr(1, column++ + 0);
    }
    if (!Array.isArray(arg)) return literal(arg);
    const grid = arg as unknown[][];
    const width = Math.max(1, ...grid.map((r) => r.length));
    grid.forEach((r, i) =>
      r.forEach((v, j) => {
        (rows[i] ??= [])[column - 1 + j] = cellOf(v);
      }),
    );
    const text = range(1, column, Math.max(1, grid.length), column + width - 1);
    column += width + 1;
    return text;
  });
  while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop(); // omitted at the end
  const at = { row: 1, column: column + 1 };
  (rows[0] ??= [])[at.column - 1] = `=${FUNCTION_NAMESPACE}.${id}(${texts.join(",")})`;
  return {
    rows: rows.map((r) => Array.from(r ?? [], (v) => v ?? null)),
    formula: String(rows[0][at.column - 1]),
    at,
  };
}

function evaluate(id: string, args: unknown[], shape: { rows: number; columns: number }): unknown {
  const wb = new HeadlessWorkbook();
  const { rows, at } = layout(id, args);
  wb.addUserSheet("Blad1", rows);
  const first = wb.value("Blad1", addr(at.row, at.column));
  if (first !== null && typeof first === "object") return first; // an error
  if (shape.rows === 1 && shape.columns === 1) return first;
  return wb.values("Blad1", range(at.row, at.column, at.row + shape.rows - 1, at.column + shape.columns - 1));
}

/** impactIndex → IMPACTINDEX: each exported function is named for its id. */
const idOf = (fn: Case[1]) => {
  const id = fn.name.toUpperCase();
  if (!(id in FUNCTIONS)) throw new Error(`no function ${id}`);
  return id;
};
const shapeOf = (v: unknown) =>
  Array.isArray(v) ? { rows: v.length, columns: (v[0] as unknown[]).length } : { rows: 1, columns: 1 };

beforeAll(() => setLocale("sv"));

test("every function has a case typed as formula text", () => {
  const covered = new Set([...results, ...errors].map(([, fn]) => idOf(fn)));
  expect([...covered].sort()).toEqual([...FUNCTION_IDS].sort());
});

describe.each(results)("%s, typed as a formula", (_title, fn, args, expected) => {
  test("the engine shows what Excel shows", () => {
    const value = evaluate(idOf(fn), args, shapeOf(expected)) as HeadlessValue | HeadlessValue[][];
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 9);
    else expect(value).toEqual(expected);
  });
});

/** A range always has a cell: an empty one can only be passed by a program, not typed. */
const typeable = (args: unknown[]) => !args.some((a) => Array.isArray(a) && a.length === 0);

describe.each(errors.filter(([, , args]) => typeable(args)))("%s, typed as a formula", (_title, fn, args) => {
  test("the same Excel error and message", () => {
    const direct = callExcel(fn, args) as { error: string; message: string };
    const cellError = args.flat(2).find((v) => v instanceof Error) as Error | undefined;
    if (cellError) {
      // The headless engine hands on an error in a range before the function is called (the function, called
      // with it, names the cell): either way the result is an error, never a number.
      expect(evaluate(idOf(fn), args, { rows: 1, columns: 1 })).toEqual({
        error: cellError.message,
        message: "",
      });
      return;
    }
    expect(evaluate(idOf(fn), args, { rows: 1, columns: 1 })).toEqual({
      error: direct.error,
      message: direct.message,
    });
  });
});
