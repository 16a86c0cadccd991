/**
 * One worksheet part read as a stream of cells: each `<c>` in `<sheetData>` with its position, value, formula
 * and whether its formula has a cached result. Nothing is laid out in a grid here (blocks.ts does that), and
 * `<dimension>` is never read: cells are counted as they arrive, and the sheet stops at the limit. What follows
 * `</sheetData>` (merges, validations, conditional formats, drawings) is not read at all.
 */
import { fromFileSpelling } from "../../sheet/formulaSpelling";
import { parseOoxmlNumber } from "./ooxmlNumber";
import { STOP, type XmlHandler } from "./parts";
import { shiftFormula } from "./sharedFormula";

/** Excel's grid. */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
/** Excel keeps at most this many characters in a cell, and a formula at most 8 192. */
const MAX_TEXT = 32_767;
const MAX_FORMULA = 8_192;

export type CellValue = string | number | boolean;

/** A sheet's cells in the order the file gives them (1-based rows and columns). */
export interface SparseCells {
  rows: number[];
  columns: number[];
  values: CellValue[];
  formulas: (string | undefined)[];
  /** Indexes (into the arrays above) of formulas the file carries no result for. */
  uncached: number[];
  /** Cells whose stored number is not a number ("12abc", "NaN"): kept as their text, named in a note. */
  badNumbers: number[];
}

/** Why a sheet stopped before its end: too many cells, or a position outside Excel's grid. */
export type SheetStop = { kind: "tooManyCells" } | { kind: "badPosition"; where: string } | null;

export interface SheetBudget {
  /** Cells this sheet may still hold. */
  cells: number;
  /** Characters of text all sheets may still hold; spent here. */
  chars: { left: number };
}

export const emptyCells = (): SparseCells => ({
  rows: [],
  columns: [],
  values: [],
  formulas: [],
  uncached: [],
  badNumbers: [],
});

/** The handler that fills `cells` from one worksheet part; `stop()` says why it ended early. */
export function sheetHandler(
  cells: SparseCells,
  sharedStrings: readonly string[],
  budget: SheetBudget,
  date1904: boolean,
): XmlHandler & { stop(): SheetStop; tooMuchText(): boolean } {
  let inData = false;
  let row = 0;
  let column = 0;
  let type = "n";
  let capture: "v" | "f" | "t" | null = null;
  let inInline = false;
  let inPhonetic = false;
  let v = "";
  let f = "";
  let t = "";
  let hasV = false;
  let hasF = false;
  let fType = "";
  let fShared = "";
  let stopped: SheetStop = null;
  let textOver = false;
  const masters = new Map<string, { row: number; column: number; text: string }>();
  const halt = (why: SheetStop): never => {
    stopped = why;
    throw STOP;
  };
  const spend = (text: string) => {
    budget.chars.left -= text.length;
    if (budget.chars.left < 0) {
      textOver = true;
      throw STOP;
    }
  };

  return {
    stop: () => stopped,
    tooMuchText: () => textOver,
    open(name, a) {
      if (!inData) {
        if (name === "sheetData") inData = true;
        return;
      }
      switch (name) {
        case "row": {
          const r = a.r === undefined ? row + 1 : position(a.r, MAX_ROW);
          if (r === null) halt({ kind: "badPosition", where: `row ${a.r.slice(0, 20)}` });
          row = r as number;
          column = 0;
          return;
        }
        case "c": {
          if (a.r === undefined) column++;
          else {
            const ref = cellRef(a.r);
            if (!ref) return halt({ kind: "badPosition", where: a.r.slice(0, 20) });
            row = ref.row;
            column = ref.column;
          }
          if (row < 1 || column < 1 || column > MAX_COLUMN)
            halt({ kind: "badPosition", where: `row ${row}` });
          type = a.t ?? "n";
          v = f = t = "";
          hasV = hasF = false;
          inInline = false;
          return;
        }
        case "v":
          capture = "v";
          hasV = true;
          return;
        case "f":
          capture = "f";
          hasF = true;
          fType = a.t ?? "";
          fShared = a.si ?? "";
          return;
        case "is":
          inInline = true;
          return;
        case "rPh":
          inPhonetic = true;
          return;
        case "t":
          if (inInline && !inPhonetic) capture = "t";
          return;
      }
    },
    text(text) {
      if (capture === "v") v = v.length < MAX_TEXT ? v + text : v;
      else if (capture === "f") f = f.length < MAX_FORMULA ? f + text : f;
      else if (capture === "t") t = t.length < MAX_TEXT ? t + text : t;
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case "v":
        case "f":
        case "t":
          capture = null;
          return;
        case "rPh":
          inPhonetic = false;
          return;
        case "is":
          inInline = false;
          return;
        case "sheetData":
          throw STOP;
        case "c":
          finish();
      }
    },
  };

  function finish(): void {
    let formula: string | undefined;
    if (hasF) {
      let text = f;
      if (fType === "shared" && fShared !== "") {
        const master = masters.get(fShared);
        if (text.trim() !== "") masters.set(fShared, { row, column, text });
        else if (master) text = shiftFormula(master.text, row - master.row, column - master.column);
      }
      if (text.trim() !== "") formula = `=${fromFileSpelling(text.slice(0, MAX_FORMULA))}`;
    }
    let value: CellValue = "";
    let bad = false;
    switch (type) {
      case "s": {
        const index = /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : -1;
        if (index >= 0 && index < sharedStrings.length) value = sharedStrings[index];
        else if (hasV) bad = true;
        break;
      }
      case "inlineStr":
        value = hasV && t === "" ? v : t;
        break;
      case "str":
        value = v;
        break;
      case "b":
        if (/^\s*(1|true)\s*$/.test(v)) value = true;
        else if (/^\s*(0|false)\s*$/.test(v)) value = false;
        else bad = hasV;
        break;
      case "e":
        value = v.trim();
        break;
      case "d":
        value = hasV ? (isoDateSerial(v, date1904) ?? v) : "";
        bad = typeof value === "string" && hasV;
        break;
      default:
        if (hasV) {
          const n = parseOoxmlNumber(v);
          if (n === null) bad = true;
          else value = n;
        }
    }
    if (bad) value = v.trim().slice(0, 40);
    const uncached = formula !== undefined && !hasV;
    if (value === "" && formula === undefined) return; // a styled empty cell
    if (cells.values.length >= budget.cells) halt({ kind: "tooManyCells" });
    if (typeof value === "string") spend(value);
    if (formula) spend(formula);
    const i = cells.values.length;
    cells.rows.push(row);
    cells.columns.push(column);
    cells.values.push(value);
    cells.formulas.push(formula);
    if (uncached) cells.uncached.push(i);
    if (bad) cells.badNumbers.push(i);
  }
}

/** A 1-based position within 1..max from its decimal text, or null. */
function position(text: string, max: number): number | null {
  if (!/^\s*\d{1,7}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
}

/** "C5" → row 5, column 3 within Excel's grid, or null. */
function cellRef(ref: string): { row: number; column: number } | null {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(ref);
  if (!m) return null;
  let column = 0;
  const letters = m[1].toUpperCase();
  for (let i = 0; i < letters.length; i++) column = column * 26 + letters.charCodeAt(i) - 64;
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && column >= 1 && column <= MAX_COLUMN ? { row, column } : null;
}

/** A `t="d"` cell's ISO 8601 date (and time) as a serial, in the workbook's date system; null if not a date. */
function isoDateSerial(text: string, date1904: boolean): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?\s*$/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  if (!Number.isFinite(ms)) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / 86_400_000;
}
