/**
 * A file read for the command line, bounded whatever it is: a directory or a missing file is refused by
 * stat, a regular file larger than the limit by its size, and anything else (a pipe, a FIFO, /dev/zero, a
 * file growing while read) by reading at most limit + 1 bytes — one byte past the limit is the proof.
 */
import { open, stat } from "node:fs/promises";
import type { Refusal } from "../workbook/xlsx/zip";

export type FileRefusal =
  | Refusal
  | { reason: "directory" }
  | { reason: "missing" }
  | { reason: "noAccess" }
  | { reason: "notRegular" };

export async function readBounded(
  file: string,
  limit: number,
): Promise<{ data: Uint8Array } | { refusal: FileRefusal }> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return { refusal: errnoRefusal(error) };
  }
  if (info.isDirectory()) return { refusal: { reason: "directory" } };
  if (info.isFile() && info.size > limit)
    return { refusal: { reason: "tooBigFile", size: info.size, limit } };
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    return { refusal: errnoRefusal(error) };
  }
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const want = Math.min(1 << 20, limit + 1 - size);
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(want), 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      size += bytesRead;
      if (size > limit) return { refusal: { reason: "tooBigFile", size, limit } };
    }
    return { data: Buffer.concat(chunks, size) };
  } catch (error) {
    return { refusal: errnoRefusal(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function errnoRefusal(error: unknown): FileRefusal {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return { reason: "missing" };
  if (code === "EACCES" || code === "EPERM") return { reason: "noAccess" };
  if (code === "EISDIR") return { reason: "directory" };
  return { reason: "notRegular" };
}
