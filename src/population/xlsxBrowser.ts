import type { GridCell } from "./grid";
import type { XlsxGridReader } from "./readers";

/**
 * An SCB download saved as .xlsx, read in the task pane: the zip's directory is checked first (how many parts,
 * how large unpacked — and each deflated part is inflated as a stream, counted and dropped, so a directory
 * that lies about sizes is caught before anything is kept), then ExcelJS, loaded only when a user picks an
 * xlsx file, reads the values.
 */
export const XLSX_LIMITS = {
  fileBytes: 10 * 1024 * 1024,
  partBytes: 60 * 1024 * 1024,
  totalBytes: 120 * 1024 * 1024,
  parts: 500,
};

export const readXlsxInBrowser: XlsxGridReader = async (bytes) => {
  const refusal = await zipRefusal(bytes);
  if (refusal) throw new Error(refusal);
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook.worksheets.map((ws) => {
    const rows: GridCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: GridCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as unknown;
        cells[c - 1] =
          typeof v === "number" || typeof v === "string"
            ? v
            : v && typeof v === "object" && "result" in v
              ? ((v as { result?: GridCell }).result ?? null)
              : v && typeof v === "object" && "richText" in v
                ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("")
                : null;
      });
      rows[r - 1] = cells;
    });
    return Array.from(rows, (row) => row ?? []);
  });
};

interface Entry {
  method: number;
  compressed: number;
  size: number;
  local: number;
}

/** Why the zip is not read, or null. */
export async function zipRefusal(bytes: Uint8Array, limits = XLSX_LIMITS): Promise<string | null> {
  if (bytes.byteLength > limits.fileBytes)
    return `filen är ${Math.round(bytes.byteLength / 1048576)} MB; högst ${limits.fileBytes / 1048576} MB läses`;
  const entries = directory(bytes);
  if (!entries) return "filen är skadad (zip-katalogen saknas)";
  if (entries.length > limits.parts) return `filen har ${entries.length} delar`;
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.partBytes) return "en del av filen blir för stor uppackad";
    total += e.size;
    if (total > limits.totalBytes) return "filen blir för stor uppackad";
  }
  for (const e of entries) {
    const actual = await inflatedSize(bytes, e);
    if (actual === null) return "filen är skadad";
    if (actual > e.size) return "filens zip-katalog anger fel storlek";
  }
  return null;
}

function directory(bytes: Uint8Array): Entry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    entries.push({
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      local: view.getUint32(p + 42, true),
    });
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** Inflates one part as a stream, stopping one byte past what the directory declares. */
async function inflatedSize(bytes: Uint8Array, e: Entry): Promise<number | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50) return null;
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  if (start + e.compressed > bytes.length) return null;
  const data = bytes.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length;
  if (e.method !== 8) return null;
  const reader = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return size;
      size += value.byteLength;
      if (size > e.size) {
        await reader.cancel();
        return size;
      }
    }
  } catch {
    return null;
  }
}
