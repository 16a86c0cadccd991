import type { SheetData } from "../sheet/sheetData";
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
export type ImportProblem = SieProblem | OutcomeProblem | { kind: FillProblem };

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
  if (!target) return { ok: false, problem: { kind: "noOutcomeSheet" } };
  const planned = planOutcomeFill(target, mapped, {
    fileName,
    companyName: read.file.companyName,
    orgNumber: read.file.orgNumber,
    outcome: read.outcome,
  });
  if (!planned.ok) return { ok: false, problem: { kind: planned.problem } };
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
