import { range } from "../sheet/a1";
import type { Cell, PrintSpec, SheetSpec } from "./spec";

/**
 * How a sheet prints for the board, decided once from the sheet's own layout so that the Office.js renderer
 * and the .xlsx writer write the same page setup: A4, one page wide (landscape when the printed columns are
 * wider than a portrait page), the printed cells without the helper columns to their right (the anchors,
 * allocation keys), the title rows and the label column on every page, the association and the sheet's title
 * in the header, page n of m and the date in the footer, and a page break before a section that would
 * otherwise be cut by the bottom of a page.
 *
 * The sizes are Excel's defaults: A4 (210 × 297 mm), margins 0.7" at the sides and 0.75" at top and bottom, a
 * column of w characters about 7w + 5 pixels (0.75 pt each), a row 15 pt (a title 21 pt, a section 16 pt).
 */
const PT_PER_INCH = 72;
const A4 = { width: 8.27 * PT_PER_INCH, height: 11.69 * PT_PER_INCH };
const MARGIN = { side: 0.7 * PT_PER_INCH, end: 0.75 * PT_PER_INCH };
const PRINTABLE = {
  portrait: { width: A4.width - 2 * MARGIN.side, height: A4.height - 2 * MARGIN.end },
  landscape: { width: A4.height - 2 * MARGIN.side, height: A4.width - 2 * MARGIN.end },
};
const ROW_PT: Partial<Record<NonNullable<Cell["style"]>, number>> = { title: 21, subtitle: 16, section: 16 };
const DEFAULT_ROW_PT = 15;
const MIN_PORTRAIT_SCALE = 0.8;

/** The width of a column of `chars` characters in points. */
export const columnPoints = (chars: number) => (chars * 7 + 5) * 0.75;

export interface PrintOptions {
  /** The last printed column (1 = A); by default the last column with a width that is not hidden. */
  lastColumn?: number;
  /** Rows repeated on every page: by default the frozen rows. */
  titleRows?: number;
}

/** An Excel header/footer code writes a literal "&" as "&&". */
const literal = (text: string) => text.replace(/&/g, "&&");

export function printSetup(sheet: Omit<SheetSpec, "print">, options: PrintOptions = {}): PrintSpec {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const width = Math.max(1, ...sheet.cells.map((row) => row.length));
  let lastColumn = options.lastColumn ?? Math.min(width, sheet.columnWidths.length || width);
  while (lastColumn > 1 && hidden.has(lastColumn)) lastColumn--;
  const lastRow = Math.max(1, sheet.cells.length);
  let widthPt = 0;
  for (let c = 1; c <= lastColumn; c++)
    if (!hidden.has(c)) widthPt += columnPoints(sheet.columnWidths[c - 1] ?? 8.43);
  // Portrait while it prints at 80 % or more: a narrow sheet keeps its members and amounts on one page.
  const orientation = PRINTABLE.portrait.width / widthPt < MIN_PORTRAIT_SCALE ? "landscape" : "portrait";
  const page = PRINTABLE[orientation];
  const scale = Math.min(1, page.width / widthPt);
  const titleRowCount = options.titleRows ?? sheet.freeze?.rows ?? 0;
  const rowPt = (r: number) => ROW_PT[sheet.cells[r - 1]?.[0]?.style ?? "label"] ?? DEFAULT_ROW_PT;
  let titlePt = 0;
  for (let r = 1; r <= titleRowCount; r++) titlePt += rowPt(r);
  const title = String(sheet.cells[0]?.[0]?.value ?? sheet.name);
  const subtitle = sheet.cells[1]?.[0]?.style === "subtitle" ? String(sheet.cells[1][0]?.value ?? "") : "";
  return {
    orientation,
    area: range(1, 1, lastRow, lastColumn),
    titleRows: titleRowCount > 0 ? { first: 1, last: titleRowCount } : null,
    titleColumns: lastColumn > 1 ? { first: 1, last: 1 } : null,
    header: { left: literal(subtitle), right: literal(title) },
    footer: { left: "Sida &P av &N", right: "&D" },
    breaks: sectionBreaks(sheet, lastRow, page.height / scale, titleRowCount, titlePt, rowPt),
  };
}

/**
 * A page break before each section (a row styled "section") that does not fit on what is left of the page
 * but would fit on a page of its own; a section longer than a page is left to the program's own breaks.
 */
function sectionBreaks(
  sheet: Omit<SheetSpec, "print">,
  lastRow: number,
  pagePt: number,
  titleRows: number,
  titlePt: number,
  rowPt: (r: number) => number,
): number[] {
  const starts: number[] = [];
  for (let r = titleRows + 1; r <= lastRow; r++)
    if (sheet.cells[r - 1]?.[0]?.style === "section") starts.push(r);
  const blocks = [titleRows + 1, ...starts.filter((r) => r > titleRows + 1), lastRow + 1];
  const breaks: number[] = [];
  const capacity = pagePt - titlePt;
  if (capacity <= 0) return breaks;
  let used = 0;
  for (let i = 0; i + 1 < blocks.length; i++) {
    let height = 0;
    for (let r = blocks[i]; r < blocks[i + 1]; r++) height += rowPt(r);
    if (used > 0 && used + height > capacity && height <= capacity) {
      breaks.push(blocks[i]);
      used = 0;
    }
    used += height;
    while (used > capacity) used -= capacity; // the program breaks a long section where the page ends
  }
  return breaks;
}
