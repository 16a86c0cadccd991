import type { Cell, CellValue, SheetSpec, TemplateSpec } from "../templates/spec";
import { columnLetter } from "../sheet/a1";

/**
 * What every renderer does the same way: choose free names for a template's sheets, tables and workbook
 * names so that nothing the user has is overwritten, and turn a sheet's cells into the 2-D blocks that are
 * written at once (formulas with their `{{key}}!` references resolved, number formats).
 */
export interface ExistingNames {
  sheets: readonly string[];
  tables: readonly string[];
  names: readonly string[];
}

export interface Renamed {
  kind: "sheet" | "table" | "name";
  requested: string;
  actual: string;
}

export interface Placement {
  /** Sheet key → the name the sheet gets. */
  sheets: Record<string, string>;
  /** "<key>_previous" → an earlier sheet of the same template that was there before (its name was taken). */
  previous: Record<string, string>;
  /** Requested table name → actual. */
  tables: Record<string, string>;
  /** Requested workbook name → actual. */
  names: Record<string, string>;
  renamed: Renamed[];
}

export const MAX_SHEET_NAME = 31;

/** What an insert created, under the names it got; the same from every renderer. */
export interface InsertResult {
  template: TemplateSpec["id"];
  /** The sheets created, in order. */
  sheets: string[];
  tables: string[];
  names: string[];
  /** Everything that got another name than asked for, to tell the user. */
  renamed: Renamed[];
}

export function resultOf(spec: TemplateSpec, placement: Placement): InsertResult {
  return {
    template: spec.id,
    sheets: spec.sheets.map((s) => placement.sheets[s.key]),
    tables: spec.sheets.flatMap((s) => s.tables.map((t) => placement.tables[t.name])),
    names: spec.names.map((n) => placement.names[n.name]),
    renamed: placement.renamed,
  };
}

/** "Budget" → "Budget (2)" when taken (Excel compares sheet names without regard to case). */
export function freeSheetName(desired: string, taken: Set<string>): string {
  const key = (s: string) => s.toLocaleLowerCase("sv-SE");
  if (!taken.has(key(desired))) return desired;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = desired.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(key(candidate))) return candidate;
  }
}

/** Tables and workbook names share one namespace in Excel: "FINSAM_Indikatorer" → "FINSAM_Indikatorer_2". */
export function freeIdentifier(desired: string, taken: Set<string>): string {
  if (!taken.has(desired.toUpperCase())) return desired;
  for (let n = 2; ; n++) {
    const candidate = `${desired}_${n}`;
    if (!taken.has(candidate.toUpperCase())) return candidate;
  }
}

export function place(spec: TemplateSpec, existing: ExistingNames): Placement {
  const takenSheets = new Set(existing.sheets.map((s) => s.toLocaleLowerCase("sv-SE")));
  const takenIds = new Set([...existing.tables, ...existing.names].map((s) => s.toUpperCase()));
  const placement: Placement = { sheets: {}, previous: {}, tables: {}, names: {}, renamed: [] };
  for (const sheet of spec.sheets) {
    const actual = freeSheetName(sheet.name, takenSheets);
    takenSheets.add(actual.toLocaleLowerCase("sv-SE"));
    placement.sheets[sheet.key] = actual;
    if (actual !== sheet.name) {
      placement.renamed.push({ kind: "sheet", requested: sheet.name, actual });
      // The sheet that already has the name is an earlier one of the same template: cells may refer to it.
      const earlier = existing.sheets.find(
        (s) => s.toLocaleLowerCase("sv-SE") === sheet.name.toLocaleLowerCase("sv-SE"),
      );
      if (earlier) placement.previous[`${sheet.key}_previous`] = earlier;
    }
  }
  const claim = (kind: "table" | "name", requested: string, into: Record<string, string>) => {
    const actual = freeIdentifier(requested, takenIds);
    takenIds.add(actual.toUpperCase());
    into[requested] = actual;
    if (actual !== requested) placement.renamed.push({ kind, requested, actual });
  };
  for (const sheet of spec.sheets)
    for (const table of sheet.tables) claim("table", table.name, placement.tables);
  for (const name of spec.names) claim("name", name.name, placement.names);
  return placement;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The names a template's formulas may refer to: its own sheets and earlier sheets of the same template. */
export function referableSheets(placement: Placement): Record<string, string> {
  return { ...placement.sheets, ...placement.previous };
}

/** Puts the real, quoted sheet names into `{{key}}!` references. */
export function resolveReferences(text: string, sheets: Record<string, string>): string {
  return text.replace(/\{\{([A-Za-z0-9_]+)\}\}/g, (_, key: string) => {
    const name = sheets[key];
    if (name === undefined) throw new Error(`unknown sheet key {{${key}}}`);
    return quoteSheetName(name);
  });
}

/** The cell contents as `range.formulas` takes them: formulas as text, constants as values, "" for empty. */
export function formulaGrid(
  sheet: SheetSpec,
  sheets: Record<string, string>,
): (string | number | boolean)[][] {
  return sheet.cells.map((row) => row.map((cell) => cellContent(cell, sheets)));
}

export function cellContent(
  cell: Cell | undefined,
  sheets: Record<string, string>,
): string | number | boolean {
  if (!cell) return "";
  if (cell.previous && [...cell.previous.matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g)].every((m) => m[1] in sheets))
    return resolveReferences(cell.previous, sheets);
  if (cell.formula) return resolveReferences(cell.formula, sheets);
  return constant(cell.value ?? null);
}

function constant(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string" && /^[=+\-@]/.test(value)) return `'${value}`; // text, never a formula
  return value;
}

/** Number formats as `range.numberFormat` takes them. */
export function formatGrid(sheet: SheetSpec): string[][] {
  return sheet.cells.map((row) => row.map((cell) => cell?.format ?? "General"));
}

/** The used range of a sheet spec, e.g. "A1:H64". */
export function usedRange(sheet: SheetSpec): string {
  const rows = sheet.cells.length;
  const columns = sheet.cells[0]?.length ?? 1;
  return `A1:${columnLetter(columns)}${rows}`;
}
