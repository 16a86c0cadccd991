/**
 * A workbook file read for the command line, the one way every command reads one: bounded by stat and by
 * reading at most the limit + 1 bytes, then the one bounded reader, with formulas that carry no cached result
 * computed by the headless engine (loaded only then). A refusal comes back in the catalogue's words.
 */
import type { Messages } from "../i18n";
import type { SheetData } from "../sheet/sheetData";
import type { ReadNote } from "../workbook/readNotes";
import { LIMITS } from "../workbook/xlsx/zip";
import { readBounded } from "./boundedFile";

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, so `finsam --help` starts fast */
const xlsxReader = async (): Promise<typeof import("../workbook/xlsx/xlsxReader")> =>
  require("../workbook/xlsx/xlsxReader");
const compute = async (): Promise<typeof import("../workbook/headless/computeUncached")> =>
  require("../workbook/headless/computeUncached");
/* eslint-enable @typescript-eslint/no-require-imports */

export async function readWorkbookFile(
  file: string,
  t: Messages,
): Promise<{ sheets: SheetData[]; notes: ReadNote[]; data: Uint8Array } | { refused: string }> {
  const read = await readBounded(file, LIMITS.fileBytes);
  if ("refusal" in read) return { refused: t.refused[read.refusal.reason](read.refusal as never) };
  try {
    const { readXlsxWorkbook } = await xlsxReader();
    const engine = (
      list: Parameters<typeof import("../workbook/headless/computeUncached").computeUncached>[0],
    ) => compute().then((m) => m.computeUncached(list));
    return { ...(await readXlsxWorkbook(read.data, { compute: engine })), data: read.data };
  } catch (error) {
    const refusal = (error as { refusal?: { reason: keyof Messages["refused"] } }).refusal;
    // A refusal in the catalogue's words; anything else is a fault of ours, never a library's text.
    return { refused: refusal ? t.refused[refusal.reason](refusal as never) : t.cli.readFault };
  }
}

/** Why a file cannot be written, in the catalogue's words. */
export function writeReason(error: unknown, t: Messages): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return t.refused.missing();
  if (code === "EACCES" || code === "EPERM") return t.refused.noAccess();
  if (code === "EISDIR") return t.refused.directory();
  return t.cli.writeFault;
}
