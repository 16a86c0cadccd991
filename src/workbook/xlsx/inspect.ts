/**
 * A look at a file before it is parsed: what kind of file it is, and — for an .xlsx, which is a zip — how
 * large its parts become when unpacked and how many sheets and cells it declares, read from the zip's
 * central directory and the first bytes of each sheet, without unpacking anything whole. A file that would
 * take the machine down (a zip bomb, a million-row sheet) gets a clear no before any parser sees it.
 */
import { constants, inflateRawSync } from "node:zlib";

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
};

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
  | { reason: "tooManyCells"; part: string; count: number; limit: number };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Why a file is not read, or null when it may be parsed. */
export function inspectXlsx(data: Uint8Array, limits = LIMITS): Refusal | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length > limits.fileBytes)
    return { reason: "tooBigFile", size: buf.length, limit: limits.fileBytes };
  if (OLE2.every((b, i) => buf[i] === b)) {
    // An encrypted .xlsx is an OLE2 container holding an "EncryptedPackage" stream (its name in UTF-16).
    return buf.includes(Buffer.from("EncryptedPackage", "utf16le"))
      ? { reason: "encrypted" }
      : { reason: "legacyXls" };
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50)
    return looksLikeText(buf) ? { reason: "csv" } : { reason: "notZip" };
  const entries = centralDirectory(buf);
  if (!entries) return { reason: "damaged" };
  if (entries.length > limits.parts)
    return { reason: "tooManyParts", count: entries.length, limit: limits.parts };
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.partBytes)
      return { reason: "partTooLarge", part: e.name, size: e.size, limit: limits.partBytes };
    total += e.size;
  }
  if (total > limits.totalBytes) return { reason: "tooLargeUnpacked", size: total, limit: limits.totalBytes };
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  if (sheets.length > limits.sheets)
    return { reason: "tooManySheets", count: sheets.length, limit: limits.sheets };
  let cells = 0;
  for (const sheet of sheets) {
    // The declared dimension (<dimension ref="A1:D40000"/>), else an estimate from the unpacked size.
    const declared = dimensionCells(buf, sheet);
    const count = declared ?? Math.ceil(sheet.size / 40);
    cells += count;
    if (count > limits.cells || cells > limits.cells)
      return { reason: "tooManyCells", part: sheet.name, count: Math.max(count, cells), limit: limits.cells };
  }
  // A directory can lie about sizes: the parts a parser will unpack are unpacked here first, each stopped
  // at its declared size (itself within the limit), so a lie costs at most that much and is refused.
  for (const e of entries) {
    if (e.method !== 8 || !/\.xml$/i.test(e.name)) continue;
    const actual = unpackedSize(buf, e);
    if (actual === null) return { reason: "damaged" };
    if (actual > e.size) return { reason: "partLies", part: e.name, declared: e.size };
  }
  return null;
}

/** How large a part unpacks to, at most one byte past its declared size; null when it cannot be read. */
function unpackedSize(buf: Buffer, e: Entry): number | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) return null;
  try {
    return inflateRawSync(buf.subarray(start, start + e.compressedSize), { maxOutputLength: e.size + 1 })
      .length;
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? e.size + 1 : null;
  }
}

/** Reads the central directory: every part's name and sizes. Null when the file has none (damaged). */
function centralDirectory(buf: Buffer): Entry[] | null {
  // The end-of-central-directory record is in the last 65 557 bytes.
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) return zip64Entries(buf, eocd);
  if (offset + size > buf.length) return null;
  return readEntries(buf, offset, count);
}

function readEntries(buf: Buffer, offset: number, count: number): Entry[] | null {
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    // ZIP64: sizes of 0xFFFFFFFF stand for 64-bit values in the extra field.
    const extra = buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    for (let x = 0; x + 4 <= extra.length;) {
      const id = extra.readUInt16LE(x);
      const len = extra.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let y = x + 4;
        const read64 = () => {
          const v = y + 8 <= extra.length ? Number(extra.readBigUInt64LE(y)) : Number.MAX_SAFE_INTEGER;
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

function zip64Entries(buf: Buffer, eocd: number): Entry[] | null {
  const locator = eocd - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) return null;
  const record = Number(buf.readBigUInt64LE(locator + 8));
  if (record + 56 > buf.length || buf.readUInt32LE(record) !== 0x06064b50) return null;
  const count = Number(buf.readBigUInt64LE(record + 32));
  const offset = Number(buf.readBigUInt64LE(record + 48));
  if (count > 1_000_000 || offset > buf.length) return null;
  return readEntries(buf, offset, count);
}

/** The cells a sheet's <dimension> declares, from its first 4 KB packed; null when it has none. */
function dimensionCells(buf: Buffer, e: Entry): number | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const chunk = buf.subarray(start, Math.min(buf.length, start + Math.min(e.compressedSize, 4_096)));
  let head: string;
  try {
    head =
      e.method === 0
        ? chunk.toString("utf8", 0, 4096)
        : inflateRawSync(chunk, {
            finishFlush: constants.Z_SYNC_FLUSH,
            maxOutputLength: 16 * 1024 * 1024,
          }).toString("utf8", 0, 4096);
  } catch {
    return null;
  }
  const m = /<(?:\w+:)?dimension[^>]*\sref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/.exec(head);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = Number(m[4] ?? m[2]) - Number(m[2]) + 1;
  const columns = col(m[3] ?? m[1]) - col(m[1]) + 1;
  return Math.max(1, rows) * Math.max(1, columns);
}

function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 4096);
  if (head.length === 0) return false;
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  return printable / head.length > 0.95 && /[;,\t]/.test(head.toString("latin1"));
}
