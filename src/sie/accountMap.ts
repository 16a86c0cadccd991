import { addr } from "../sheet/a1";
import type { SheetData } from "../sheet/sheetData";
import { normalise } from "../sheet/vocabulary";
import type { SieFile } from "./parse";

/**
 * The account map (*Kontoplan*): which accounts make up which row of the Budget / Utfall mot budget sheet, as
 * ranges "from–to → row" the economist edits on a sheet. An account belongs to the narrowest range that holds
 * it (so 6110 → Lokalhyra wins over the class default 6000–7999), ties to the first in the sheet's order; an
 * account no range holds is *ej fördelat* and listed, never dropped.
 *
 * Ranges compare account numbers digit by digit on a common length: 3000–3999 holds 3011 and 30110 alike
 * (the `from` padded with 0, the `to` with 9), so a five-digit municipal chart works with four-digit ranges.
 */
export interface MapRange {
  from: string;
  to: string;
  row: string;
}

/**
 * The default, from Kommun-Bas's classes: 5 personnel costs → the secretariat's staff, 6–7 premises, services
 * and other operating costs → other office and administration. Classes 3 (income), 4 (purchased activities,
 * grants) and 8 (financial items) are left to the economist: Kommun-Bas has no account per member or per
 * funded activity, and a class-wide default would put every member's contribution, or every insats, in one
 * row without a word. Their accounts appear as *ej fördelade* until mapped.
 */
export const DEFAULT_ACCOUNT_MAP: readonly MapRange[] = [
  { from: "5000", to: "5999", row: "Kanslipersonal" },
  { from: "6000", to: "7999", row: "Övrigt kontor och adm." },
];

/** The map's header as the Kontoplan sheet writes it and the reader looks for it. */
export const MAP_HEADER = { from: "Konto från", to: "Konto till", row: "Rad" } as const;
export const MAX_MAP_RANGES = 2000;

function inRange(account: string, r: MapRange): boolean {
  if (!r.from) return false; // a row named without accounts yet
  const n = Math.max(account.length, r.from.length, r.to.length);
  const a = account.padEnd(n, "0");
  return a >= r.from.padEnd(n, "0") && a <= r.to.padEnd(n, "9");
}

/** The row of the narrowest range holding the account (a single account before its class), ties to the first. */
export function rowOfAccount(account: string, map: readonly MapRange[]): string | null {
  let best: string | null = null;
  let bestWidth = Infinity;
  for (const r of map) {
    if (!inRange(account, r)) continue;
    const n = Math.max(account.length, r.from.length, r.to.length);
    const width = Number(r.to.padEnd(n, "9")) - Number(r.from.padEnd(n, "0"));
    if (width < bestWidth) {
      best = r.row;
      bestWidth = width;
    }
  }
  return best;
}

export type MapProblem = { code: "badRange"; cell: string; text: string };

/** Reads the account map from a Kontoplan sheet: the header row, then one range per row until the end. */
export function readAccountMap(sheet: SheetData): { map: MapRange[]; problems: MapProblem[] } | null {
  const values = sheet.values;
  const top = sheet.origin?.row ?? 1;
  const left = sheet.origin?.column ?? 1;
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
  for (let r = 0; r < Math.min(values.length, 50); r++) {
    const row = values[r] ?? [];
    const find = (label: string) => row.findIndex((v) => normalise(text(v)) === normalise(label));
    const [cf, ct, cr] = [find(MAP_HEADER.from), find(MAP_HEADER.to), find(MAP_HEADER.row)];
    if (cf < 0 || ct < 0 || cr < 0) continue;
    const map: MapRange[] = [];
    const problems: MapProblem[] = [];
    for (let i = r + 1; i < values.length && map.length < MAX_MAP_RANGES; i++) {
      const line = values[i] ?? [];
      const from = text(line[cf]);
      const to = text(line[ct]) || from;
      const target = text(line[cr]);
      if (!from && !text(line[ct])) {
        if (target) map.push({ from: "", to: "", row: target }); // a row without accounts yet: it gets nil
        continue;
      }
      if (!/^\d{1,10}$/.test(from) || !/^\d{1,10}$/.test(to) || !target) {
        problems.push({
          code: "badRange",
          cell: address(top + i, left + cf),
          text: `${from}–${to} ${target}`,
        });
        continue;
      }
      map.push({ from, to, row: target });
    }
    return { map, problems };
  }
  return null;
}

function address(row: number, column: number): string {
  return addr(row, column);
}
export interface MappedRow {
  row: string;
  /** In öre, in the budget's convention: income positive, costs negative. */
  ore: number;
  accounts: string[];
}

export interface MappedOutcome {
  rows: MappedRow[];
  unmapped: { account: string; name: string; ore: number }[];
  /** The file's own result for the period (income − costs), öre. */
  result: number;
  mapped: number;
  unmappedTotal: number;
}

/**
 * Places each account's amount in its row, signs turned to the budget's convention (the file's credit income
 * becomes positive, its debit costs negative). Rows come in the map's order; the rows and the unmapped
 * accounts add up to the file's result to the öre, by construction, which the caller shows and checks.
 */
export function mapOutcome(
  accounts: ReadonlyMap<string, number>,
  file: Pick<SieFile, "accounts">,
  map: readonly MapRange[],
): MappedOutcome {
  const rows = new Map<string, MappedRow>();
  for (const r of map)
    if (!rows.has(normalise(r.row))) rows.set(normalise(r.row), { row: r.row, ore: 0, accounts: [] });
  const unmapped: MappedOutcome["unmapped"] = [];
  let result = 0;
  const sorted = [...accounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [account, fileOre] of sorted) {
    const ore = -fileOre + 0;
    result += ore;
    const target = rowOfAccount(account, map);
    if (target === null) {
      unmapped.push({ account, name: file.accounts.get(account)?.name ?? "", ore });
      continue;
    }
    const row = rows.get(normalise(target))!;
    row.ore += ore;
    row.accounts.push(account);
  }
  const unmappedTotal = unmapped.reduce((s, u) => s + u.ore, 0);
  return { rows: [...rows.values()], unmapped, result, mapped: result - unmappedTotal, unmappedTotal };
}

/**
 * Rounds amounts (öre) to whole units of `unit` öre (100 = kr, 100 000 = tkr) so that they add up to their
 * rounded total: each is first rounded down, then the units left over go one each to the largest remainders
 * (ties to the earlier). Exact in integers, for amounts of either sign — `largestRemainderSplit` in the domain
 * splits one total by non-negative weights; here the parts are given and only their rounding is chosen.
 */
export function roundToTotal(values: readonly number[], unit: number): number[] {
  const total = values.reduce((a, v) => a + v, 0);
  const target = Math.round(total / unit);
  const floors = values.map((v) => Math.floor(v / unit));
  const remainders = values.map((v, i) => v - floors[i] * unit);
  let left = target - floors.reduce((a, v) => a + v, 0);
  const order = values.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; k < order.length && left > 0; k++, left--) floors[order[k]] += 1;
  return floors.map((v) => v + 0);
}
