import { largestRemainderSplit } from "../domain/rounding";
import type { SheetData } from "../sheet/sheetData";
import { ANCHOR_COLUMN, anchorRole, columnKind, normalise, rowRole, unitIn } from "../sheet/vocabulary";
import { Grid } from "../checks/grid";
import type { MapRange } from "./accountMap";
import { encodeCp437 } from "./cp437";
import { fromOre } from "./parse";

/**
 * The adopted budget back into the ledger (*budgetinläsning*): one budget year of a Budget sheet as a SIE file
 * the accounting system imports. Each budget line goes to its account where the account map gives the row
 * exactly one account (a range from = to); a line with no account, or a range of many, is not placed and is
 * said. The year is spread over its months by a profile (twelve weights; evenly by default) with
 * largest-remainder rounding to whole kronor, so the months add up to the line exactly.
 *
 * Records written (SIE 4B, type 2): #FLAGGA, #PROGRAM, #FORMAT PC8, #GEN, #SIETYP 2, #FNAMN, #ORGNR (when
 * known), #RAR 0, #KONTO, and #PBUDGET per account and month with an empty object list. SIE 4B has no
 * yearly #BUDGET record; the year is the months' sum. No #KSUMMA: its CRC is optional, and one written wrong
 * is worse than none. Text in CP437, lines ending CRLF.
 */
export interface BudgetLine {
  row: string;
  /** In the sheet's unit, budget sign (income positive, costs negative). */
  amount: number;
}

export function readBudgetYear(
  sheets: readonly SheetData[],
  year: number,
): { sheet: string; unit: "tkr" | "kr"; lines: BudgetLine[] } | null {
  for (const sheet of sheets) {
    const g = new Grid(sheet);
    for (let r = g.firstRow; r <= Math.min(g.lastRow, g.firstRow + 40); r++) {
      let column = -1;
      for (let c = g.firstColumn; c < g.firstColumn + g.columns && c < ANCHOR_COLUMN; c++) {
        const v = g.at(r, c);
        if (
          (typeof v === "number" && v === year) ||
          (typeof v === "string" && normalise(v) === `budget ${year}`)
        )
          column = c;
      }
      if (column < 0 || !(columnKind(g.at(r, column)) === "year" || columnKind(g.at(r, column)) === "budget"))
        continue;
      let unit: "tkr" | "kr" = "tkr";
      for (let i = g.firstRow; i < r; i++) {
        const u = unitIn(g.text(i, g.firstColumn));
        if (u === "kr" || u === "tkr") unit = u;
      }
      const lines: BudgetLine[] = [];
      for (let i = r + 1; i <= g.lastRow; i++) {
        const label = g.label(i);
        if (!label) continue;
        const role = anchorRole(g.at(i, ANCHOR_COLUMN)) ?? rowRole(label);
        if (role === "result" || role === "equityStart" || role === "equityEnd") break;
        if (role) continue; // sums, sections, headings
        const amount = g.number(i, column);
        if (amount === null) continue;
        lines.push({ row: label, amount });
      }
      if (lines.length > 0) return { sheet: sheet.name, unit, lines };
    }
  }
  return null;
}

export interface BudgetSieResult {
  bytes: Uint8Array;
  text: string;
  placed: { row: string; account: string; ore: number }[];
  unplaced: { row: string; reason: "noAccount" | "severalAccounts" }[];
}

export function budgetToSie(request: {
  companyName: string;
  orgNumber?: string;
  year: number;
  unit: "tkr" | "kr";
  lines: readonly BudgetLine[];
  map: readonly MapRange[];
  /** Twelve non-negative weights, one a month; evenly when absent. */
  profile?: readonly number[];
  generated?: Date;
  program?: string;
}): BudgetSieResult {
  const profile = request.profile ?? Array.from({ length: 12 }, () => 1);
  const placed: BudgetSieResult["placed"] = [];
  const unplaced: BudgetSieResult["unplaced"] = [];
  const byRow = new Map<string, MapRange[]>();
  for (const r of request.map) {
    if (!r.from) continue;
    const key = normalise(r.row);
    byRow.set(key, [...(byRow.get(key) ?? []), r]);
  }
  const perAccount = new Map<string, number>();
  for (const line of request.lines) {
    const ranges = byRow.get(normalise(line.row)) ?? [];
    if (ranges.length === 0) {
      if (line.amount !== 0) unplaced.push({ row: line.row, reason: "noAccount" });
      continue;
    }
    if (ranges.length > 1 || ranges[0].from !== ranges[0].to) {
      if (line.amount !== 0) unplaced.push({ row: line.row, reason: "severalAccounts" });
      continue;
    }
    const account = ranges[0].from;
    const ore = Math.round(line.amount * (request.unit === "tkr" ? 100_000 : 100));
    // The ledger's sign: costs debit (positive), income credit (negative).
    const sie = -ore + 0;
    perAccount.set(account, (perAccount.get(account) ?? 0) + sie);
    placed.push({ row: line.row, account, ore: sie });
  }
  const date = request.generated ?? new Date();
  const ymd = (d: Date) =>
    `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
  const quote = (t: string) => `"${t.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const lines = [
    "#FLAGGA 0",
    `#PROGRAM ${quote(request.program ?? "finsam-excel")} 0.1`,
    "#FORMAT PC8",
    `#GEN ${ymd(date)}`,
    "#SIETYP 2",
    `#FNAMN ${quote(request.companyName)}`,
    ...(request.orgNumber ? [`#ORGNR ${request.orgNumber}`] : []),
    `#RAR 0 ${request.year}0101 ${request.year}1231`,
  ];
  const accounts = [...perAccount.keys()].sort();
  const names = new Map(placed.map((p) => [p.account, p.row]));
  for (const a of accounts) lines.push(`#KONTO ${a} ${quote(names.get(a)!.trim())}`);
  for (const a of accounts) {
    const total = perAccount.get(a)!;
    // Whole kronor per month, adding up to the year's öre rounded to kronor.
    const months =
      total === 0 ? profile.map(() => 0) : largestRemainderSplit(Math.round(total / 100), profile, 0);
    months.forEach((kr, i) => {
      if (kr !== 0)
        lines.push(
          `#PBUDGET 0 ${request.year}${String(i + 1).padStart(2, "0")} ${a} {} ${fromOre(kr * 100)}`,
        );
    });
  }
  const text = lines.join("\r\n") + "\r\n";
  return { bytes: encodeCp437(text).bytes, text, placed, unplaced };
}
