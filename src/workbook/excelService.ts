import type { SheetData } from "../sheet/sheetData";
import { TEMPLATES } from "../templates";
import type { TemplateId, TemplateOptions } from "../templates/spec";
import { addr, range } from "../sheet/a1";
import { insertTemplate, SHEET_PROTECTION, type InsertResult } from "./officeRenderer";
import type { WorkbookService } from "./service";
import { toStored } from "./storedOptions";

const SETTINGS_KEY = "finsam.options";

/** The workbook service in Excel: one Excel.run per user action. */
export const excelService: WorkbookService = {
  insert(templates: TemplateId[], options: TemplateOptions, onProgress) {
    return Excel.run(async (context) => {
      const results: InsertResult[] = [];
      for (const id of templates) {
        results.push(await insertTemplate(context, TEMPLATES[id](options)));
        onProgress?.(results.length, templates.length);
      }
      return results;
    });
  },

  readSheets() {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const ranges = sheets.items.map((ws) => ({
        name: ws.name,
        range: ws.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex"),
      }));
      await context.sync();
      return ranges
        .filter((r) => !r.range.isNullObject)
        .map((r): SheetData => ({
          name: r.name,
          values: r.range.values,
          origin: { row: r.range.rowIndex + 1, column: r.range.columnIndex + 1 },
        }));
    });
  },

  writeOutcome(plan) {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const read = sheets.items.map((ws) => ({
        ws,
        name: ws.name,
        range: ws.getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex"),
        protection: ws.protection.load("protected"),
      }));
      await context.sync();
      const write = plan(
        read
          .filter((r) => !r.range.isNullObject)
          .map((r): SheetData => ({
            name: r.name,
            values: r.range.values,
            formulas: r.range.formulas as string[][],
            origin: { row: r.range.rowIndex + 1, column: r.range.columnIndex + 1 },
          })),
      );
      const target = write && read.find((r) => r.name === write.sheet);
      if (!write || !target) return null;
      context.application.suspendApiCalculationUntilNextSync();
      // The status block lies in locked cells: a sheet protected without a password is opened and closed again.
      const guarded = target.protection.protected;
      if (guarded) target.ws.protection.unprotect();
      for (const c of write.cells) target.ws.getRange(addr(c.row, c.column)).values = [[c.value]];
      const b = write.block;
      target.ws.getRange(range(b.row, b.column, b.row + b.values.length - 1, b.column + 2)).formulas =
        b.values.map((line, i) => line.map((v, j) => b.formulas[i][j] ?? v));
      if (guarded) target.ws.protection.protect(SHEET_PROTECTION);
      await context.sync();
      return write;
    });
  },

  select(sheet: string, cell: string) {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  },

  async loadOptions(): Promise<unknown> {
    return Office.context.document.settings.get(SETTINGS_KEY) as unknown; // checked by readStored()
  },

  saveOptions(options: TemplateOptions) {
    Office.context.document.settings.set(SETTINGS_KEY, toStored(options));
    return new Promise<void>((resolve, reject) =>
      Office.context.document.settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
      ),
    );
  },
};
