import { addr } from "../sheet/a1";
import { normalise, normaliseText } from "../sheet/vocabulary";
import { isErrorValue, type SheetData } from "../sheet/sheetData";
import { isWords, parseAmountText, readCell, type CellReading } from "./cells";

export { normalise };

/** Reading a sheet as a person does: by the labels in its first column and the headers of its tables. */
export class Grid {
  readonly rows: number;
  readonly columns: number;
  private readonly top: number;
  private readonly left: number;

  constructor(readonly sheet: SheetData) {
    this.rows = sheet.values.length;
    let columns = 0;
    for (const row of sheet.values) columns = Math.max(columns, row?.length ?? 0); // no spread: a sheet may have a million rows
    this.columns = columns;
    this.top = sheet.origin?.row ?? 1;
    this.left = sheet.origin?.column ?? 1;
  }

  /** The value at a 1-based sheet row and column. */
  at(row: number, column: number): unknown {
    return this.sheet.values[row - this.top]?.[column - this.left];
  }

  /** A number, or an amount typed as text the way reports print it ("1 234", "−1 234,5", "(1 234)"). */
  number(row: number, column: number): number | null {
    const v = this.at(row, column);
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (typeof v !== "string") return null;
    if (isWords(v)) return null; // a label: no amount, at once (and nothing kept for it)
    // Every stage asks for the same figures many times: a text is parsed once.
    const line = (this.parsed[row - this.top] ??= []);
    const cached = line[column - this.left];
    if (cached !== undefined) return cached;
    const value = parseAmountText(v);
    line[column - this.left] = value;
    return value;
  }

  /** Texts read as amounts, by row and column like the sheet's values (sparse: only cells holding text). */
  private readonly parsed: (number | null)[][] = [];

  /** What the cell holds as an amount: a number (typed or as text), nil, blank, an error value or words. */
  reading(row: number, column: number): CellReading {
    return readCell(this.at(row, column), isErrorValue);
  }

  /** The cell's formula with its "=" ("=SUM(C5:C9)"), or null for a constant or where the reader gave none. */
  formula(row: number, column: number): string | null {
    const f = this.sheet.formulas?.[row - this.top]?.[column - this.left];
    return typeof f === "string" && f.startsWith("=") ? f : null;
  }

  /** Did the reader give formulas for this sheet at all (a file does; a plain grid of values does not)? */
  get hasFormulas(): boolean {
    return this.sheet.formulas !== undefined;
  }

  /** The cell's Excel error value ("#REF!"), or null. */
  error(row: number, column: number): string | null {
    const v = this.at(row, column);
    return isErrorValue(v) ? v.trim().toUpperCase() : null;
  }

  /** Is the cell empty (nothing, or only spaces)? */
  blank(row: number, column: number): boolean {
    const v = this.at(row, column);
    return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  }

  text(row: number, column: number): string {
    const v = this.at(row, column);
    return typeof v === "string" ? v.trim() : "";
  }

  /**
   * A cell's text as the vocabulary compares it (`normalise`), "" for anything but text: read once per cell
   * and kept with the grid (every stage of the check compares the same labels; a memo by text alone is a
   * lookup in a table of every distinct label, 100 000 of them in a ledger).
   */
  key(row: number, column: number): string {
    const v = this.at(row, column);
    if (typeof v !== "string") return "";
    const line = (this.keys[row - this.top] ??= []);
    return (line[column - this.left] ??= normaliseText(v));
  }

  private readonly keys: (string | undefined)[][] = [];

  /** The first-column label of a row (leading spaces of indented rows removed). */
  label(row: number): string {
    return this.text(row, this.left);
  }

  address(row: number, column: number): string {
    return addr(row, column);
  }

  get firstRow(): number {
    return this.top;
  }

  get lastRow(): number {
    return this.top + this.rows - 1;
  }

  get firstColumn(): number {
    return this.left;
  }

  /** Rows whose label equals `text` (case and spaces aside). */
  rowsLabelled(text: string): number[] {
    const key = normalise(text);
    const out: number[] = [];
    for (let r = this.top; r <= this.lastRow; r++) if (this.key(r, this.left) === key) out.push(r);
    return out;
  }

  /** The first row whose cells contain all of `headers` in order, and their columns. */
  findHeader(headers: string[]): { row: number; columns: number[] } | null {
    const keys = headers.map(normalise);
    for (let r = this.top; r <= this.lastRow; r++) {
      const columns: number[] = [];
      let k = 0;
      for (let c = this.left; c < this.left + this.columns && k < keys.length; c++) {
        if (this.key(r, c) === keys[k]) {
          columns.push(c);
          k++;
        }
      }
      if (k === keys.length) return { row: r, columns };
    }
    return null;
  }

  /** Does any of the first `rows` rows hold a text matching `pattern`? */
  hasTitle(pattern: RegExp, rows = 3): boolean {
    for (let r = this.top; r < this.top + rows && r <= this.lastRow; r++) {
      for (let c = this.left; c < this.left + this.columns; c++)
        if (pattern.test(this.text(r, c))) return true;
    }
    return false;
  }
}

export { parseAmountText };
