import { addr } from "../templates/sheetBuilder";
import type { SheetData } from "./types";

/** Reading a sheet as a person does: by the labels in its first column and the headers of its tables. */
export class Grid {
  readonly rows: number;
  readonly columns: number;
  private readonly top: number;
  private readonly left: number;

  constructor(readonly sheet: SheetData) {
    this.rows = sheet.values.length;
    this.columns = Math.max(0, ...sheet.values.map((r) => r.length));
    this.top = sheet.origin?.row ?? 1;
    this.left = sheet.origin?.column ?? 1;
  }

  /** The value at a 1-based sheet row and column. */
  at(row: number, column: number): unknown {
    return this.sheet.values[row - this.top]?.[column - this.left];
  }

  number(row: number, column: number): number | null {
    const v = this.at(row, column);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  }

  text(row: number, column: number): string {
    const v = this.at(row, column);
    return typeof v === "string" ? v.trim() : "";
  }

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
    for (let r = this.top; r <= this.lastRow; r++) if (normalise(this.label(r)) === key) out.push(r);
    return out;
  }

  /** The first row whose cells contain all of `headers` in order, and their columns. */
  findHeader(headers: string[]): { row: number; columns: number[] } | null {
    const keys = headers.map(normalise);
    for (let r = this.top; r <= this.lastRow; r++) {
      const columns: number[] = [];
      let k = 0;
      for (let c = this.left; c < this.left + this.columns && k < keys.length; c++) {
        if (normalise(this.text(r, c)) === keys[k]) {
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

export function normalise(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv-SE");
}
