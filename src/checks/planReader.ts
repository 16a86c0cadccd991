import {
  anchorRole,
  FEES_LABELS,
  isRegionLabel,
  isStateLabel,
  normalise,
  rowRole,
} from "../sheet/vocabulary";
import { serialToIsoDate } from "../sheet/excelDate";
import type { SheetData } from "../sheet/sheetData";
import { Grid } from "./grid";
import { roleAt, rowLabel, type StatementLayout } from "./layout";
import { readSheet } from "./sheets";

/**
 * What the next budget round reads from this year's workbook: the plan on a Budget sheet (found by its
 * anchors, or a budget the check recognises by its words and years), the fee key beside it, and the interim
 * report's forecast. Only reading: nothing here writes, and nothing here knows the template it feeds.
 */
export interface PlanLine {
  label: string;
  /** One amount per year of the plan (tkr as on the sheet); null where the cell is blank. */
  amounts: (number | null)[];
}

export interface ReadPlan {
  sheet: string;
  /** The association's name as the sheet's second row gives it, when it does. */
  association: string | null;
  years: number[];
  state: PlanLine | null;
  /** In the sheet's order; `share` from the share column or a label such as "82,9 % av arb-bef.". */
  municipalities: (PlanLine & { name: string; share: number | null })[];
  region: PlanLine | null;
  otherIncome: PlanLine[];
  costGroups: { name: string; lines: PlanLine[] }[];
  equityStart: (number | null)[];
  equityEnd: (number | null)[];
}

export type PlanProblem = "noBudget" | "noYears" | "noMembers" | "noCosts";

const YEAR_IN = /(?:19|20)\d{2}/;

/** The latest plan in the workbook (by its first year), or why there is none. */
export function readPlan(sheets: readonly SheetData[]): { plan: ReadPlan } | { problem: PlanProblem } {
  let best: ReadPlan | null = null;
  let problem: PlanProblem = "noBudget";
  for (const sheet of sheets) {
    const reading = readSheet(sheet);
    if (reading.kind !== "budget" || !reading.layout) continue;
    const found = readPlanSheet(new Grid(sheet), reading.layout);
    if ("problem" in found) {
      problem = found.problem;
      continue;
    }
    if (!best || found.plan.years[0] > best.years[0]) best = found.plan;
  }
  return best ? { plan: best } : { problem };
}

/** The year columns of a plan: headers that are years (a number, or text that is only a year). */
function yearColumns(g: Grid, layout: StatementLayout): { column: number; year: number }[] {
  return layout.periods
    .filter((p) => p.kind === "year")
    .map((p) => ({ column: p.column, year: Number(YEAR_IN.exec(p.name)?.[0]) }))
    .filter((y) => Number.isInteger(y.year));
}

function readPlanSheet(g: Grid, layout: StatementLayout): { plan: ReadPlan } | { problem: PlanProblem } {
  const columns = yearColumns(g, layout);
  const consecutive = columns.every((c, i) => i === 0 || c.year === columns[i - 1].year + 1);
  if (columns.length < 2 || !consecutive) return { problem: "noYears" };
  const shareColumn = shareColumnOf(g, layout);
  const plan: ReadPlan = {
    sheet: g.sheet.name,
    association: associationOf(g, layout),
    years: columns.map((c) => c.year),
    state: null,
    municipalities: [],
    region: null,
    otherIncome: [],
    costGroups: [],
    equityStart: [],
    equityEnd: [],
  };
  const amounts = (r: number) => columns.map((c) => g.number(r, c.column));
  let section: "income" | "cost" | null = null;
  let group: { name: string; lines: PlanLine[] } | null = null;
  let done = false;
  for (let r = layout.firstRow; r <= g.lastRow && !done; r++) {
    // A printed list's dash ("- Umeå kommun") is not part of the line's name.
    const label = rowLabel(g, r, layout.labelFrom, layout.labelTo).replace(/^[-\u2013\u2022*]\s+/, "");
    const role = r <= layout.lastRow ? roleAt(layout, r, label) : (anchorAt(g, r) ?? rowRole(label));
    const numbers = amounts(r);
    const has = numbers.some((v) => v !== null);
    if (role === "incomeSection") section = "income";
    else if (role === "costSection") section = "cost";
    else if (role === "equityStart") plan.equityStart = numbers;
    else if (role === "equityEnd") {
      plan.equityEnd = numbers;
      done = true;
    } else if (role === "result") section = null;
    else if (role === "heading" || (section === "cost" && !has && label !== "")) {
      if (section === "cost") plan.costGroups.push((group = { name: label, lines: [] }));
    } else if (role === "sum") {
      if (section === "income") section = null;
      else if (group && group.lines.length > 0) group = null;
      else if (section === "cost") section = null;
    } else if (has && label !== "" && section === "income")
      incomeLine(plan, { label, amounts: numbers }, g, r, shareColumn);
    else if (has && label !== "" && section === "cost") {
      if (!group) plan.costGroups.push((group = { name: "Kostnader", lines: [] }));
      group.lines.push({ label: label.trim(), amounts: numbers });
    }
  }
  plan.costGroups = plan.costGroups.filter((c) => c.lines.length > 0);
  if (!plan.state || !plan.region || plan.municipalities.length === 0) return { problem: "noMembers" };
  if (plan.costGroups.length === 0) return { problem: "noCosts" };
  return { plan };
}

/** The state, a municipality (between the state and the region, or named a kommun), the region, or other. */
function incomeLine(plan: ReadPlan, line: PlanLine, g: Grid, r: number, shareColumn: number | null): void {
  if (!plan.state && isStateLabel(line.label)) plan.state = line;
  else if (!plan.region && isRegionLabel(line.label)) plan.region = line;
  else if ((plan.state && !plan.region) || /kommun/i.test(line.label)) {
    const name = line.label.split(",")[0].trim();
    const printed = /(\d+(?:[,.]\d+)?)\s*%/.exec(line.label);
    const fromColumn = shareColumn === null ? null : g.number(r, shareColumn);
    const share = fromColumn ?? (printed ? Number(printed[1].replace(",", ".")) / 100 : null);
    plan.municipalities.push({ ...line, name, share });
  } else plan.otherIncome.push(line);
}

/** The header's share column ("Andel arb-bef."), if any: its values are the fee key of the plan. */
function shareColumnOf(g: Grid, layout: StatementLayout): number | null {
  for (let c = layout.labelFrom; c <= layout.labelTo + 1; c++)
    if (/^andel/.test(normalise(g.text(layout.headerRow, c)))) return c;
  return null;
}

/** The text of the second row when the first is the title: how the templates name the association. */
function associationOf(g: Grid, layout: StatementLayout): string | null {
  const title = g.text(g.firstRow, g.firstColumn);
  const second = g.text(g.firstRow + 1, g.firstColumn);
  return /^budget/i.test(title) && second !== "" && g.firstRow + 1 < layout.headerRow ? second : null;
}

function anchorAt(g: Grid, r: number) {
  for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
    const role = anchorRole(g.at(r, c));
    if (role) return role;
  }
  return null;
}

/** The first number right of a row's label (the interim report's cell contract). */
function numberAfterLabel(g: Grid, r: number): number | null {
  let seenLabel = false;
  for (let c = g.firstColumn; c < g.firstColumn + g.columns; c++) {
    if (anchorRole(g.at(r, c))) continue;
    const n = g.number(r, c);
    if (!seenLabel) {
      if (n === null && !g.blank(r, c)) seenLabel = true;
      continue;
    }
    if (n !== null) return n;
  }
  return null;
}

export interface Forecast {
  sheet: string;
  year: number;
  /** Equity at the end of the year by the full-year forecast (tkr as on the sheet). */
  equity: number;
}

/** Every interim report's forecast: rows anchored `finsam:forecastYear` and `finsam:forecastEquity`. */
export function readForecasts(sheets: readonly SheetData[]): Forecast[] {
  const found: Forecast[] = [];
  for (const sheet of sheets) {
    const g = new Grid(sheet);
    let year: number | null = null;
    let equity: number | null = null;
    for (let r = g.firstRow; r <= g.lastRow; r++) {
      const role = anchorAt(g, r);
      if (role === "forecastYear") year = numberAfterLabel(g, r);
      if (role === "forecastEquity") equity = numberAfterLabel(g, r);
    }
    if (year !== null && Number.isInteger(year) && equity !== null)
      found.push({ sheet: sheet.name, year, equity });
  }
  return found;
}

export interface FeeKey {
  sheet: string;
  /** The budget year of the fee sheet, and the population's reference date (ISO), when the sheet gives them. */
  budgetYear: number | null;
  referenceDate: string | null;
  members: { name: string; population: number }[];
}

/** The fee key of an Avgiftsfördelning sheet: its members and populations, the latest budget year first. */
export function readFeeKey(sheets: readonly SheetData[]): FeeKey | null {
  let best: FeeKey | null = null;
  for (const sheet of sheets) {
    if (readSheet(sheet).kind !== "fees") continue;
    const g = new Grid(sheet);
    const header = g.findHeader([FEES_LABELS.municipality, FEES_LABELS.population]);
    if (!header) continue;
    const [nameCol, popCol] = header.columns;
    const members: FeeKey["members"] = [];
    for (let r = header.row + 1; r <= g.lastRow; r++) {
      const name = g.text(r, nameCol);
      const population = g.number(r, popCol);
      if (name === "" || population === null) break;
      members.push({ name, population });
    }
    const valueOf = (text: string) => {
      const row = g.rowsLabelled(text)[0];
      return row === undefined ? null : g.at(row, g.firstColumn + 1);
    };
    const year = valueOf(FEES_LABELS.budgetYear);
    const date = valueOf(FEES_LABELS.referenceDate);
    const key: FeeKey = {
      sheet: sheet.name,
      budgetYear: typeof year === "number" ? year : null,
      referenceDate:
        typeof date === "number" ? serialToIsoDate(date) : typeof date === "string" && date ? date : null,
      members,
    };
    if (members.length > 0 && (!best || (key.budgetYear ?? 0) > (best.budgetYear ?? 0))) best = key;
  }
  return best;
}
