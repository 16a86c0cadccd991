import type { SheetData } from "../sheet/sheetData";
import { TEMPLATES } from "../templates";
import type { TemplateId, TemplateOptions } from "../templates/spec";
import { insertTemplate, type InsertResult } from "./officeRenderer";
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

  insertSpec(spec) {
    return Excel.run((context) => insertTemplate(context, spec));
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
