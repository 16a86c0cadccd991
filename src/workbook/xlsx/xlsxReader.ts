/**
 * An .xlsx read in Node (the command line, the tests): the one bounded reader (workbookReader.ts) with zlib as
 * its inflater.
 */
import type { SheetData } from "../../sheet/sheetData";
import { nodeInflate } from "./nodeInflate";
import { readWorkbook, type ReadOptions, type WorkbookRead } from "./workbookReader";

export async function readXlsxWorkbook(
  data: Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  return readWorkbook(data instanceof Uint8Array ? data : new Uint8Array(data), nodeInflate, options);
}

/** The sheets only (their blocks), as the workbook check takes them. */
export async function readXlsx(
  data: Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<SheetData[]> {
  return (await readXlsxWorkbook(data, options)).sheets;
}

/**
 * A workbook's cells as a spreadsheet engine takes them, each sheet from A1: values, and formulas as "=…"
 * text (the custom functions as users spell them; the engine reads both).
 */
export async function readXlsxFormulas(
  data: Uint8Array | ArrayBuffer,
): Promise<{ name: string; rows: (string | number | boolean | null)[][] }[]> {
  const sheets = new Map<string, (string | number | boolean | null)[][]>();
  for (const block of await readXlsx(data)) {
    const rows = sheets.get(block.name) ?? [];
    sheets.set(block.name, rows);
    const top = (block.origin?.row ?? 1) - 1;
    const left = (block.origin?.column ?? 1) - 1;
    block.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const formula = block.formulas?.[r]?.[c];
        const cell = formula ?? (v === "" ? null : (v as string | number | boolean));
        if (cell === null) return;
        const line = (rows[top + r] ??= []);
        while (line.length < left + c) line.push(null);
        line[left + c] = cell;
      }),
    );
  }
  return [...sheets].map(([name, rows]) => ({
    name,
    rows: Array.from({ length: rows.length }, (_, r) => Array.from(rows[r] ?? [], (v) => v ?? null)),
  }));
}
