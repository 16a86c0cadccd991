import type { SheetData } from "../sheet/sheetData";
import { TEMPLATES } from "../templates";
import type { TemplateId, TemplateOptions, TemplateSpec } from "../templates/spec";
import { HeadlessWorkbook } from "../workbook/headless/headlessWorkbook";
import { resultOf, type InsertResult } from "../workbook/placement";
import type { WorkbookService } from "../workbook/service";
import type { OutcomeWrite } from "../sie/fill";
import { addr, parseAddress } from "../sheet/a1";
import { parseSwedishNumber } from "../taskpane/validateOptions";

/**
 * The task pane's workbook service without Excel: templates go into the headless engine, the grid view
 * listens for changes, "select" moves the grid's selection. Options are kept like document settings:
 * for this workbook, in memory.
 */
export class HeadlessService implements WorkbookService {
  readonly workbook = new HeadlessWorkbook();
  selection: { sheet: string; cell: string } | null = null;
  private stored: TemplateOptions | null = null;
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  async insert(
    templates: TemplateId[],
    options: TemplateOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<InsertResult[]> {
    const results: InsertResult[] = [];
    for (const id of templates) {
      const spec = TEMPLATES[id](options);
      results.push(resultOf(spec, this.workbook.insert(spec)));
      onProgress?.(results.length, templates.length);
    }
    this.selection = { sheet: results[0].sheets[0], cell: "A1" };
    this.changed();
    return results;
  }

  async insertSpec(spec: TemplateSpec): Promise<InsertResult> {
    const result = resultOf(spec, this.workbook.insert(spec));
    this.selection = { sheet: result.sheets[0], cell: "A1" };
    this.changed();
    return result;
  }

  async readSheets(): Promise<SheetData[]> {
    return this.workbook.sheetNames().map((name) => this.workbook.sheetData(name));
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selection = { sheet, cell };
    this.changed();
  }

  async loadOptions(): Promise<unknown> {
    return this.stored;
  }

  async saveOptions(options: TemplateOptions): Promise<void> {
    this.stored = options;
  }

  async writeOutcome(plan: (sheets: SheetData[]) => OutcomeWrite | null): Promise<OutcomeWrite | null> {
    const sheets = this.workbook.sheetNames().map((name) => {
      const data = this.workbook.sheetData(name);
      const formulas: (string | null)[][] = data.values.map((row) => row.map(() => null));
      for (const c of this.workbook.cells(name)) {
        if (!c.formula) continue;
        const { row, column } = parseAddress(c.address);
        (formulas[row - 1] ??= [])[column - 1] = c.formula;
      }
      return { ...data, formulas };
    });
    const write = plan(sheets);
    if (!write) return null;
    const b = write.block;
    this.workbook.setValues(write.sheet, [
      ...write.cells.map((c) => ({ address: addr(c.row, c.column), value: c.value })),
      ...b.values.flatMap((line, i) =>
        line.map((v, j) => ({
          address: addr(b.row + i, b.column + j),
          value: b.formulas[i][j] ?? (v === "" ? null : v),
        })),
      ),
    ]);
    this.changed();
    return write;
  }

  /** Types into a cell as a person would: "1 234,5" is a number, "=…" a formula, anything else text. */
  type(sheet: string, cell: string, text: string): void {
    const trimmed = text.trim();
    const number = parseSwedishNumber(trimmed);
    const value =
      trimmed === ""
        ? null
        : trimmed.startsWith("=")
          ? trimmed
          : number !== null && !Number.isNaN(number)
            ? number
            : trimmed;
    this.workbook.setValue(sheet, cell, value);
    this.changed();
  }
}
