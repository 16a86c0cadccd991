/**
 * A look at a file before it is parsed, in Node (the command line): the directory's checks (zip.ts), then the
 * ones that unpack — each sheet's first 4 KB for its declared dimension, and every XML part unpacked with
 * Node's zlib, stopped one byte past its declared size — without unpacking anything whole. A file that would
 * take the machine down (a zip bomb, a million-row sheet) gets a clear no before any parser sees it.
 */
import { constants, inflateRawSync } from "node:zlib";
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

export { LIMITS, type Refusal } from "./zip";

/** Why a file is not read, or null when it may be parsed. */
export function inspectXlsx(data: Uint8Array, limits = LIMITS): Refusal | null {
  const directory = inspectDirectory(data, limits);
  if ("refusal" in directory) return directory.refusal;
  const cells = cellsRefusal(
    directory.sheets,
    directory.sheets.map((e) => head(data, e)),
    limits,
  );
  if (cells) return cells;
  // A directory can lie about sizes: the parts a parser will unpack are unpacked here first, each stopped
  // at its declared size (itself within the limit), so a lie costs at most that much and is refused. The
  // first unreadable or lying part ends it.
  const parts = partsToMeasure(directory.entries);
  const sizes: (number | null)[] = [];
  for (const e of parts) {
    const size = unpackedSize(data, e);
    sizes.push(size);
    if (size === null || size > e.size) break;
  }
  return unpackedRefusal(parts.slice(0, sizes.length), sizes);
}

/** How large a part unpacks to, at most one byte past its declared size; null when it cannot be read. */
function unpackedSize(data: Uint8Array, e: ZipEntry): number | null {
  const packed = packedBytes(data, e);
  if (!packed || packed.length < e.compressedSize) return null;
  try {
    return inflateRawSync(packed, { maxOutputLength: e.size + 1 }).length;
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? e.size + 1 : null;
  }
}

/** A sheet's first 4 KB unpacked, from its first 4 KB packed; null when it cannot be read. */
function head(data: Uint8Array, e: ZipEntry): string | null {
  const packed = packedBytes(data, e, 4_096);
  if (!packed) return null;
  try {
    const bytes =
      e.method === 0
        ? packed
        : inflateRawSync(packed, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 16 * 1024 * 1024 });
    return new TextDecoder().decode(bytes.subarray(0, 4096));
  } catch {
    return null;
  }
}
