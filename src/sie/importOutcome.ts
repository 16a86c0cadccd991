import type { SheetData } from "../sheet/sheetData";
import type { TemplateSpec } from "../templates/spec";
import {
  DEFAULT_ACCOUNT_MAP,
  mapOutcome,
  readAccountMap,
  type MapProblem,
  type MapRange,
  type MappedOutcome,
} from "./accountMap";
import { findOutcomeHeader, planOutcomeFill, type FillPlan, type FillProblem } from "./fill";
import { periodOutcome, type OutcomeProblem, type PeriodOutcome } from "./outcome";
import { parseSie, type SieFile, type SieProblem } from "./parse";

/**
 * One import, the same for the pane, the command line and the tests: a SIE file's bytes and the workbook's
 * sheets in, the cells to write on Utfall mot budget and what to tell the user out. The account map is the
 * workbook's Kontoplan sheet where there is one, else the default (and the user is told so).
 */
export type ImportProblem = SieProblem | OutcomeProblem | { code: FillProblem };

export interface ReadOutcome {
  file: SieFile;
  outcome: PeriodOutcome;
  previous: PeriodOutcome | null;
}

/** Reads the file and the period's outcome (and the same months of the year before, where the file has them). */
export function readOutcome(
  bytes: Uint8Array,
  months?: number,
): { ok: true; read: ReadOutcome } | { ok: false; problem: ImportProblem } {
  const parsed = parseSie(bytes);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const current = periodOutcome(parsed.file, { months });
  if (!current.ok) return { ok: false, problem: current.problem };
  const before = parsed.file.years.has(-1) ? periodOutcome(parsed.file, { yearNumber: -1, months }) : null;
  return {
    ok: true,
    read: { file: parsed.file, outcome: current.outcome, previous: before?.ok ? before.outcome : null },
  };
}

/** The account map of the workbook (the first sheet with a Kontoplan header), or the default. */
export function accountMapOf(sheets: readonly SheetData[]): {
  map: readonly MapRange[];
  sheet: string | null;
  problems: MapProblem[];
} {
  for (const sheet of sheets) {
    const found = readAccountMap(sheet);
    if (found) return { map: found.map, sheet: sheet.name, problems: found.problems };
  }
  return { map: DEFAULT_ACCOUNT_MAP, sheet: null, problems: [] };
}

export interface ImportPlan {
  sheet: string;
  plan: FillPlan;
  mapped: MappedOutcome;
  mapSheet: string | null;
  mapProblems: MapProblem[];
}

export function planImport(
  read: ReadOutcome,
  fileName: string,
  sheets: readonly SheetData[],
  map?: readonly MapRange[],
): { ok: true; plan: ImportPlan } | { ok: false; problem: ImportProblem } {
  const found = map ? { map, sheet: null, problems: [] } : accountMapOf(sheets);
  const mapped = mapOutcome(read.outcome.accounts, read.file, found.map);
  const target = sheets.find((s) => findOutcomeHeader(s) !== null);
  if (!target) return { ok: false, problem: { code: "noOutcomeSheet" } };
  const planned = planOutcomeFill(target, mapped, {
    fileName,
    companyName: read.file.companyName,
    orgNumber: read.file.orgNumber,
    outcome: read.outcome,
  });
  if (!planned.ok) return { ok: false, problem: { code: planned.problem } };
  return {
    ok: true,
    plan: {
      sheet: target.name,
      plan: planned.plan,
      mapped,
      mapSheet: found.sheet,
      mapProblems: found.problems,
    },
  };
}

/** A template's sheet as a reader gives it back: constants as values, a formula as 0 with its text beside. */
export function specSheetData(spec: TemplateSpec, key: string): SheetData {
  const sheet = spec.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  const values = sheet.cells.map((row) => row.map((c) => (c?.formula ? 0 : (c?.value ?? ""))));
  const formulas = sheet.cells.map((row) => row.map((c) => c?.formula ?? null));
  return { name: sheet.name, values, formulas };
}

/** Writes a plan's cells into a template before it is rendered (the command line's export). */
export function applyToSpec(spec: TemplateSpec, key: string, plan: FillPlan): TemplateSpec {
  const sheets = spec.sheets.map((s) => {
    if (s.key !== key) return s;
    const cells = s.cells.map((row) => [...row]);
    const put = (r: number, c: number, cell: NonNullable<(typeof cells)[number][number]>) => {
      while (cells.length < r) cells.push([]);
      const row = cells[r - 1];
      while (row.length < c) row.push(undefined);
      row[c - 1] = cell;
    };
    for (const { row, column, value } of plan.cells)
      put(row, column, { ...(cells[row - 1]?.[column - 1] ?? {}), value, formula: undefined });
    plan.block.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const f = plan.block.formulas[i][j];
        if (v === "" && !f) return;
        put(
          plan.block.row + i,
          plan.block.column + j,
          f ? { formula: f, style: "check" } : { value: v, style: i === 0 ? "section" : "label" },
        );
      }),
    );
    const width = Math.max(...cells.map((r) => r.length));
    const square = cells.map((r) => [...r, ...Array.from({ length: width - r.length }, () => undefined)]);
    return {
      ...s,
      cells: square,
      columnWidths: [
        ...s.columnWidths,
        ...Array.from({ length: Math.max(0, 14 - s.columnWidths.length) }, () => 12),
      ],
    };
  });
  return { ...spec, sheets };
}
