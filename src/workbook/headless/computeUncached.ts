/**
 * Formulas a file carries no result for (a workbook written by a program that does not calculate), computed
 * by the headless engine with the FINSAM functions registered, so the check reads the figures Excel would
 * show instead of blanks. Only for a workbook small enough to compute at once; the rest stay `uncomputed`
 * and the reader names them ("not computed — open and save in Excel"). A result the engine cannot vouch
 * for (a function it does not know, a cycle) also stays uncomputed: a guess is not a figure.
 */
import { DetailedCellError, ErrorType } from "hyperformula";
import { isErrorValue, type SheetData } from "../../sheet/sheetData";
import type { Compute } from "../xlsx/workbookReader";
import { HeadlessWorkbook } from "./headlessWorkbook";

/** The most cells (values and formulas, all sheets) handed to the engine. */
export const COMPUTE_CELLS = 50_000;

const TRUSTED = new Set<string>([
  ErrorType.DIV_BY_ZERO,
  ErrorType.REF,
  ErrorType.VALUE,
  ErrorType.NUM,
  ErrorType.NA,
]);

export const computeUncached: Compute = (sheets: SheetData[]) => {
  let cells = 0;
  for (const s of sheets)
    for (const row of s.values) for (const v of row) if (v !== "" && v !== null) cells++;
  for (const s of sheets) cells += s.uncomputed?.size ?? 0;
  if (cells > COMPUTE_CELLS) return;
  try {
    const engine = new HeadlessWorkbook();
    const hf = engine.hf;
    const ids = new Map<string, number>();
    for (const s of sheets) if (!ids.has(s.name)) ids.set(s.name, hf.getSheetId(hf.addSheet(s.name))!);
    hf.batch(() => {
      for (const s of sheets) {
        const sheet = ids.get(s.name)!;
        const top = (s.origin?.row ?? 1) - 1;
        const left = (s.origin?.column ?? 1) - 1;
        s.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const formula = s.formulas?.[r]?.[c];
            const content = formula ? formula : engineValue(v);
            if (content !== null) hf.setCellContents({ sheet, row: top + r, col: left + c }, [[content]]);
          }),
        );
      }
    });
    for (const s of sheets) {
      if (!s.uncomputed || s.uncomputed.size === 0) continue;
      const sheet = ids.get(s.name)!;
      const left = new Set(s.uncomputed);
      for (const key of s.uncomputed) {
        const [r, c] = key.split(",").map(Number);
        const v = hf.getCellValue({
          sheet,
          row: (s.origin?.row ?? 1) - 1 + r,
          col: (s.origin?.column ?? 1) - 1 + c,
        });
        if (v instanceof DetailedCellError) {
          if (!TRUSTED.has(v.type)) continue;
          s.values[r][c] = v.value;
        } else s.values[r][c] = v ?? 0;
        left.delete(key);
      }
      s.uncomputed = left;
    }
  } catch {
    // A workbook the engine will not take (a sheet name it refuses): its formulas stay uncomputed, and named.
  }
};

/** A cell's value as the engine takes it: text stays text (a leading ' keeps "12" and "=x" from parsing). */
function engineValue(v: unknown): string | number | boolean | null {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  const text = String(v);
  return isErrorValue(text) ? text : `'${text}`;
}
