/**
 * The one place that writes templates into Excel. A template insert costs two syncs whatever its size:
 * one to learn which sheet, table and workbook names exist, one to write everything. Values, formulas and
 * number formats go in as whole 2-D blocks (formulas in invariant syntax via `range.formulas`); tables and
 * names come after the values; nothing that exists is touched: a taken name gets a free one.
 */
import { LOOKS, type CellStyle } from "../sheet/styles";
import type { PrintSpec, SheetSpec, TemplateSpec, ValidationRule } from "../templates/spec";
import { addr, columnLetter, parseRange, range as rangeText } from "../sheet/a1";
import {
  formatGrid,
  formulaGrid,
  place,
  referableSheets,
  resultOf,
  usedRange,
  type InsertResult,
  type Placement,
} from "./placement";

export type { InsertResult } from "./placement";

import { SHEET_PROTECTION } from "./sheetProtection";

export { SHEET_PROTECTION } from "./sheetProtection";

/** The name, scoped to each sheet an insert creates, whose comment says which insert made it. */
export const INSERT_MARK = "FINSAM_Mall";

/** An insert that failed: why, and what (if anything) could not be removed again. */
export class InsertFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly remaining: { sheets: string[]; names: string[] },
  ) {
    super(String((reason as Error)?.message ?? reason));
    this.name = "InsertFailed";
  }
}

function insertToken(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}

/**
 * Removes what a failed insert created: the sheets that carry its mark (with their tables) and the
 * workbook names that point at them. Returns what remains; if the clean-up itself fails, everything the
 * insert may have created is reported, so the user can look.
 */
async function undoInsert(
  context: Excel.RequestContext,
  placement: Placement,
  mark: string,
): Promise<{ sheets: string[]; names: string[] }> {
  const sheetNames = Object.values(placement.sheets);
  const names = Object.values(placement.names);
  try {
    const worksheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const candidates = worksheets.items
      .filter((ws) => sheetNames.includes(ws.name))
      .map((ws) => ({ ws, mark: ws.names.getItemOrNullObject(INSERT_MARK).load("comment") }));
    const items = names.map((n) => context.workbook.names.getItemOrNullObject(n).load("formula"));
    await context.sync();
    const ours = candidates.filter((c) => !c.mark.isNullObject && c.mark.comment === mark).map((c) => c.ws);
    for (const item of items)
      if (!item.isNullObject && ours.some((ws) => item.formula.includes(ws.name))) item.delete();
    for (const ws of ours) ws.delete();
    await context.sync();
    return { sheets: [], names: [] };
  } catch {
    return { sheets: sheetNames, names };
  }
}

/** Inserts a template. Run it inside `Excel.run(context => insertTemplate(context, spec))`. */
export async function insertTemplate(
  context: Excel.RequestContext,
  spec: TemplateSpec,
): Promise<InsertResult> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name");
  await context.sync();

  const placement = place(spec, {
    sheets: worksheets.items.map((s) => s.name),
    tables: tables.items.map((t) => t.name),
    names: names.items.map((n) => n.name),
  });
  context.application.suspendApiCalculationUntilNextSync();

  // Each new sheet is marked with a name scoped to it, so that a failed insert removes its own sheets and
  // never one that someone else gave the same name in the meantime.
  const mark = `finsam-excel ${spec.id} ${insertToken()}`;
  const created = spec.sheets.map((sheet) => {
    const ws = worksheets.add(placement.sheets[sheet.key]);
    ws.names.add(INSERT_MARK, ws.getRange("A1"), mark);
    writeCells(ws, sheet, referableSheets(placement));
    return { sheet, ws };
  });
  // After the values: tables, names, validation, conditional formats, charts, and last protection.
  for (const { sheet, ws } of created) {
    for (const t of sheet.tables) {
      const table = ws.tables.add(ws.getRange(t.range), true);
      table.name = placement.tables[t.name];
      table.style = "TableStyleLight9";
      table.showFilterButton = false;
    }
    for (const v of sheet.validations) applyValidation(ws.getRange(v.range), v.rule, v.error, v.prompt);
    for (const cf of sheet.conditionalFormats) {
      const format = ws
        .getRange(cf.range)
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
      format.custom.rule.formula = cf.formula;
      format.custom.format.fill.color = cf.fill;
      format.custom.format.font.color = cf.fontColor;
    }
    for (const c of sheet.charts) {
      const chart = ws.charts.add(
        c.type === "barClustered" ? "BarClustered" : "ColumnClustered",
        ws.getRange(c.source),
        "Columns",
      );
      chart.title.text = c.title;
      const anchor = parseRange(c.anchor);
      chart.setPosition(addr(anchor.top, anchor.left), addr(anchor.bottom, anchor.right));
    }
  }
  for (const n of spec.names) {
    const ws = created.find((c) => c.sheet.key === n.sheet)?.ws;
    if (ws) workbook.names.add(placement.names[n.name], ws.getRange(n.range.replace(/\$/g, "")), n.comment);
  }
  for (const { sheet, ws } of created) {
    if (sheet.protect) ws.protection.protect(SHEET_PROTECTION);
  }
  created[0]?.ws.activate();
  try {
    await context.sync();
  } catch (error) {
    // Office.js stops a batch at the command that fails, leaving the ones before it done: undo them.
    throw new InsertFailed(error, await undoInsert(context, placement, mark));
  }

  return resultOf(spec, placement);
}

function writeCells(ws: Excel.Worksheet, sheet: SheetSpec, sheetNames: Record<string, string>): void {
  const used = ws.getRange(usedRange(sheet));
  used.formulas = formulaGrid(sheet, sheetNames) as unknown[][];
  used.numberFormat = formatGrid(sheet);
  used.format.font.name = "Calibri";
  for (const run of styleRuns(sheet)) applyStyle(ws.getRange(run.range), run.style);
  sheet.columnWidths.forEach((chars, i) => {
    const column = columnLetter(i + 1);
    ws.getRange(`${column}:${column}`).format.columnWidth = chars * 6; // points, about 6 per character
  });
  for (const c of sheet.hiddenColumns ?? []) {
    const column = columnLetter(c);
    ws.getRange(`${column}:${column}`).columnHidden = true; // the anchors the checks read
  }
  if (sheet.freeze?.rows && sheet.freeze.columns)
    ws.freezePanes.freezeAt(ws.getRange(rangeText(1, 1, sheet.freeze.rows, sheet.freeze.columns)));
  else if (sheet.freeze?.rows) ws.freezePanes.freezeRows(sheet.freeze.rows);
  else if (sheet.freeze?.columns) ws.freezePanes.freezeColumns(sheet.freeze.columns);
  if (sheet.print && pageLayoutSupported()) applyPrint(ws, sheet.print);
}

/** The page layout API is ExcelApi 1.9; an older Excel prints with its own defaults. */
function pageLayoutSupported(): boolean {
  return (
    typeof Office === "undefined" ||
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.9") !== false
  );
}

/** The spec's page setup (src/templates/print.ts) in Office.js's terms: the same the .xlsx writer writes. */
function applyPrint(ws: Excel.Worksheet, print: PrintSpec): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4" as Excel.PaperType.a4;
  layout.orientation = (
    print.orientation === "landscape" ? "Landscape" : "Portrait"
  ) as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  if (print.titleColumns) {
    const [first, last] = [columnLetter(print.titleColumns.first), columnLetter(print.titleColumns.last)];
    layout.setPrintTitleColumns(`$${first}:$${last}`);
  }
  const pages = layout.headersFooters.defaultForAllPages;
  pages.leftHeader = print.header.left;
  pages.rightHeader = print.header.right;
  pages.leftFooter = print.footer.left;
  pages.rightFooter = print.footer.right;
  for (const row of print.breaks) ws.horizontalPageBreaks.add(`A${row}`);
}

/** Runs of equal style along each row, so that formatting costs one call per run, not per cell. */
export function styleRuns(sheet: SheetSpec): { range: string; style: CellStyle }[] {
  const runs: { range: string; style: CellStyle }[] = [];
  sheet.cells.forEach((row, r) => {
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      const style = row[start]?.style;
      if (c < row.length && row[c]?.style === style) continue;
      if (style && style !== "label" && style !== "computed")
        runs.push({ range: rangeText(r + 1, start + 1, r + 1, c), style });
      start = c;
    }
  });
  return runs;
}

/** The look of a style (src/sheet/styles.ts) in Office.js's terms. */
function applyStyle(range: Excel.Range, style: CellStyle): void {
  const look = LOOKS[style];
  const f = range.format;
  if (look.bold) f.font.bold = true;
  if (look.italic) f.font.italic = true;
  if (look.size) f.font.size = look.size;
  if (look.color) f.font.color = look.color;
  if (look.fill) f.fill.color = look.fill;
  if (look.wrap) f.wrapText = true;
  if (look.border?.top) f.borders.getItem("EdgeTop").style = "Continuous";
  if (look.border?.bottom) f.borders.getItem("EdgeBottom").style = "Double";
  if (look.unlocked) f.protection.locked = false;
}

function applyValidation(range: Excel.Range, rule: ValidationRule, error: string, prompt?: string): void {
  const v = range.dataValidation;
  switch (rule.kind) {
    case "wholeNumber":
    case "decimal":
      v.rule = {
        [rule.kind]: {
          formula1: rule.min,
          formula2: rule.max,
          operator: "Between" as Excel.DataValidationOperator.between,
        },
      };
      break;
    case "list":
      v.rule = { list: { inCellDropDown: true, source: rule.values.join(",") } };
      break;
    case "listFromRange":
      v.rule = { list: { inCellDropDown: true, source: `=${rule.range}` } };
      break;
  }
  v.errorAlert = {
    message: error,
    showAlert: true,
    style: "Stop" as Excel.DataValidationAlertStyle.stop,
    title: "FINSAM",
  };
  if (prompt) v.prompt = { message: prompt, showPrompt: true, title: "FINSAM" };
}
