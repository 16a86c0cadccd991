import type { WorkbookRead } from "./readNotes";
import type { SheetData } from "../sheet/sheetData";
import type { TemplateId, TemplateOptions, TemplateSpec } from "../templates/spec";
import type { InsertResult } from "./officeRenderer";
import type { OutcomeWrite } from "../sie/fill";

/**
 * What the task pane asks of a workbook. Excel implements it with Office.js (excelService.ts); tests and
 * the workbench implement it otherwise. Components only ever see this interface.
 */
export interface WorkbookService {
  /** Inserts the templates in one user action; reports progress after each. */
  insert(
    templates: TemplateId[],
    options: TemplateOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<InsertResult[]>;
  /** Inserts one spec built from the workbook itself (the next budget round): new sheets only. */
  insertSpec(spec: TemplateSpec): Promise<InsertResult>;
  /** Every sheet's used range as values, for the workbook check. */
  readSheets(): Promise<SheetData[]>;
  /** The same with the reader's notes (a sheet too large to read, a request that failed), where it has them. */
  readWorkbook?(): Promise<WorkbookRead>;
  /** Shows a cell to the user. */
  select(sheet: string, cell: string): Promise<void>;
  /** What the workbook's document settings hold for the pane, as stored (checked by `readStored`). */
  loadOptions(): Promise<unknown>;
  saveOptions(options: TemplateOptions): Promise<void>;
  /**
   * The outcome import: reads every sheet (values and formulas), lets `plan` decide what to write (null: nothing),
   * and writes it in one action — two syncs to read (names, then used ranges), one to write.
   */
  writeOutcome(plan: (sheets: SheetData[]) => OutcomeWrite | null): Promise<OutcomeWrite | null>;
}
