import { ANCHOR_COLUMN, anchorText, type AnchorRole } from "../sheet/vocabulary";
import type {
  Cell,
  CellValue,
  ChartSpec,
  ConditionalFormatSpec,
  SheetSpec,
  TableSpec,
  ValidationSpec,
} from "./spec";

/**
 * Lays out a sheet row by row, so that a template reads top to bottom like the sheet it makes, and
 * every formula can name the cells it points at by what they are rather than by hand-counted addresses.
 */
export class SheetBuilder {
  private readonly grid: (Cell | undefined)[][] = [];
  private next = 1;
  private anchored = false;
  readonly tables: TableSpec[] = [];
  readonly validations: ValidationSpec[] = [];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];
  readonly charts: ChartSpec[] = [];

  constructor(
    readonly key: string,
    readonly name: string,
  ) {}

  /** The row the next `row()` writes (1-based). */
  get currentRow(): number {
    return this.next;
  }

  /** Writes one row starting at column `from` (1 = A) and returns its row number. */
  row(cells: (Cell | CellValue | undefined)[], from = 1): number {
    const r = this.next++;
    cells.forEach((cell, i) => this.set(r, from + i, cell));
    return r;
  }

  /** Marks a row's role for the checks, in the hidden anchor column. */
  anchor(row: number, role: AnchorRole): number {
    this.set(row, ANCHOR_COLUMN, { value: anchorText(role), style: "note" });
    this.anchored = true;
    return row;
  }

  /** Leaves `n` empty rows. */
  skip(n = 1): void {
    this.next += n;
  }

  set(row: number, column: number, cell: Cell | CellValue | undefined): void {
    if (cell === undefined || cell === null) return;
    const value: Cell = typeof cell === "object" ? cell : { value: cell };
    (this.grid[row - 1] ??= [])[column - 1] = value;
  }

  build(options: { columnWidths: number[]; protect?: boolean; freeze?: SheetSpec["freeze"] }): SheetSpec {
    let width = 1;
    for (let r = 0; r < this.grid.length; r++) width = Math.max(width, this.grid[r]?.length ?? 0); // (the grid is sparse)
    const cells = Array.from({ length: Math.max(this.grid.length, 1) }, (_, r) =>
      Array.from({ length: width }, (_, c) => this.grid[r]?.[c]),
    );
    return {
      key: this.key,
      name: this.name,
      cells,
      columnWidths: options.columnWidths,
      tables: this.tables,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      freeze: options.freeze,
      protect: options.protect ?? true,
      ...(this.anchored ? { hiddenColumns: [ANCHOR_COLUMN] } : {}),
    };
  }
}

/** "C" for 3. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "C5" for (5, 3); absolute parts with `$` when asked. */
export function addr(row: number, column: number, abs: { row?: boolean; column?: boolean } = {}): string {
  return `${abs.column ? "$" : ""}${columnLetter(column)}${abs.row ? "$" : ""}${row}`;
}

/** "C5:C9". */
export function range(
  row1: number,
  column1: number,
  row2: number,
  column2: number,
  absolute = false,
): string {
  const a = { row: absolute, column: absolute };
  return `${addr(row1, column1, a)}:${addr(row2, column2, a)}`;
}

/** Parses "C5" into { row: 5, column: 3 }. */
export function parseAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an address: ${address}`);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

/** Parses "A1:C3" (or a single cell) into its corners. */
export function parseRange(text: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = text.split(":");
  const p = parseAddress(a);
  const q = parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

export const FORMATS = {
  tkr: "#,##0;-#,##0;0",
  tkrDecimals: "#,##0.00;-#,##0.00;0",
  kr: "#,##0;-#,##0;0",
  integer: "0",
  percent: "0.0%",
  percentWhole: "0%",
  index: "0.0",
  year: "0",
  date: "yyyy-mm-dd",
  text: "@",
} as const;

/** Cell helpers: an input, a formula with a style, a label. */
export const input = (value: CellValue, format?: string): Cell => ({ value, style: "input", format });
export const formula = (f: string, format?: string, style: Cell["style"] = "computed"): Cell => ({
  formula: f,
  format,
  style,
});
export const label = (value: string, style: Cell["style"] = "label"): Cell => ({ value, style });
