/**
 * A workbook without Excel: TemplateSpecs rendered into HyperFormula with the FINSAM functions
 * registered, so tests and tools can fill in inputs and read what every formula evaluates to.
 * HyperFormula is GPL-3.0 and is used only here (tests, developer tools), never in the add-in bundle.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { fromFileSpelling } from "../../sheet/formulaSpelling";
import type { SheetSpec, TemplateSpec } from "../../templates/spec";
import { columnLetter, parseAddress, parseRange } from "../../sheet/a1";
import { formulaGrid, place, referableSheets, resolveReferences, type Placement } from "../placement";
import { FinsamPlugin, finsamTranslations } from "./finsamPlugin";

let registered = false;
function ensurePlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(FinsamPlugin, finsamTranslations);
  registered = true;
}

export type HeadlessValue = number | string | boolean | null | { error: string; message: string };

export class HeadlessWorkbook {
  readonly hf: HyperFormula;
  private readonly tables = new Set<string>();
  /** The spec each inserted sheet came from (formats, styles, tables), by its actual name. */
  readonly specs = new Map<string, SheetSpec>();

  constructor() {
    ensurePlugin();
    // smartRounding off: full doubles as Excel keeps them, not values rounded for display.
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      useArrayArithmetic: false,
      smartRounding: false,
    });
  }

  /** Adds a sheet of the user's own (for tests of "never overwrite"). */
  /** A sheet the user already has; formulas ("=…") in either spelling of the custom functions. */
  addUserSheet(name: string, rows: (string | number | boolean | null)[][]): void {
    this.addUserSheets([{ name, rows }]);
  }

  /** Sheets the user already has (a workbook read from a file): all sheets first, so references resolve. */
  addUserSheets(sheets: { name: string; rows: (string | number | boolean | null)[][] }[]): void {
    const names = sheets.map((s) => this.hf.addSheet(s.name));
    this.hf.batch(() =>
      sheets.forEach((s, i) =>
        this.hf.setSheetContent(
          this.sheetId(names[i]),
          s.rows.map((row) =>
            row.map((v) => (typeof v === "string" && v.startsWith("=") ? fromFileSpelling(v) : v)),
          ),
        ),
      ),
    );
  }

  addUserName(name: string, expression: string): void {
    this.hf.addNamedExpression(name, expression);
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /** Renders a template: same free-name rules as in Excel; returns where everything went. */
  insert(spec: TemplateSpec): Placement {
    const placement = place(spec, {
      sheets: this.hf.getSheetNames(),
      tables: [...this.tables],
      names: this.hf.listNamedExpressions(),
    });
    // All sheets first, so that references between them resolve; then the contents.
    for (const sheet of spec.sheets) this.hf.addSheet(placement.sheets[sheet.key]);
    this.hf.batch(() => {
      for (const sheet of spec.sheets) {
        // Text that looks like a number (a kommunkod, "2480") stays text, as in a cell formatted "@".
        const grid = formulaGrid(sheet, referableSheets(placement)).map((row, r) =>
          row.map((v, c) =>
            v === ""
              ? null
              : typeof v === "string" && sheet.cells[r][c]?.format === "@" && /^[\d\s.,+-]+$/.test(v)
                ? `'${v}`
                : v,
          ),
        );
        this.hf.setSheetContent(this.sheetId(placement.sheets[sheet.key]), grid);
      }
    });
    for (const sheet of spec.sheets) for (const t of sheet.tables) this.tables.add(placement.tables[t.name]);
    for (const sheet of spec.sheets) this.specs.set(placement.sheets[sheet.key], sheet);
    for (const name of spec.names) {
      const sheetName = placement.sheets[name.sheet];
      this.hf.addNamedExpression(
        placement.names[name.name],
        `=${resolveReferences(`{{s}}`, { s: sheetName })}!${name.range}`,
      );
    }
    return placement;
  }

  value(sheet: string, address: string): HeadlessValue {
    const { row, column } = parseAddress(address);
    return toValue(this.hf.getCellValue({ sheet: this.sheetId(sheet), row: row - 1, col: column - 1 }));
  }

  values(sheet: string, rangeText: string): HeadlessValue[][] {
    const r = parseRange(rangeText);
    const id = this.sheetId(sheet);
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
      Array.from({ length: r.right - r.left + 1 }, (_, j) =>
        toValue(this.hf.getCellValue({ sheet: id, row: r.top - 1 + i, col: r.left - 1 + j })),
      ),
    );
  }

  formula(sheet: string, address: string): string | undefined {
    const { row, column } = parseAddress(address);
    return this.hf.getCellFormula({ sheet: this.sheetId(sheet), row: row - 1, col: column - 1 });
  }

  /** Types a value (or a formula starting with "=") into a cell, as a person would. */
  setValue(sheet: string, address: string, value: string | number | boolean | null): void {
    const { row, column } = parseAddress(address);
    const content = typeof value === "string" && value.startsWith("=") ? fromFileSpelling(value) : value;
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row: row - 1, col: column - 1 }, [[content]]);
  }

  /** Types many values at once (one recalculation), as a paste would. */
  setValues(sheet: string, entries: { address: string; value: string | number | boolean | null }[]): void {
    this.hf.batch(() => {
      for (const { address, value } of entries) this.setValue(sheet, address, value);
    });
  }

  /** A sheet's values as the task pane reads them back from Excel (errors as their code, e.g. "#VALUE!"). */
  sheetData(name: string): { name: string; values: unknown[][] } {
    const values = this.hf
      .getSheetValues(this.sheetId(name))
      .map((row) => row.map((v) => (v instanceof DetailedCellError ? v.value : (v ?? ""))));
    return { name, values };
  }

  /** Every cell of the given sheets whose value is an error. */
  errors(sheets: string[]): { sheet: string; address: string; error: string; message: string }[] {
    const out: { sheet: string; address: string; error: string; message: string }[] = [];
    for (const sheet of sheets) {
      const values = this.hf.getSheetValues(this.sheetId(sheet));
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v instanceof DetailedCellError)
            out.push({
              sheet,
              address: `${columnLetter(c + 1)}${r + 1}`,
              error: v.value,
              message: v.message,
            });
        }),
      );
    }
    return out;
  }

  /** Every cell of the sheets, with its row and column, for searching. */
  cells(sheet: string): { address: string; value: HeadlessValue; formula?: string }[] {
    const id = this.sheetId(sheet);
    const out: { address: string; value: HeadlessValue; formula?: string }[] = [];
    this.hf.getSheetValues(id).forEach((row, r) =>
      row.forEach((v, c) => {
        const formula = this.hf.getCellFormula({ sheet: id, row: r, col: c });
        out.push({ address: `${columnLetter(c + 1)}${r + 1}`, value: toValue(v), formula });
      }),
    );
    return out;
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }
}

function toValue(v: unknown): HeadlessValue {
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message ?? "" };
  if (v === undefined) return null;
  return v as HeadlessValue;
}
