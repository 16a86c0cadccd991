import { checkSum } from "../../domain/budget";
import { columnKind, normalise } from "../../sheet/vocabulary";
import type { Grid } from "../grid";
import { decimalsOf, type StatementLayout } from "../layout";
import { rowList } from "../structure";
import type { Finding } from "../types";

/**
 * Rule: a five-year overview (`Fem år i sammandrag`, `Nyckeltal`, `Five-year summary`) prints the statements'
 * figures by their names, one column a year, with key figures in between that add nothing (`Folkmängd`,
 * `Soliditet (%)`). The identities between the named figures hold every year: assets are liabilities and
 * provisions plus equity; the year's result is the net costs, the tax revenue and general grants and the net
 * financial items. A figure is called wrong only where the same identity holds in another year of the table
 * (the names were read right); where it holds in none, nothing is said.
 */
export const meta = {
  id: "keyFigures",
  appliesTo: "tables of years with the statements' figures by name (five-year overviews)",
  severity: "error",
  codes: ["sumMismatch"],
  doc: "Assets = liabilities + equity and result = net costs + taxes + net financial items, year by year.",
} as const;

/** A name, its unit in brackets and any per-capita or percentage row told apart. */
function nameOf(text: string): { key: string; amount: boolean } {
  const key = normalise(text)
    .replace(/\s*\((mnkr|mkr|tkr|kr|msek|ksek|%|procent)\)\s*$/, "")
    .replace(/,?\s*(mnkr|mkr|tkr)$/, "")
    .trim();
  const amount = !/\((kr|%|procent)\)\s*$|per invånare|procent|%/.test(normalise(text));
  return { key, amount };
}

interface Identity {
  total: RegExp;
  parts: RegExp[];
  optional?: RegExp[];
}

const IDENTITIES: Identity[] = [
  {
    total: /^(summa |totala )?tillgångar( totalt)?$|^total assets$/,
    parts: [
      /^(summa )?(skulder(,| och) avsättningar|avsättningar och skulder)( totalt)?$|^total liabilities$/,
      /^(summa )?eget kapital( totalt)?$|^total (equity|net assets|net position)$/,
    ],
  },
  {
    total: /^årets resultat$/,
    parts: [
      /^verksamhetens nettokostnader$/,
      /^skatteintäkter (och|samt|\+) generella statsbidrag( och utjämning)?$/,
      /^finansnetto$|^finansiella poster( netto)?$/,
    ],
    optional: [/^jämförelsestörande poster$/],
  },
];

/** The most rows a table of years is read over, and the most tables of a sheet. */
const MAX_ROWS = 200;
const MAX_TABLES = 10;
const MAX_SCAN = 2_000;

/** What a table of key figures showed: its cells, the figures in it and those an identity took in. */
export interface KeyFigureTable {
  range: string;
  figures: number;
  checked: number;
  /** The table as a statement's layout: its header of years, its label column and its rows. */
  layout: StatementLayout;
}

/**
 * The findings, how many identities were judged (a sheet where none was is no table of key figures) and the
 * tables where one was.
 */
export function checkKeyFigures(g: Grid): { findings: Finding[]; judged: number; tables: KeyFigureTable[] } {
  const out: Finding[] = [];
  const read: KeyFigureTable[] = [];
  let judged = 0;
  let tables = 0;
  // An overview sits on a sheet of its own or near a report's top: a ledger's 100 000 rows are not scanned.
  const lastScan = Math.min(g.lastRow, g.firstRow + MAX_SCAN);
  for (let r = g.firstRow; r <= lastScan && tables < MAX_TABLES; r++) {
    const years = yearColumns(g, r);
    if (years.length < 3) continue;
    tables++;
    // The table runs to the next header of years (a koncern's own overview below) or its end.
    const rows = new Map<string, number>();
    let end = r;
    for (let b = r + 1; b <= Math.min(g.lastRow, r + MAX_ROWS); b++) {
      if (yearColumns(g, b).length >= 3) break;
      end = b;
      const label = g.text(b, g.firstColumn);
      if (label === "") continue;
      const { key, amount } = nameOf(label);
      if (amount && !rows.has(key)) rows.set(key, b);
    }
    const taken = new Set<number>();
    for (const id of IDENTITIES) {
      const find = (re: RegExp) => [...rows].find(([key]) => re.test(key))?.[1];
      const total = find(id.total);
      const parts = id.parts.map(find);
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      const all = [...(parts as number[]), ...(id.optional ?? []).map(find).filter((p) => p !== undefined)];
      const found = judge(g, total, all as number[], years);
      if (found) {
        judged++;
        out.push(...found);
        for (const row of [total, ...(all as number[])]) taken.add(row);
      }
    }
    if (taken.size > 0) {
      let figures = 0;
      let checked = 0;
      for (let b = r + 1; b <= end; b++)
        for (const { column } of years)
          if (g.number(b, column) !== null) {
            figures++;
            if (taken.has(b)) checked++;
          }
      const last = years[years.length - 1].column;
      const layout: StatementLayout = {
        headerRow: r,
        labelFrom: g.firstColumn,
        labelTo: g.firstColumn,
        periods: years.map(({ column, name }) => ({ column, kind: "year" as const, name })),
        total: null,
        deviations: [],
        firstRow: r + 1,
        lastRow: end,
        unit: null,
        step: 1,
        steps: new Map(),
        anchors: null,
      };
      read.push({
        range: `${g.address(r, g.firstColumn)}:${g.address(end, last)}`,
        figures,
        checked,
        layout,
      });
    }
    r = end;
  }
  return { findings: out, judged, tables: read };
}

/** The columns of a row naming bare years (three or more make a table of years). */
function yearColumns(g: Grid, r: number): { column: number; name: string }[] {
  const out: { column: number; name: string }[] = [];
  for (let c = g.firstColumn + 1; c < g.firstColumn + g.columns; c++)
    if (columnKind(g.at(r, c)) === "year") out.push({ column: c, name: String(g.at(r, c)).trim() });
  return out;
}

/** The wrong years of one identity, or null where it holds in no year (not understood). */
function judge(
  g: Grid,
  total: number,
  parts: number[],
  years: { column: number; name: string }[],
): Finding[] | null {
  const checks = years.flatMap(({ column, name }) => {
    const printed = g.number(total, column);
    const values = parts.map((p) => g.number(p, column));
    if (printed === null || values.some((v) => v === null)) return [];
    let decimals = decimalsOf(g, total, column) ?? 0;
    for (const p of parts) decimals = Math.max(decimals, decimalsOf(g, p, column) ?? 0);
    return [{ column, name, printed, check: checkSum(values as number[], printed, 10 ** -decimals) }];
  });
  // Understood only where the identity holds in another year, with figures that are not all nil.
  if (!checks.some((c) => c.check.ok && c.printed !== 0)) return null;
  return checks
    .filter((c) => !c.check.ok)
    .map((c) => ({
      sheet: g.sheet.name,
      cell: g.address(total, c.column),
      severity: "error" as const,
      code: "sumMismatch" as const,
      params: {
        label: g.text(total, g.firstColumn),
        column: c.name,
        printed: c.printed,
        sum: c.check.sum,
        difference: c.check.difference,
        allowed: c.check.allowed,
        rows: rowList(parts),
      },
    }));
}
