/**
 * The third renderer of a TemplateSpec: a real .xlsx file, written with ExcelJS. Formulas go in with the
 * values the headless engine computed for them cached, so totals show when the file is opened without
 * the add-in; tables, number formats, data validation, conditional formats, input cells and protection
 * come along. Charts are not written (ExcelJS cannot); Excel with the add-in inserts them.
 */
import ExcelJS from "exceljs";
import { toFileSpelling } from "../../sheet/formulaSpelling";
import { LOOKS, type CellStyle } from "../../sheet/styles";
import type { PrintSpec, SheetSpec, TemplateSpec } from "../../templates/spec";
import { addr, columnLetter, parseRange } from "../../sheet/a1";
import { HeadlessWorkbook, type HeadlessValue } from "../headless/headlessWorkbook";
import { cellContent, quoteSheetName, referableSheets, resultOf, type InsertResult } from "../placement";

export async function templatesToXlsx(
  specs: TemplateSpec[],
): Promise<{ buffer: Buffer; results: InsertResult[] }> {
  const book = new ExcelJS.Workbook();
  book.creator = "finsam-excel";
  book.created = new Date(0);
  return writeSpecs(book, new HeadlessWorkbook(), specs);
}

/**
 * A workbook the user has, with new sheets added after its own (the next budget round): its sheets are read
 * and written back by ExcelJS as they are, the new ones get names none of them has. What ExcelJS cannot carry
 * (charts, pivot tables, macros) does not come along: the command line writes a new file, never over the old.
 */
export async function appendToXlsx(
  base: Buffer | ArrayBuffer,
  specs: TemplateSpec[],
): Promise<{ buffer: Buffer; results: InsertResult[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(base as ArrayBuffer);
  const engine = new HeadlessWorkbook();
  engine.addUserSheets(book.worksheets.map((ws) => ({ name: ws.name, rows: [] })));
  return writeSpecs(book, engine, specs);
}

async function writeSpecs(
  book: ExcelJS.Workbook,
  engine: HeadlessWorkbook,
  specs: TemplateSpec[],
): Promise<{ buffer: Buffer; results: InsertResult[] }> {
  const results: InsertResult[] = [];
  for (const spec of specs) {
    const placement = engine.insert(spec);
    results.push(resultOf(spec, placement));
    for (const sheet of spec.sheets) {
      const name = placement.sheets[sheet.key];
      await writeSheet(book, engine, sheet, name, referableSheets(placement), (t) => placement.tables[t]);
    }
    for (const n of spec.names) {
      const r = parseRange(n.range);
      const ref = `${addr(r.top, r.left, { row: true, column: true })}:${addr(r.bottom, r.right, { row: true, column: true })}`;
      book.definedNames.add(`${quoteSheetName(placement.sheets[n.sheet])}!${ref}`, placement.names[n.name]);
    }
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { buffer, results };
}

async function writeSheet(
  book: ExcelJS.Workbook,
  engine: HeadlessWorkbook,
  sheet: SheetSpec,
  name: string,
  sheetNames: Record<string, string>,
  tableName: (requested: string) => string,
): Promise<void> {
  const ws = book.addWorksheet(name, {
    views: sheet.freeze
      ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
      : undefined,
  });
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (sheet.print) applyPrint(ws, sheet.print);
  for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c).hidden = true; // the anchors the checks read

  const valueAt = (row: number, column: number): ExcelJS.CellValue => {
    const cell = sheet.cells[row - 1]?.[column - 1];
    if (!cell) return null;
    const content = cellContent(cell, sheetNames);
    if (cell.formula)
      return {
        formula: toFileSpelling(String(content).slice(1)),
        result: cached(engine.value(name, addr(row, column))),
      } as ExcelJS.CellFormulaValue;
    return content === "" ? null : (content as ExcelJS.CellValue);
  };

  // Tables first (ExcelJS writes their cells), then every cell with its value, format and style.
  for (const t of sheet.tables) {
    const r = parseRange(t.range);
    const columns = Array.from({ length: r.right - r.left + 1 }, (_, j) => ({
      name: String(sheet.cells[r.top - 1][r.left - 1 + j]?.value ?? `Kolumn ${j + 1}`),
    }));
    const rows = Array.from({ length: r.bottom - r.top }, (_, i) =>
      columns.map((_, j) => valueAt(r.top + 1 + i, r.left + j)),
    );
    ws.addTable({
      name: tableName(t.name),
      ref: addr(r.top, r.left),
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns,
      rows,
    });
  }
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = valueAt(r + 1, c + 1);
      if (cell.format && cell.format !== "General") target.numFmt = cell.format;
      if (cell.style) applyStyle(target, cell.style);
    }),
  );

  for (const v of sheet.validations) {
    const r = parseRange(v.range);
    const base = {
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "FINSAM",
      error: v.error,
      showInputMessage: Boolean(v.prompt),
      promptTitle: "FINSAM",
      prompt: v.prompt,
    };
    const rule: ExcelJS.DataValidation =
      v.rule.kind === "list"
        ? { ...base, type: "list", formulae: [`"${v.rule.values.join(",")}"`] }
        : v.rule.kind === "listFromRange"
          ? { ...base, type: "list", formulae: [v.rule.range] }
          : {
              ...base,
              type: v.rule.kind === "wholeNumber" ? "whole" : "decimal",
              operator: "between",
              formulae: [v.rule.min, v.rule.max],
            };
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) ws.getCell(row, col).dataValidation = rule;
  }
  for (const cf of sheet.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [cf.formula.replace(/^=/, "")],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            font: { color: { argb: argb(cf.fontColor) } },
          },
        },
      ],
    });
  }
  if (sheet.protect) {
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: true,
    });
  }
}

/**
 * The spec's page setup (src/templates/print.ts) as the file carries it: `fitToPage` makes ExcelJS write
 * `<sheetPr><pageSetUpPr fitToPage="1"/>`, without which Excel and LibreOffice ignore fitToWidth/fitToHeight;
 * fitToHeight 0 is "as many pages tall as it takes". A break before row r is written after row r − 1.
 */
function applyPrint(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  const letters = (c: { first: number; last: number }) => `${columnLetter(c.first)}:${columnLetter(c.last)}`;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    // ExcelJS puts a "$" before each end of the area: "A$1" becomes "$A$1", which LibreOffice needs (it
    // ignores a print area of "$A1:$H84").
    printArea: print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` } : {}),
    ...(print.titleColumns ? { printTitlesColumn: letters(print.titleColumns) } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: `&L${print.header.left}&R${print.header.right}`,
    oddFooter: `&L${print.footer.left}&R${print.footer.right}`,
  };
  for (const row of print.breaks) if (row > 1) ws.getRow(row - 1).addPageBreak();
}

function cached(value: HeadlessValue): ExcelJS.CellValue {
  if (value && typeof value === "object" && "error" in value)
    return { error: value.error as ExcelJS.CellErrorValue["error"] };
  return value as ExcelJS.CellValue;
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** The look of a style (src/sheet/styles.ts) in ExcelJS's terms. */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const look = LOOKS[style];
  const font: Partial<ExcelJS.Font> = {};
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size) font.size = look.size;
  if (look.color) font.color = { argb: argb(look.color) };
  if (Object.keys(font).length > 0) cell.font = font;
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (look.border)
    cell.border = {
      ...(look.border.top ? { top: { style: "thin" } } : {}),
      ...(look.border.bottom ? { bottom: { style: "double" } } : {}),
    };
  if (look.unlocked) cell.protection = { locked: false };
}
