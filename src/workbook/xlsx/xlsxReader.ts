/** Reads an .xlsx back into sheets of plain values, as the workbook check takes them. */
import ExcelJS from "exceljs";
import type { SheetData } from "../../sheet/sheetData";
import { dateToSerial } from "../../sheet/excelDate";

export async function readXlsx(data: Buffer | ArrayBuffer): Promise<SheetData[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const values: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        (values[r - 1] ??= [])[c - 1] = cellValue(cell);
      });
    });
    let width = 0;
    for (let r = 0; r < values.length; r++) width = Math.max(width, values[r]?.length ?? 0); // (sparse rows)
    const grid = Array.from({ length: values.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => values[r]?.[c] ?? ""),
    );
    return { name: ws.name, values: grid };
  });
}

/**
 * A cell's value, and for a formula its cached result exactly: ExcelJS's `cell.value` drops a result that
 * is falsy (a formula cached as 0 or FALSE), so a formula's result is read from `cell.result`.
 */
function cellValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as ExcelJS.CellValue | undefined;
    return result === undefined ? "" : plain(result);
  }
  return plain(cell.value);
}

/**
 * A workbook's cells as a spreadsheet engine takes them: values, and formulas as "=…" text (the custom
 * functions in whichever spelling the file has; the engine reads both).
 */
export async function readXlsxFormulas(
  data: Buffer | ArrayBuffer,
): Promise<{ name: string; rows: (string | number | boolean | null)[][] }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const rows: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
        const value = formula ? `=${formula}` : plain(cell.value);
        (rows[r - 1] ??= [])[c - 1] =
          typeof value === "object" ? String(value) : (value as string | number | boolean);
      });
    });
    return {
      name: ws.name,
      rows: Array.from({ length: rows.length }, (_, r) => Array.from(rows[r] ?? [], (v) => v ?? null)),
    };
  });
}

function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value !== "object") return value;
  if ("result" in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? "");
  if ("formula" in value || "sharedFormula" in value) return "";
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value) return (value as { text: string }).text;
  return "";
}
