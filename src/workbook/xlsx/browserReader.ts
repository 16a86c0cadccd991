import { messages } from "../../i18n";
import type { GridCell } from "../../population/grid";
import type { XlsxGridReader } from "../../population/readers";
import {
  cellsRefusal,
  inspectDirectory,
  LIMITS,
  packedBytes,
  partsToMeasure,
  unpackedRefusal,
  type Refusal,
  type ZipEntry,
} from "./zip";

/**
 * An .xlsx file read in the task pane (an SCB download): the same look before parsing as the command line's
 * (zip.ts), with the browser's DecompressionStream doing the unpacking — each part inflated as a stream,
 * counted and dropped, stopped one byte past what it declares — then ExcelJS, loaded only now, reads the values.
 */
export const BROWSER_LIMITS = {
  ...LIMITS,
  fileBytes: 10 * 1024 * 1024,
  partBytes: 60 * 1024 * 1024,
  totalBytes: 120 * 1024 * 1024,
};

/** Why the file is not read, or null. */
export async function inspectInBrowser(data: Uint8Array, limits = BROWSER_LIMITS): Promise<Refusal | null> {
  const directory = inspectDirectory(data, limits);
  if ("refusal" in directory) return directory.refusal;
  const heads: (string | null)[] = [];
  for (const e of directory.sheets) heads.push((await inflate(data, e, 4096, true))?.head ?? null);
  const cells = cellsRefusal(directory.sheets, heads, limits);
  if (cells) return cells;
  const parts = partsToMeasure(directory.entries);
  const sizes: (number | null)[] = [];
  for (const e of parts) {
    const size = (await inflate(data, e, e.size + 1, false))?.size ?? null;
    sizes.push(size);
    if (size === null || size > e.size) break;
  }
  return unpackedRefusal(parts.slice(0, sizes.length), sizes);
}

export const readXlsxInBrowser: XlsxGridReader = async (bytes) => {
  const refusal = await inspectInBrowser(bytes);
  if (refusal) throw new Error(messages().refused[refusal.reason](refusal as never));
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook.worksheets.map((ws) => {
    const rows: GridCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: GridCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = plain(cell.value)));
      rows[r - 1] = cells;
    });
    return Array.from(rows, (row) => row ?? []);
  });
};

/** A cell's value as text or a number: a formula's cached result, rich text's text. */
function plain(v: unknown): GridCell {
  if (typeof v === "number" || typeof v === "string") return v;
  if (v && typeof v === "object" && "result" in v) return (v as { result?: GridCell }).result ?? null;
  if (v && typeof v === "object" && "richText" in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  return null;
}

/**
 * Unpacks a part as a stream, counting, and stops once past `stopAfter` bytes; keeps the first 4 KB. With
 * `partial`, only the first 4 KB packed are given and an early end is no error. Null when it cannot be read.
 */
async function inflate(
  data: Uint8Array,
  e: ZipEntry,
  stopAfter: number,
  partial: boolean,
): Promise<{ size: number; head: string } | null> {
  const packed = packedBytes(data, e, partial ? 4096 : e.compressedSize);
  if (!packed || (!partial && packed.length < e.compressedSize)) return null;
  if (e.method === 0)
    return { size: packed.length, head: new TextDecoder().decode(packed.subarray(0, 4096)) };
  if (e.method !== 8) return null;
  const reader = new Blob([packed as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const first: Uint8Array[] = [];
  let size = 0;
  const result = () => ({ size, head: new TextDecoder().decode(concat(first).subarray(0, 4096)) });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return result();
      if (size < 4096) first.push(value);
      size += value.byteLength;
      if (size > stopAfter) {
        await reader.cancel().catch(() => undefined);
        return result();
      }
    }
  } catch {
    return partial && size > 0 ? result() : null;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
