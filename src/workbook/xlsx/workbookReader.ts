/**
 * The one .xlsx reader, bounded by construction, for the command line, the tests and the pane's import.
 *
 * It reads only the parts it needs, found through the package's relationships and matched exactly as they
 * name them (`_rels/.rels` → the workbook → its rels → the shared strings and each worksheet); nothing else in
 * the package is unpacked (media, VBA, drawings, a chart's shapes). Each part is unpacked as a stream, capped
 * at its declared size and the limit, and parsed as it streams (parts.ts); cells and characters are counted as
 * they arrive (sheetCells.ts), never taken from `<dimension>`; a sheet is laid out sparsely (blocks.ts).
 *
 * A package it will not read throws a ReadRefusal (in the catalogue's words, `messages().refused`); a sheet
 * it cannot read (too many cells, XML that is not well formed, a cell outside Excel's grid) is left out with a
 * note, and the other sheets are read.
 */
import type { SheetData } from "../../sheet/sheetData";
import type { ReadNote, WorkbookRead } from "../readNotes";
import { columnLetter } from "../../sheet/a1";
import { toBlocks } from "./blocks";
import {
  local,
  parsePart,
  ReadRefusal,
  readRelationships,
  relsOf,
  resolveTarget,
  STOP,
  type Inflate,
} from "./parts";
import { emptyCells, sheetHandler, type SheetStop } from "./sheetCells";
import { inspectDirectory, LIMITS, type Limits, type Refusal, type ZipEntry } from "./zip";

export { ReadRefusal, type Inflate } from "./parts";
export type { ReadNote, WorkbookRead } from "../readNotes";

/**
 * Computes formulas the file carries no result for, in place (their values set, their positions taken out of
 * `uncomputed`); passed in by the caller, so the pane's bundle does not carry a spreadsheet engine.
 */
export type Compute = (sheets: SheetData[]) => void | Promise<void>;

export interface ReadOptions {
  limits?: Limits;
  compute?: Compute;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const isType = (type: string, kind: string) => type === REL + kind || type === STRICT_REL + kind;
/** The longest sheet name kept (Excel allows 31 characters; a longer one is shortened, not trusted). */
const MAX_NAME = 255;
/** How many cells a note names. */
const NAMED = 5;

export async function readWorkbook(
  data: Uint8Array,
  inflate: Inflate,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const limits = options.limits ?? LIMITS;
  const directory = inspectDirectory(data, limits);
  if ("refusal" in directory) throw new ReadRefusal(directory.refusal);
  const entries = new Map<string, ZipEntry>();
  for (const e of directory.entries) if (!entries.has(e.name)) entries.set(e.name, e);
  const part = (name: string): ZipEntry => {
    const e = entries.get(name);
    if (!e) throw new ReadRefusal({ reason: "partMissing", part: name });
    return e;
  };
  const rels = (name: string) => readRelationships(data, entries, relsOf(name), inflate, limits);

  const root = (await readRelationships(data, entries, "_rels/.rels", inflate, limits)).find(
    (r) => isType(r.type, "officeDocument") && !r.external,
  );
  if (!root) throw new ReadRefusal({ reason: "partMissing", part: "_rels/.rels" });
  const workbookPart = resolveTarget("", root.target);
  const book = await readBook(data, part(workbookPart), inflate, limits);
  if (book.sheets.length > limits.sheets)
    throw new ReadRefusal({ reason: "tooManySheets", count: book.sheets.length, limit: limits.sheets });
  const bookRels = new Map((await rels(workbookPart)).map((r) => [r.id, r]));
  const chars = { left: limits.chars };
  const stringsRel = [...bookRels.values()].find((r) => isType(r.type, "sharedStrings") && !r.external);
  const strings = stringsRel
    ? await readSharedStrings(
        data,
        part(resolveTarget(workbookPart, stringsRel.target)),
        inflate,
        limits,
        chars,
      )
    : [];

  const sheets: SheetData[] = [];
  const notes: ReadNote[] = [];
  let cellsLeft = limits.cells;
  for (const s of book.sheets) {
    const rel = bookRels.get(s.rid);
    if (!rel || !isType(rel.type, "worksheet")) continue; // a chart sheet, a dialog sheet: no cells to check
    const target = resolveTarget(workbookPart, rel.target);
    const entry = entries.get(target);
    if (!entry) {
      notes.push({ kind: "sheetUnreadable", sheet: s.name, why: "partMissing", where: target });
      continue;
    }
    const cells = emptyCells();
    const handler = sheetHandler(cells, strings, { cells: cellsLeft, chars }, book.date1904);
    let stop: SheetStop = null;
    try {
      await parsePart(data, entry, inflate, limits, handler);
      stop = handler.stop();
    } catch (error) {
      if (error instanceof ReadRefusal && error.refusal.reason === "badXml") {
        notes.push({ kind: "sheetUnreadable", sheet: s.name, why: "badXml", where: target });
        continue;
      }
      throw error;
    }
    if (handler.tooMuchText()) throw new ReadRefusal({ reason: "tooMuchText", limit: limits.chars });
    if (stop?.kind === "tooManyCells") {
      notes.push({ kind: "sheetTooLarge", sheet: s.name, limit: limits.cells });
      continue;
    }
    if (stop?.kind === "badPosition") {
      notes.push({ kind: "sheetUnreadable", sheet: s.name, why: "badPosition", where: stop.where });
      continue;
    }
    cellsLeft -= cells.values.length;
    if (cells.badNumbers.length > 0)
      notes.push({
        kind: "badNumbers",
        sheet: s.name,
        cells: cells.badNumbers
          .slice(0, NAMED)
          .map((i) => `${columnLetter(cells.columns[i])}${cells.rows[i]}`),
        count: cells.badNumbers.length,
      });
    sheets.push(...toBlocks(s.name, cells));
  }
  if (options.compute && sheets.some((s) => s.uncomputed && s.uncomputed.size > 0))
    await options.compute(sheets);
  notes.push(...notComputed(sheets));
  return { sheets, notes };
}

/** The workbook part: its sheets in order (name and relationship id) and its date system. */
async function readBook(
  data: Uint8Array,
  entry: ZipEntry,
  inflate: Inflate,
  limits: Limits,
): Promise<{ sheets: { name: string; rid: string }[]; date1904: boolean }> {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  let tooMany = false;
  await parsePart(data, entry, inflate, limits, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name !== "sheet") return;
      if (sheets.length >= limits.sheets) {
        tooMany = true;
        throw STOP;
      }
      const rid = Object.entries(a).find(([k]) => k.includes(":") && local(k) === "id")?.[1] ?? "";
      const full = a.name ?? "";
      sheets.push({ name: full.length > MAX_NAME ? `${full.slice(0, MAX_NAME)}…` : full, rid });
    },
    close(name) {
      if (name === "sheets") throw STOP;
    },
    text() {},
  });
  if (tooMany)
    throw new ReadRefusal({ reason: "tooManySheets", count: limits.sheets + 1, limit: limits.sheets });
  return { sheets, date1904 };
}

/** The shared strings: each `<si>`'s text (its runs joined, phonetic guides left out), counted as read. */
async function readSharedStrings(
  data: Uint8Array,
  entry: ZipEntry,
  inflate: Inflate,
  limits: Limits,
  chars: { left: number },
): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = false;
  let over = false;
  const most = limits.cells * 4;
  await parsePart(data, entry, inflate, limits, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic = true;
      else if (name === "t" && !phonetic) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic = false;
      else if (name === "si") {
        chars.left -= current.length + 1;
        if (chars.left < 0 || strings.length >= most) {
          over = true;
          throw STOP;
        }
        strings.push(current);
      }
    },
    text(text) {
      if (inText && current.length < 32_767) current += text;
    },
  });
  if (over) throw new ReadRefusal({ reason: "tooMuchText", limit: limits.chars });
  return strings;
}

function notComputed(sheets: SheetData[]): ReadNote[] {
  const bySheet = new Map<string, { cells: string[]; count: number }>();
  for (const s of sheets) {
    if (!s.uncomputed || s.uncomputed.size === 0) continue;
    const note = bySheet.get(s.name) ?? { cells: [], count: 0 };
    bySheet.set(s.name, note);
    for (const key of s.uncomputed) {
      note.count++;
      if (note.cells.length < NAMED) {
        const [r, c] = key.split(",").map(Number);
        note.cells.push(`${columnLetter((s.origin?.column ?? 1) + c)}${(s.origin?.row ?? 1) + r}`);
      }
    }
  }
  return [...bySheet].map(([sheet, n]) => ({ kind: "notComputed" as const, sheet, ...n }));
}

/** A refusal's reason from anything the reader threw (a ReadRefusal), or null for an unexpected error. */
export function refusalOf(error: unknown): Refusal | null {
  return error instanceof ReadRefusal ? error.refusal : null;
}
