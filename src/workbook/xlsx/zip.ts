/**
 * A look at a file before it is parsed, in the part that needs no unpacking and runs anywhere (Node, the
 * browser): what kind of file it is, and — for an .xlsx, which is a zip — its parts and the sizes they declare,
 * read from the zip's central directory. What needs unpacking is read by the one reader (workbookReader.ts),
 * each part capped at its declared size and the limits below while it unpacks.
 */
export const LIMITS = {
  /** The file on disk. */
  fileBytes: 50 * 1024 * 1024,
  /** One part unpacked (a sheet's XML). */
  partBytes: 100 * 1024 * 1024,
  /** All parts unpacked. */
  totalBytes: 200 * 1024 * 1024,
  parts: 5_000,
  sheets: 250,
  /** Cells a sheet declares (its dimension), and all sheets together. */
  cells: 500_000,
  /** Characters of text kept (shared and inline strings, formulas) in all sheets together. */
  chars: 16 * 1024 * 1024,
};

export type Limits = typeof LIMITS;

export type Refusal =
  | { reason: "tooBigFile"; size: number; limit: number }
  | { reason: "legacyXls" }
  | { reason: "encrypted" }
  | { reason: "csv" }
  | { reason: "notZip" }
  | { reason: "damaged" }
  | { reason: "partTooLarge"; part: string; size: number; limit: number }
  | { reason: "partLies"; part: string; declared: number }
  | { reason: "tooLargeUnpacked"; size: number; limit: number }
  | { reason: "tooManyParts"; count: number; limit: number }
  | { reason: "tooManySheets"; count: number; limit: number }
  | { reason: "tooManyCells"; part: string; count: number; limit: number }
  | { reason: "xlsb" }
  | { reason: "ods" }
  | { reason: "numbers" }
  | { reason: "partMissing"; part: string }
  | { reason: "badXml"; part: string }
  | { reason: "tooMuchText"; limit: number };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE, the stream an encrypted .xlsx's OLE2 container holds. */
const ENCRYPTED = [..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]);

const viewOf = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);

/**
 * Everything that can be judged from the directory: the file's kind and size, the number of parts and sheets,
 * the sizes they declare. The entries and the sheets for the checks that unpack, or why not.
 */
export function inspectDirectory(
  data: Uint8Array,
  limits: Limits = LIMITS,
): { refusal: Refusal } | { entries: ZipEntry[]; sheets: ZipEntry[] } {
  const no = (refusal: Refusal) => ({ refusal });
  if (data.length > limits.fileBytes)
    return no({ reason: "tooBigFile", size: data.length, limit: limits.fileBytes });
  if (data.length >= 8 && OLE2.every((b, i) => data[i] === b))
    return no(includes(data, ENCRYPTED) ? { reason: "encrypted" } : { reason: "legacyXls" });
  if (data.length < 4 || viewOf(data).getUint32(0, true) !== 0x04034b50)
    return no(looksLikeText(data) ? { reason: "csv" } : { reason: "notZip" });
  const entries = centralDirectory(data);
  if (!entries) return no({ reason: "damaged" });
  const kind = otherFormat(entries);
  if (kind) return no({ reason: kind });
  if (entries.length > limits.parts)
    return no({ reason: "tooManyParts", count: entries.length, limit: limits.parts });
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.partBytes)
      return no({ reason: "partTooLarge", part: e.name, size: e.size, limit: limits.partBytes });
    total += e.size;
  }
  if (total > limits.totalBytes)
    return no({ reason: "tooLargeUnpacked", size: total, limit: limits.totalBytes });
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  if (sheets.length > limits.sheets)
    return no({ reason: "tooManySheets", count: sheets.length, limit: limits.sheets });
  return { entries, sheets };
}

/**
 * Zip packages that are spreadsheets but not .xlsx, named so the user knows what to do: Excel's binary
 * workbook (.xlsb, xl/workbook.bin), OpenDocument (.ods, a `mimetype` entry and content.xml) and Apple
 * Numbers (its Index/*.iwa archives).
 */
function otherFormat(entries: readonly ZipEntry[]): "xlsb" | "ods" | "numbers" | null {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.xml")) return null;
  if (names.has("xl/workbook.bin")) return "xlsb";
  if (names.has("mimetype") && names.has("content.xml")) return "ods";
  if (entries.some((e) => /^Index\/.*\.iwa$/.test(e.name)) || names.has("Index.zip")) return "numbers";
  return null;
}

/** A part's packed bytes (at most `limit` of them), or null when its local header is not where it says. */
export function packedBytes(data: Uint8Array, e: ZipEntry, limit = e.compressedSize): Uint8Array | null {
  const view = viewOf(data);
  const p = e.localOffset;
  if (p + 30 > data.length || view.getUint32(p, true) !== 0x04034b50) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start > data.length) return null;
  return data.subarray(start, Math.min(data.length, start + Math.min(e.compressedSize, limit)));
}

/** Reads the central directory: every part's name and sizes. Null when the file has none (damaged). */
function centralDirectory(data: Uint8Array): ZipEntry[] | null {
  const view = viewOf(data);
  // The end-of-central-directory record is in the last 65 557 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || count === 0xffff) return zip64Entries(data, eocd);
  if (offset + size > data.length) return null;
  return readEntries(data, offset, count);
}

function readEntries(data: Uint8Array, offset: number, count: number): ZipEntry[] | null {
  const view = viewOf(data);
  const utf8 = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength > data.length) return null;
    const name = utf8.decode(data.subarray(p + 46, p + 46 + nameLength));
    // ZIP64: sizes of 0xFFFFFFFF stand for 64-bit values in the extra field.
    const extraStart = p + 46 + nameLength;
    for (let x = extraStart; x + 4 <= extraStart + extraLength;) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let y = x + 4;
        const read64 = () => {
          const v =
            y + 8 <= extraStart + extraLength ? Number(view.getBigUint64(y, true)) : Number.MAX_SAFE_INTEGER;
          y += 8;
          return v;
        };
        if (size === 0xffffffff) size = read64();
        if (compressedSize === 0xffffffff) compressedSize = read64();
        if (localOffset === 0xffffffff) localOffset = read64();
      }
      x += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zip64Entries(data: Uint8Array, eocd: number): ZipEntry[] | null {
  const view = viewOf(data);
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > data.length || view.getUint32(record, true) !== 0x06064b50) return null;
  const count = Number(view.getBigUint64(record + 32, true));
  const offset = Number(view.getBigUint64(record + 48, true));
  if (count > 1_000_000 || offset > data.length) return null;
  return readEntries(data, offset, count);
}

function includes(data: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(data: Uint8Array): boolean {
  const head = data.subarray(0, 4096);
  if (head.length === 0) return false;
  let printable = 0;
  let separator = false;
  for (const b of head) {
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
    if (b === 9 || b === 44 || b === 59) separator = true;
  }
  return printable / head.length > 0.95 && separator;
}
