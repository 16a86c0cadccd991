import type { Messages } from "../i18n";
import type { SheetData } from "../sheet/sheetData";

/**
 * What a reader tells beside the sheets it gives (a file's reader or Excel's): a sheet left out and why, cells
 * whose stored number is not a number, formulas it could not compute. Shown beside the check's findings, so a
 * sheet that was not read is never mistaken for one without errors.
 */
export type ReadNote =
  | { kind: "sheetTooLarge"; sheet: string; limit: number }
  | { kind: "sheetUnreadable"; sheet: string; why: "badXml" | "partMissing" | "badPosition"; where: string }
  | { kind: "badNumbers"; sheet: string; cells: string[]; count: number }
  | { kind: "notComputed"; sheet: string; cells: string[]; count: number }
  | { kind: "sheetTooLargeInExcel"; sheet: string; cells: number; limit: number }
  | { kind: "sheetFailedInExcel"; sheet: string };

export interface WorkbookRead {
  sheets: SheetData[];
  notes: ReadNote[];
}

/** A note in the catalogue's words. */
export function readNoteText(t: Messages, n: ReadNote): string {
  const r = t.readNotes;
  switch (n.kind) {
    case "sheetTooLarge":
      return t.cli.notReadLine(r.sheetTooLarge(n.sheet, n.limit));
    case "sheetUnreadable":
      return t.cli.notReadLine(r.sheetUnreadable(n.sheet, n.where));
    case "badNumbers":
      return r.badNumbers(n.sheet, n.cells.join(", "), n.count);
    case "notComputed":
      return r.notComputed(n.sheet, n.cells.join(", "), n.count);
    case "sheetTooLargeInExcel":
      return r.sheetTooLargeInExcel(n.sheet, n.cells, n.limit);
    case "sheetFailedInExcel":
      return r.sheetFailedInExcel(n.sheet);
  }
}
