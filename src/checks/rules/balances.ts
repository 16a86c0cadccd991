import { checkSum } from "../../domain/budget";
import type { Grid } from "../grid";
import { headerYear, normalise } from "../../sheet/vocabulary";
import { rowText, stepAt, type StatementLayout } from "../layout";
import type { Finding } from "../types";

/**
 * Rule: a balance carried through the period. A line that names a balance at the end of the year or period
 * (`Räntebärande nettoskuld vid årets slut`, `Utgående balans`, `… at end of year`) under a line naming the
 * same balance at its start is the start plus the lines between (`Ökning/minskning av …`). An error only where
 * the table shows it understood that reading: the balance adds up that way in another column of the same row.
 * A balance with a total by words between its start and end (a section, not a list of changes), or with no
 * line between, is another structure and left to the rules that know it (the liquid funds of a cash-flow
 * statement, equity in a budget).
 */
export const meta = {
  id: "balances",
  appliesTo: "statements",
  severity: "error (balanceStart: warning)",
  codes: ["balanceCarried", "balanceStart"],
  doc: "A balance at the end of a period against its start and the changes printed between them.",
} as const;

const START = [
  /^(.+?),? (vid |per )?(årets|periodens|året|perioden) (början|ingång)$/,
  /^ingående (.+)$/,
  /^(.+?),? (at )?(the )?(beginning|start) of (the )?(year|period)$/,
];
const END = [
  /^(.+?),? (vid |per )?(årets|periodens|året|perioden) (slut|utgång)$/,
  /^utgående (.+)$/,
  /^(.+?),? (at )?(the )?end of (the )?(year|period)$/,
];

/** A balance of cash: counted at the turn of the year, not restated. */
const CASH = /likvid|kassa och bank|^kassa\b|cash( and cash equivalents)?\b/;

/** Every pattern above has one of these words: one test for the many lines that have none. */
const ANY = /början|ingång|slut|utgång|ingående|utgående|beginning|start of|end of/;

/** The balance a label names and whether at the start or the end, or null. */
function balanceOf(key: string): { stem: string; end: boolean } | null {
  if (!ANY.test(key)) return null;
  for (const [list, end] of [
    [START, false],
    [END, true],
  ] as const)
    for (const pattern of list) {
      const m = pattern.exec(key);
      if (m) return { stem: m[1].replace(/[\s,.:]+$/, ""), end };
    }
  return null;
}

/** Balances the other rules check on their own. */
const ELSEWHERE = /^(likvida medel|eget kapital|cash|equity)\b/;

export function carriedBalances(g: Grid, layout: StatementLayout): Finding[] {
  const out: Finding[] = [];
  const text = (r: number) => rowText(g, r, layout.labelFrom, layout.labelTo);
  const columns = [...layout.periods, ...(layout.total ? [layout.total] : [])];
  const hasFigure = (r: number) => columns.some(({ column }) => g.number(r, column) !== null);
  // Each start, by its stem, until its end is met (a statement has a handful: a map, not a search per row).
  const starts = new Map<string, number>();
  for (let r = layout.firstRow; r <= layout.lastRow; r++) {
    const key = text(r).key;
    if (key === "") continue;
    const balance = balanceOf(key);
    if (balance && !hasFigure(r)) continue;
    if (!balance) continue;
    if (!balance.end) {
      starts.set(balance.stem, r);
      continue;
    }
    const start = starts.get(balance.stem);
    if (start === undefined) continue;
    starts.delete(balance.stem);
    out.push(...carriedOver(g, layout, start, r));
    const lines: number[] = [];
    let understood = true;
    for (let l = start + 1; l < r; l++) {
      if (!hasFigure(l)) continue;
      const role = text(l).role;
      if (role === "sum" || role === "result") understood = false;
      lines.push(l);
    }
    if (!understood || lines.length === 0 || ELSEWHERE.test(balance.stem)) continue;
    const checks = columns.map(({ column, name }) => {
      const printed = g.number(r, column);
      if (printed === null || g.number(start, column) === null) return null;
      const parts = [start, ...lines].map((p) => g.number(p, column) ?? 0);
      return { column, name, printed, check: checkSum(parts, printed, stepAt(g, layout, r, column)) };
    });
    // The reading holds in some column: where it fails in another, the figure is wrong.
    if (!checks.some((c) => c?.check.ok)) continue;
    for (const c of checks)
      if (c && !c.check.ok)
        out.push({
          sheet: g.sheet.name,
          cell: g.address(r, c.column),
          severity: "error",
          code: "balanceCarried",
          params: {
            label: text(r).label,
            column: c.name,
            printed: c.printed,
            expected: c.check.sum,
            start: text(start).label,
          },
        });
  }
  return out;
}

/**
 * A year starts where the year before ended: the start in one year's column against the end in the previous
 * year's column of the same group (the n-th column naming that year), where another pair of years in the table
 * holds; said on the later year's start. A warning: an opening balance restated (a changed principle, a
 * correction; Ängelholm's koncern starts 2021 at 336,1 after ending 2020 at 335,9) is a reading the author
 * defends. Not so cash (`Likvida medel`, `Nettolikviditet`, `Cash and cash equivalents`): what the bank holds
 * at the turn of the year is counted, never re-estimated, so there it is an error.
 */
function carriedOver(g: Grid, layout: StatementLayout, start: number, end: number): Finding[] {
  const byYear = new Map<number, { column: number; name: string }[]>();
  for (const p of layout.periods) {
    const year = headerYear(p.name);
    if (year === null) continue;
    const list = byYear.get(year) ?? [];
    list.push(p);
    byYear.set(year, list);
  }
  const pairs: { column: number; name: string; printed: number; expected: number; ok: boolean }[] = [];
  for (const [year, columns] of byYear)
    columns.forEach((p, group) => {
      const before = byYear.get(year - 1)?.[group];
      const printed = g.number(start, p.column);
      const expected = before ? g.number(end, before.column) : null;
      if (printed === null || expected === null) return;
      const ok = checkSum([expected], printed, stepAt(g, layout, start, p.column)).ok;
      pairs.push({ column: p.column, name: p.name, printed, expected, ok });
    });
  if (!pairs.some((p) => p.ok)) return [];
  const label = rowText(g, start, layout.labelFrom, layout.labelTo).label;
  const endLabel = rowText(g, end, layout.labelFrom, layout.labelTo).label;
  return pairs
    .filter((p) => !p.ok)
    .map((p) => ({
      sheet: g.sheet.name,
      cell: g.address(start, p.column),
      severity: CASH.test(normalise(label)) ? ("error" as const) : ("warning" as const),
      code: "balanceStart" as const,
      params: { label, column: p.name, printed: p.printed, expected: p.expected, end: endLabel },
    }));
}
