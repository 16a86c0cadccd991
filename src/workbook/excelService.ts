import type { SheetData } from "../sheet/sheetData";
import type { TemplateId, TemplateOptions } from "../templates/spec";
import { addr, range } from "../sheet/a1";
import type { InsertResult } from "./officeRenderer";
import type { WorkbookService } from "./service";
import { SHEET_PROTECTION } from "./sheetProtection";

// What writes sheets and stores the options loads on first use, with the template builders: the first screen
// needs neither (the same chunk as the templates).
const renderer = () => import(/* webpackChunkName: "templates" */ "./officeRenderer");
const stored = () => import(/* webpackChunkName: "templates" */ "./storedOptions");
import type { ReadNote, WorkbookRead } from "./readNotes";

const SETTINGS_KEY = "finsam.options";

/** The workbook service in Excel: one Excel.run per user action. */
export const excelService: WorkbookService = {
  async insert(templates: TemplateId[], options: TemplateOptions, onProgress) {
    // The template builders load on first use: the first screen needs none of them.
    const [{ TEMPLATES }, { insertTemplate }] = await Promise.all([
      import(/* webpackChunkName: "templates" */ "../templates"),
      renderer(),
    ]);
    return Excel.run(async (context) => {
      const results: InsertResult[] = [];
      for (const id of templates) {
        results.push(await insertTemplate(context, TEMPLATES[id](options)));
        onProgress?.(results.length, templates.length);
      }
      return results;
    });
  },

  async insertSpec(spec) {
    const { insertTemplate } = await renderer();
    return Excel.run((context) => insertTemplate(context, spec));
  },

  readWorkbook() {
    return Excel.run((context) => readInBlocks(context as unknown as ReadContext));
  },

  async readSheets() {
    return (await excelService.readWorkbook!()).sheets;
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

  async saveOptions(options: TemplateOptions) {
    const { toStored } = await stored();
    Office.context.document.settings.set(SETTINGS_KEY, toStored(options));
    return new Promise<void>((resolve, reject) =>
      Office.context.document.settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
      ),
    );
  },
};

/**
 * How much one request may ask Excel for. Excel on the web limits a request's answer to about 5 MB; a cell
 * read as its value and its formula costs some tens of bytes in that answer, so 40 000 cells (values and
 * formulas) stay well under it. A sheet's used range beyond SHEET_CELLS is not read at all (the file reader's
 * limit, LIMITS.cells), nor a sheet past what all sheets together may hold.
 */
export const EXCEL_READ = { requestCells: 40_000, sheetCells: 500_000, totalCells: 500_000 };

/** The part of Excel's API the reader uses (the recording fake implements the same). */
interface UsedRange {
  isNullObject: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}
interface ValuesRange {
  values: unknown[][];
  formulas: unknown[][];
}
interface ReadSheet {
  name: string;
  getUsedRangeOrNullObject(valuesOnly?: boolean): UsedRange & { load(props: string): UsedRange };
  getRangeByIndexes(
    row: number,
    column: number,
    rows: number,
    columns: number,
  ): {
    load(props: string): ValuesRange;
  };
}
export interface ReadContext {
  workbook: { worksheets: { load(props: string): { items: ReadSheet[] } } };
  sync(): Promise<void>;
}

/**
 * Every sheet's used range, read within Excel's limits: first each used range's address and size (one small
 * request), then the values and formulas in blocks of whole rows, as many blocks per request as fit under
 * `requestCells`. A sheet too large is skipped with a note; a request that fails costs only the sheets in it,
 * each with a note, and the check goes on with the rest.
 */
export async function readInBlocks(context: ReadContext, limits = EXCEL_READ): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const used = sheets.items.map((ws) => ({
    ws,
    range: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
  }));
  await context.sync();
  const notes: ReadNote[] = [];
  type Block = { sheet: number; row: number; rows: number; range?: ValuesRange };
  const blocks: Block[] = [];
  let total = 0;
  used.forEach(({ ws, range }, sheet) => {
    if (range.isNullObject) return;
    const cells = range.rowCount * range.columnCount;
    if (cells > limits.sheetCells || total + cells > limits.totalCells) {
      notes.push({ kind: "sheetTooLargeInExcel", sheet: ws.name, cells, limit: limits.sheetCells });
      return;
    }
    total += cells;
    const step = Math.max(1, Math.floor(limits.requestCells / Math.max(1, range.columnCount)));
    for (let row = 0; row < range.rowCount; row += step)
      blocks.push({ sheet, row, rows: Math.min(step, range.rowCount - row) });
  });
  const failed = new Set<number>();
  for (let i = 0; i < blocks.length;) {
    // One request: blocks until the next would pass the request's budget (at least one).
    const batch: Block[] = [];
    let cells = 0;
    while (i < blocks.length) {
      const b = blocks[i];
      const size = b.rows * used[b.sheet].range.columnCount;
      if (batch.length > 0 && cells + size > limits.requestCells) break;
      batch.push(b);
      cells += size;
      i++;
    }
    const live = batch.filter((b) => !failed.has(b.sheet));
    if (live.length === 0) continue;
    for (const b of live) {
      const { ws, range } = used[b.sheet];
      b.range = ws
        .getRangeByIndexes(range.rowIndex + b.row, range.columnIndex, b.rows, range.columnCount)
        .load("values,formulas");
    }
    try {
      await context.sync();
    } catch {
      for (const b of live) failed.add(b.sheet);
    }
  }
  const out: WorkbookRead = { sheets: [], notes };
  used.forEach(({ ws, range }, sheet) => {
    const own = blocks.filter((b) => b.sheet === sheet);
    if (own.length === 0) return;
    if (failed.has(sheet)) {
      notes.push({ kind: "sheetFailedInExcel", sheet: ws.name });
      return;
    }
    const values = own.flatMap((b) => b.range!.values);
    const formulas = own.flatMap((b) => b.range!.formulas);
    out.sheets.push({
      name: ws.name,
      values,
      origin: { row: range.rowIndex + 1, column: range.columnIndex + 1 },
      ...(hasFormula(formulas) ? { formulas: formulas.map((r) => r.map(formulaOnly)) } : {}),
    });
  });
  return out;
}

/** Office.js gives a constant's value in `formulas` too: only text starting with "=" is a formula. */
const formulaOnly = (f: unknown) => (typeof f === "string" && f.startsWith("=") ? f : undefined);
const hasFormula = (grid: unknown[][]) => grid.some((row) => row.some((f) => formulaOnly(f) !== undefined));
