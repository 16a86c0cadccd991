import type { SheetData } from "../sheet/sheetData";
import type { TemplateId, TemplateOptions, TemplateSpec } from "../templates/spec";
import type { InsertResult } from "./officeRenderer";

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
  /** Shows a cell to the user. */
  select(sheet: string, cell: string): Promise<void>;
  /** What the workbook's document settings hold for the pane, as stored (checked by `readStored`). */
  loadOptions(): Promise<unknown>;
  saveOptions(options: TemplateOptions): Promise<void>;
}
