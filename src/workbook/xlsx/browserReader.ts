import { messages } from "../../i18n";
import type { GridCell } from "../../population/grid";
import type { XlsxGridReader } from "../../population/readers";
import { webInflate } from "./webInflate";
import { ReadRefusal, readWorkbook } from "./workbookReader";
import { LIMITS } from "./zip";

/**
 * An .xlsx file read in the task pane (an SCB download): the one bounded reader (workbookReader.ts) with the
 * browser's DecompressionStream as its inflater, and the pane's smaller limits. No spreadsheet library is
 * loaded: the same code refuses and reads the same files as the command line.
 */
export const BROWSER_LIMITS = {
  ...LIMITS,
  fileBytes: 10 * 1024 * 1024,
  partBytes: 60 * 1024 * 1024,
  totalBytes: 120 * 1024 * 1024,
};

/** Each sheet (or each block of a sheet whose cells lie far apart) as rows of cells. */
export const readXlsxInBrowser: XlsxGridReader = async (bytes) => {
  try {
    const { sheets } = await readWorkbook(bytes, webInflate, { limits: BROWSER_LIMITS });
    return sheets.map((s) => s.values.map((row) => row.map(gridCell)));
  } catch (error) {
    if (error instanceof ReadRefusal)
      throw new Error(messages().refused[error.refusal.reason](error.refusal as never));
    throw new Error(messages().refused.damaged());
  }
};

function gridCell(v: unknown): GridCell {
  if (typeof v === "number" || typeof v === "string") return v;
  return null;
}
