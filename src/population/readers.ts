import Papa from "papaparse";
import { readGrid, type GridCell } from "./grid";
import { readJsonStat } from "./jsonStat";
import type { KeyProblem, PopulationRecord } from "./records";

/**
 * SCB's population table in any of the forms a user brings it: CSV with a heading (comma, semicolon or tab;
 * papaparse finds which), xlsx (read by the project's xlsx reader, passed in so the pane can load it only when
 * needed), JSON-stat 2 (the JSON-stat toolkit), or text pasted into the pane. Each file is bounded before it
 * is parsed.
 */
export type SourceFormat = "csv" | "xlsx" | "json-stat2" | "pasted";

export interface SourceRead {
  records: PopulationRecord[];
  format: SourceFormat;
  title: string | null;
  problem: KeyProblem | null;
}

/** An .xlsx file's sheets as rows of cells; refuses (throws) what it will not read. */
export type XlsxGridReader = (bytes: Uint8Array) => Promise<GridCell[][][]>;

/** A download for a few hundred municipalities is a few MB; a whole year of every region about 15 MB. */
export const MAX_SOURCE_BYTES = 30 * 1024 * 1024;

export async function readPopulationSource(
  input: { bytes: Uint8Array } | { text: string },
  xlsx?: XlsxGridReader,
): Promise<SourceRead> {
  const size = "bytes" in input ? input.bytes.byteLength : input.text.length;
  const fail = (format: SourceFormat, problem: KeyProblem): SourceRead => ({
    records: [],
    format,
    title: null,
    problem,
  });
  if (size > MAX_SOURCE_BYTES) return fail("csv", { kind: "tooLarge", size, limit: MAX_SOURCE_BYTES });
  if ("bytes" in input && isZip(input.bytes)) {
    if (!xlsx) return fail("xlsx", { kind: "unreadable", detail: "xlsx-filer kan inte läsas här" });
    let sheets: GridCell[][][];
    try {
      sheets = await xlsx(input.bytes);
    } catch (error) {
      return fail("xlsx", {
        kind: "unreadable",
        detail: (error as Error)?.message || "filen kunde inte läsas",
      });
    }
    // The first sheet that reads as the population table.
    let first: SourceRead | null = null;
    for (const rows of sheets) {
      const read = fromGrid(rows, "xlsx");
      if (!read.problem) return read;
      first ??= read;
    }
    return first ?? fail("xlsx", { kind: "notPopulation", detail: "arbetsboken har inga blad" });
  }
  const text = "bytes" in input ? decode(input.bytes) : input.text;
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return fail("json-stat2", { kind: "unreadable", detail: "filen är inte giltig JSON" });
    }
    const read = readJsonStat(json);
    return {
      records: read.records,
      format: "json-stat2",
      title: read.title,
      problem: read.problem ? { kind: "notPopulation", detail: read.problem } : null,
    };
  }
  const parsed = Papa.parse<string[]>(trimmed, { skipEmptyLines: false, delimiter: delimiterOf(trimmed) });
  return fromGrid(parsed.data, "bytes" in input ? "csv" : "pasted");
}

function fromGrid(rows: readonly (readonly GridCell[])[], format: SourceFormat): SourceRead {
  const read = readGrid(rows);
  return {
    records: read.records,
    format,
    title: read.title,
    problem: read.problem ? { kind: "notPopulation", detail: read.problem } : null,
  };
}

/**
 * The separator of the heading row (the title line above it may hold commas in a semicolon file); papaparse
 * guesses when there is no heading row to go by.
 */
function delimiterOf(text: string): string | undefined {
  const lines = text.split(/\r?\n/, 60);
  let best: { d: string; fields: number } | undefined;
  for (const d of ["\t", ";", ","]) {
    for (const line of lines) {
      const fields = line.split(d).map((f) => f.trim().replace(/^"|"$/g, ""));
      if (fields.length > 1 && fields.some((f) => /^(region|kommun|municipality)$/i.test(f))) {
        if (!best || fields.length > best.fields) best = { d, fields: fields.length };
        break;
      }
    }
  }
  return best?.d;
}

/** "utf-16le" or "utf-16be" when the bytes are UTF-16 text: by the byte-order mark, else by where the zeros are. */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // Latin text in UTF-16 has a zero in every other byte; UTF-8 and Windows-1252 text has none.
  if (odd > (n / 2) * 0.6 && even < (n / 2) * 0.1) return "utf-16le";
  if (even > (n / 2) * 0.6 && odd < (n / 2) * 0.1) return "utf-16be";
  return null;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * UTF-16 (Excel's "Unicode text", little-endian with a byte-order mark; either byte order, with or without the
 * mark, known by its zero bytes), UTF-8, or Windows-1252 (Excel's "CSV" on a Swedish Windows) when the bytes
 * are not valid UTF-8.
 */
export function decode(bytes: Uint8Array): string {
  const utf16 = utf16Order(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes).replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
