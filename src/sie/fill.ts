import { addr } from "../sheet/a1";
import type { SheetData } from "../sheet/sheetData";
import { ANCHOR_COLUMN, anchorRole, LABELS, normalise, rowRole, unitIn } from "../sheet/vocabulary";
import type { MappedOutcome, MappedRow } from "./accountMap";
import { roundToTotal } from "./accountMap";
import type { PeriodOutcome } from "./outcome";

/**
 * Where an imported outcome goes on an Utfall mot budget sheet, as cells to write. The sheet is read as a person
 * reads it: the header row with Utfall and Budget, the label in the first column, sections (Intäkter,
 * Kostnader), group headings and their sums. Each line whose label is a row of the account map gets its amount;
 * each printed sum the sum of what it adds (a group's lines, all income, all costs, the result); a cell holding
 * a formula is never written. Amounts are in the sheet's unit (tkr unless the sheet says kr), rounded so that
 * the lines add up to the rounded total (largest remainder).
 *
 * Beside the statement, from column L, a block says where the figures came from and reconciles them with the
 * file's result to the krona (a check cell), and lists the accounts no row holds. The block is written only
 * where the sheet is empty or holds an earlier import's block.
 */
export const STATUS_TITLE = "Inläst från bokföringen (SIE)";
export const STATUS_COLUMN = 12; // L
const MAX_LISTED = 200;

export interface FillCell {
  row: number;
  column: number;
  value: number;
}

export interface FillPlan {
  unit: "tkr" | "kr";
  cells: FillCell[];
  block: { row: number; column: number; values: (string | number)[][]; formulas: (string | null)[][] };
  /** Rows of the map with an amount that the sheet has no line for. */
  unplaced: MappedRow[];
  /** Lines on the sheet no map row names: written as nil, and said. */
  untouched: string[];
}

export type FillProblem = "noOutcomeSheet" | "blockTaken";

/** What the import writes on a sheet: the outcome cells and the status block. */
export interface OutcomeWrite {
  sheet: string;
  cells: FillCell[];
  block: FillPlan["block"];
}

interface Source {
  fileName: string;
  companyName: string;
  orgNumber: string;
  outcome: PeriodOutcome;
}

const cellAt = (sheet: SheetData, grid: unknown[][] | undefined, row: number, column: number) => {
  const top = sheet.origin?.row ?? 1;
  const left = sheet.origin?.column ?? 1;
  return grid?.[row - top]?.[column - left];
};

/** The header row of an outcome statement (Utfall and Budget in the same row), or null. */
export function findOutcomeHeader(
  sheet: SheetData,
): { row: number; outcomeColumn: number; labelColumn: number } | null {
  const top = sheet.origin?.row ?? 1;
  const left = sheet.origin?.column ?? 1;
  for (let r = 0; r < Math.min(sheet.values.length, 60); r++) {
    const line = sheet.values[r] ?? [];
    const at = (label: string) =>
      line.findIndex((v) => typeof v === "string" && normalise(v) === normalise(label));
    const o = at(LABELS.outcome);
    if (o >= 0 && at(LABELS.budget) >= 0) return { row: top + r, outcomeColumn: left + o, labelColumn: left };
  }
  return null;
}

export function planOutcomeFill(
  sheet: SheetData,
  mapped: MappedOutcome,
  source: Source,
): { ok: true; plan: FillPlan } | { ok: false; problem: FillProblem } {
  const header = findOutcomeHeader(sheet);
  if (!header) return { ok: false, problem: "noOutcomeSheet" };
  const top = sheet.origin?.row ?? 1;
  const bottom = top + sheet.values.length - 1;
  const value = (r: number, c: number) => cellAt(sheet, sheet.values, r, c);
  // A formula's cell is never written: by the reader's formulas, or a value that is a formula's text.
  const formula = (r: number, c: number) => {
    const f = cellAt(sheet, sheet.formulas, r, c) ?? value(r, c);
    return typeof f === "string" && f.startsWith("=");
  };
  let unit: "tkr" | "kr" = "tkr";
  for (let r = top; r < header.row; r++)
    for (let c = header.labelColumn; c < header.labelColumn + 6; c++) {
      const v = value(r, c);
      const u = typeof v === "string" ? unitIn(v) : null;
      if (u === "kr" || u === "tkr") unit = u;
    }
  const divisor = unit === "tkr" ? 100_000 : 100;
  const byName = new Map(mapped.rows.map((m) => [normalise(m.row), m]));
  const label = (r: number) => {
    const v = value(r, header.labelColumn);
    return typeof v === "string" ? v.trim() : "";
  };

  // First pass: the lines and what kind each row is.
  type Line = {
    row: number;
    kind: "line" | "sum" | "result" | "section";
    name: string;
    section: "income" | "cost" | "summary" | null;
  };
  const lines: Line[] = [];
  let section: Line["section"] = null;
  for (let r = header.row + 1; r <= bottom; r++) {
    const name = label(r);
    if (!name) continue;
    const anchor = anchorRole(value(r, ANCHOR_COLUMN));
    const role = anchor ?? rowRole(name);
    if (role === "incomeSection" || role === "costSection" || role === "summarySection") {
      section = role === "incomeSection" ? "income" : role === "costSection" ? "cost" : "summary";
      lines.push({ row: r, kind: "section", name, section });
      continue;
    }
    if (role === "equityStart" || role === "equityEnd" || role === "ceiling") break;
    if (role === "result") {
      lines.push({ row: r, kind: "result", name, section });
      break;
    }
    if (role === "sum" || role === "repeat") {
      lines.push({ row: r, kind: "sum", name, section });
      continue;
    }
    const blank = (c: number) => {
      const v = value(r, c);
      return v === "" || v === null || v === undefined;
    };
    // A heading: so anchored, or a label with no figure in the outcome or budget column that no map row names.
    const named = byName.has(normalise(name));
    if (role === "heading" || (!named && blank(header.outcomeColumn) && blank(header.outcomeColumn + 1))) {
      lines.push({ row: r, kind: "section", name, section });
      continue;
    }
    if (section === "summary") continue;
    lines.push({ row: r, kind: "line", name, section });
  }

  // The lines' amounts: the map's rows, rounded together. The import owns the outcome column: a line no map
  // row names gets nil (and is reported), so the sheet's result is the file's, placed part for placed part.
  const placed = lines.filter((l) => l.kind === "line" && !formula(l.row, header.outcomeColumn));
  const used = new Set<string>();
  const amounts = placed.map((l) => {
    const key = normalise(l.name);
    const row = byName.get(key);
    if (!row || used.has(key)) return 0; // the same row name twice: the amount goes to the first
    used.add(key);
    return row.ore;
  });
  const rounded = roundToTotal(amounts, divisor);
  const written = new Map<number, number>(placed.map((l, i) => [l.row, rounded[i]]));
  const untouched = placed.filter((l) => !byName.has(normalise(l.name))).map((l) => l.name);
  const unplaced = mapped.rows.filter((m) => m.ore !== 0 && !used.has(normalise(m.row)));

  const cells: FillCell[] = [...written].map(([row, v]) => ({ row, column: header.outcomeColumn, value: v }));
  // Sums: each adds what came before it in its group, its section, or everything.
  const current = (r: number) => {
    if (written.has(r)) return written.get(r)!;
    const v = value(r, header.outcomeColumn);
    return typeof v === "number" ? v : 0;
  };
  let group: number[] = [];
  const income: number[] = [];
  const costs: number[] = [];
  for (const l of lines) {
    if (l.kind === "section") {
      group = [];
      continue;
    }
    if (l.kind === "line") {
      const v = current(l.row);
      group.push(v);
      (l.section === "cost" ? costs : income).push(v);
      continue;
    }
    const key = normalise(l.name);
    const sum = (list: number[]) => list.reduce((a, v) => a + v, 0);
    let v: number;
    if (l.kind === "result") v = sum(income) + sum(costs);
    else if (key === normalise(LABELS.incomeTotal)) v = sum(income);
    else if (key === normalise(LABELS.costTotal)) v = sum(costs);
    else v = sum(group);
    if (l.kind === "sum") group = [];
    if (!formula(l.row, header.outcomeColumn))
      cells.push({ row: l.row, column: header.outcomeColumn, value: v });
  }

  // The status block beside the statement.
  const start = 1;
  const col = STATUS_COLUMN;
  const existing = value(start, col);
  for (let r = start; r <= bottom; r++)
    for (let c = col; c < col + 3; c++) {
      const v = value(r, c);
      if (v !== "" && v !== null && v !== undefined && existing !== STATUS_TITLE)
        return { ok: false, problem: "blockTaken" };
    }
  const o = source.outcome;
  const kr = (ore: number) => Math.round(ore) / 100;
  const unplacedTotal = unplaced.reduce((a, m) => a + m.ore, 0);
  const values: (string | number)[][] = [
    [STATUS_TITLE, "", ""],
    ["Fil", source.fileName, ""],
    ["Organisation", [source.companyName, source.orgNumber].filter(Boolean).join(", "), ""],
    ["Räkenskapsår", `${iso(o.year.start)}–${iso(o.year.end)}`, ""],
    [
      "Period",
      `${o.from.slice(0, 4)}-${o.from.slice(4)} – ${o.to.slice(0, 4)}-${o.to.slice(4)} (${o.months} mån.)`,
      "",
    ],
    ["Underlag", BASIS_TEXT[o.basis], ""],
    ["Filens resultat (kr)", kr(mapped.result), ""],
    ["På bladets rader (kr)", kr(mapped.mapped - unplacedTotal), ""],
    ["Rader som saknas på bladet (kr)", kr(unplacedTotal), ""],
    ["Ej fördelat (kr)", kr(mapped.unmappedTotal), ""],
    ["Avstämning mot filens resultat", "", ""],
    ["Bladets resultat mot filens", "", ""],
    ["Ej fördelade konton", "Namn", "Belopp (kr)"],
  ];
  const r0 = start;
  const m = (k: number) => addr(r0 + k, col + 1);
  const formulas: (string | null)[][] = values.map(() => [null, null, null]);
  formulas[10][1] = `=IF(ROUND(${m(7)}+${m(8)}+${m(9)}-${m(6)},0)=0,IF(${m(9)}=0,"OK","Ej fördelat: "&TEXT(${m(9)},"0")&" kr"),"Differens "&TEXT(${m(7)}+${m(8)}+${m(9)}-${m(6)},"0")&" kr")`;
  const resultRow = lines.find((l) => l.kind === "result");
  if (resultRow) {
    const printed = addr(resultRow.row, header.outcomeColumn);
    const placedKr = `(${m(7)})`;
    formulas[11][1] =
      unit === "tkr"
        ? `=IF(${printed}=ROUND(${placedKr}/1000,0),"OK","Bladet "&TEXT(${printed},"0")&" tkr, filen "&TEXT(ROUND(${placedKr}/1000,0),"0")&" tkr")`
        : `=IF(${printed}=ROUND(${placedKr},0),"OK","Bladet "&TEXT(${printed},"0")&" kr, filen "&TEXT(ROUND(${placedKr},0),"0")&" kr")`;
  }
  const list = [
    ...mapped.unmapped.map((u) => [u.account, u.name, kr(u.ore)] as (string | number)[]),
    ...unplaced.map((u) => [u.row, "(raden saknas på bladet)", kr(u.ore)] as (string | number)[]),
  ];
  for (const item of list.slice(0, MAX_LISTED)) {
    values.push(item);
    formulas.push([null, null, null]);
  }
  if (list.length > MAX_LISTED) {
    values.push([`… och ${list.length - MAX_LISTED} till`, "", ""]);
    formulas.push([null, null, null]);
  }
  // An earlier, longer list is blanked below the new one.
  for (let r = r0 + values.length; r <= bottom; r++) {
    if (value(r, col) === "" || value(r, col) == null) break;
    values.push(["", "", ""]);
    formulas.push([null, null, null]);
  }
  return {
    ok: true,
    plan: { unit, cells, block: { row: r0, column: col, values, formulas }, unplaced, untouched },
  };
}

const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

export const BASIS_TEXT: Record<PeriodOutcome["basis"], string> = {
  res: "Årets resultatsaldon (#RES)",
  psaldo: "Periodsaldon (#PSALDO)",
  trans: "Verifikationer (#TRANS)",
  pbudget: "Periodbudget (#PBUDGET)",
};
