import { columnLetter } from "../sheet/a1";
import { ANCHOR_COLUMN, anchorText, type AnchorRole } from "../sheet/vocabulary";
import { printSetup, type PrintOptions } from "./print";
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
 *
 * Rows can be named (`b.row(cells, "total")` or `b.name("total", row)`), and a formula, range or name may
 * point at a named row before it is written: `at("total", 5)` is the token «E:total» (with `$` where asked),
 * replaced by the address when the sheet is built. A name never given is a mistake in the template, and the
 * build says which.
 */
const TOKEN = /«(\$?)([A-Z]+)(\$?):([^»]+)»/g;

/** The cell in column `column` of the row named `name`, resolved at build time. */
export function at(name: string, column: number, abs: { row?: boolean; column?: boolean } = {}): string {
  return `«${abs.column ? "$" : ""}${columnLetter(column)}${abs.row ? "$" : ""}:${name}»`;
}

/** The cells from column `c1` of row `n1` to column `c2` of row `n2`, resolved at build time. */
export function span(n1: string, c1: number, n2: string, c2: number, absolute = false): string {
  const a = { row: absolute, column: absolute };
  return `${at(n1, c1, a)}:${at(n2, c2, a)}`;
}

export class SheetBuilder {
  private readonly grid: (Cell | undefined)[][] = [];
  private readonly named = new Map<string, number>();
  private next = 1;
  private anchored = false;
  readonly tables: TableSpec[] = [];
  readonly validations: ValidationSpec[] = [];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];
  readonly charts: ChartSpec[] = [];

  constructor(
    readonly key: string,
    readonly sheetName: string,
  ) {}

  private get name_(): string {
    return this.sheetName;
  }

  /** The row the next `row()` writes (1-based). */
  get currentRow(): number {
    return this.next;
  }

  /** Writes one row starting at column `from` (1 = A), names it when asked, and returns its row number. */
  row(cells: (Cell | CellValue | undefined)[], name?: string, from = 1): number {
    const r = this.next++;
    if (name !== undefined) this.name(name, r);
    cells.forEach((cell, i) => this.set(r, from + i, cell));
    return r;
  }

  /** Names a row, for `at()` references and for `rowNamed()`. */
  name(name: string, row: number): number {
    this.named.set(name, row);
    return row;
  }

  /** The row a name was given to (once it has been written). */
  rowNamed(name: string): number {
    const row = this.named.get(name);
    if (row === undefined) throw new Error(`${this.name_}: no row named "${name}"`);
    return row;
  }

  /** Replaces every «C:name» token in a text with the named row's address. */
  resolve(text: string): string {
    return text.replace(
      TOKEN,
      (_m, c: string, column: string, r: string, name: string) => `${c}${column}${r}${this.rowNamed(name)}`,
    );
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

  build(options: {
    columnWidths: number[];
    protect?: boolean;
    freeze?: SheetSpec["freeze"];
    /** How it prints (src/templates/print.ts): by default every column with a width. */
    print?: PrintOptions;
  }): SheetSpec {
    let width = 1;
    for (let r = 0; r < this.grid.length; r++) width = Math.max(width, this.grid[r]?.length ?? 0); // (the grid is sparse)
    const cells = Array.from({ length: Math.max(this.grid.length, 1) }, (_, r) =>
      Array.from({ length: width }, (_, c) => this.grid[r]?.[c]),
    );
    const resolve = (text: string) => this.resolve(text);
    for (const row of cells)
      for (const cell of row) {
        if (cell?.formula) cell.formula = resolve(cell.formula);
        if (cell?.previous) cell.previous = resolve(cell.previous);
      }
    const spec: SheetSpec = {
      key: this.key,
      name: this.sheetName,
      cells,
      columnWidths: options.columnWidths,
      tables: this.tables.map((t) => ({ ...t, range: resolve(t.range) })),
      validations: this.validations.map((v) => ({
        ...v,
        range: resolve(v.range),
        rule: v.rule.kind === "listFromRange" ? { ...v.rule, range: resolve(v.rule.range) } : v.rule,
      })),
      conditionalFormats: this.conditionalFormats.map((f) => ({
        ...f,
        range: resolve(f.range),
        formula: resolve(f.formula),
      })),
      charts: this.charts.map((c) => ({ ...c, source: resolve(c.source), anchor: resolve(c.anchor) })),
      freeze: options.freeze,
      protect: options.protect ?? true,
      ...(this.anchored ? { hiddenColumns: [ANCHOR_COLUMN] } : {}),
    };
    return { ...spec, print: printSetup(spec, options.print) };
  }
}

export const FORMATS = {
  tkr: "#,##0;-#,##0;0",
  tkrDecimals: "#,##0.00;-#,##0.00;0",
  kr: "#,##0;-#,##0;0",
  integer: "0",
  percent: "0.0 %",
  percentWhole: "0 %",
  index: "0.0",
  year: "0",
  date: "yyyy-mm-dd",
  text: "@",
} as const;

/** The one line on a sheet that says which cells need the add-in: without it they show #NAME?, the rest still adds up. */
export const ADDIN_NOTE =
  "Bara kontrollcellerna (FINSAM.*) behöver tillägget; utan det visar de #NAMN?. Alla belopp räknas med vanliga formler.";

/** Cell helpers: an input, a formula with a style, a label. */
export const input = (value: CellValue, format?: string): Cell => ({ value, style: "input", format });
export const formula = (f: string, format?: string, style: Cell["style"] = "computed"): Cell => ({
  formula: f,
  format,
  style,
});
export const label = (value: string, style: Cell["style"] = "label"): Cell => ({ value, style });
