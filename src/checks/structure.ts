import { checkSum } from "../domain/budget";

/**
 * Stage 3 of the check, from arithmetic: what a row adds, read from the figures themselves when neither an
 * anchor nor a formula says it. A row whose figures are the sum of a contiguous run of the lines right above
 * it, in every amount column, is a subtotal whatever its label says (`Verksamhetens nettokostnader`,
 * `Delsumma`, no label at all). A total that does not add up the way its words suggest may still add up
 * another way a person prints tables (a grand total of section totals, a running total carrying an earlier
 * total, a line between two sections): every such reading is tried before a figure is called wrong.
 */
export interface Figures {
  /** The figure a row has in a column, or null where it has none. */
  value(row: number, column: number): number | null;
  columns: readonly number[];
  /** The rounding step of a column's printed figures (1 for whole units). */
  step(column: number, row?: number): number;
}

/** Do `parts` (with their signs) add up to `row` in every column where the row has a figure? */
export function addsUp(
  f: Figures,
  row: number,
  parts: readonly number[],
  signs?: readonly number[],
): boolean {
  let any = false;
  for (const column of f.columns) {
    const total = f.value(row, column);
    if (total === null) continue;
    any = true;
    const values = parts.map((p, i) => (signs?.[i] ?? 1) * (f.value(p, column) ?? 0));
    if (!checkSum(values, total, f.step(column, row)).ok) return false;
  }
  return any;
}

/** Does the reading explain the figure in one column? */
export function addsUpIn(
  f: Figures,
  row: number,
  column: number,
  parts: readonly number[],
  signs?: readonly number[],
): boolean {
  const total = f.value(row, column);
  if (total === null) return true;
  const values = parts.map((p, i) => (signs?.[i] ?? 1) * (f.value(p, column) ?? 0));
  return checkSum(values, total, f.step(column, row)).ok;
}

/**
 * How many lines a reading from arithmetic alone may take together. A run of more lines than this "adds up"
 * within a rounding tolerance that grows with its length, so it proves nothing; and a longer search would make
 * a long table (a ledger of 100 000 lines) cost the square of its length. Totals by their words are not bound
 * by it: they add every line of their group, whatever its length.
 */
export const MAX_RUN = 40;

/**
 * A sum of a run of lines, column by column, grown one line at a time: cheap to ask "might it add up?" — as
 * printed, and with the lines a sign marks taken away.
 */
class RunningSum {
  private readonly totals: (number | null)[];
  private readonly steps: number[];
  private readonly sums: number[];
  private readonly signedSums: number[];
  private readonly nonZero: number[];
  count = 0;

  constructor(
    private readonly f: Figures,
    row: number,
  ) {
    this.totals = f.columns.map((c) => f.value(row, c));
    this.steps = f.columns.map((c, i) => (this.totals[i] === null ? 0 : f.step(c, row)));
    this.sums = f.columns.map(() => 0);
    this.signedSums = f.columns.map(() => 0);
    this.nonZero = f.columns.map(() => 0);
  }

  add(line: number, sign = 1): void {
    this.count++;
    const columns = this.f.columns;
    for (let i = 0; i < columns.length; i++) {
      const v = this.f.value(line, columns[i]) ?? 0;
      this.sums[i] += v;
      this.signedSums[i] += sign * v;
      if (v !== 0) this.nonZero[i]++;
    }
  }

  /** Two or more lines with a figure that is not zero, in some column. */
  get figures(): boolean {
    for (const n of this.nonZero) if (n >= 2) return true;
    return false;
  }

  /**
   * Could the run add up to the row in every column where the row has a figure? A generous test (floating
   * sums may differ in the last digits from checkSum's): `addsUp` confirms.
   */
  mayAddUp(signed = false): boolean {
    const sums = signed ? this.signedSums : this.sums;
    let any = false;
    for (let i = 0; i < this.totals.length; i++) {
      const total = this.totals[i];
      if (total === null) continue;
      any = true;
      const allowed = (this.steps[i] * (this.count + 1)) / 2;
      const slack = 1e-6 * Math.max(1, Math.abs(total), Math.abs(sums[i])) + 1e-9 * allowed;
      if (!(Math.abs(sums[i] - total) <= allowed + slack)) return false;
    }
    return any;
  }
}

/**
 * The contiguous run of `lines` (rows above, in order) ending with the last one that `row` is the sum of,
 * in every column — the longest such run of two or more lines (at most MAX_RUN) — or null. A row of nothing
 * but zeros, or a run with fewer than two figures that are not zero, proves nothing and is no subtotal. With
 * `costSign`, the run may also add up with the lines it marks (−1) taken away (costs printed as positive).
 * Linear in the run's length: the sums grow from the last line upwards.
 */
export function subtotalRun(
  f: Figures,
  row: number,
  lines: readonly number[],
  costSign?: (line: number) => number,
): { parts: number[]; signs?: number[] } | null {
  if (lines.length < 2) return null;
  const nonZero = f.columns.some((c) => (f.value(row, c) ?? 0) !== 0);
  if (!nonZero) return null;
  const run = new RunningSum(f, row);
  let anyCost = false;
  let found: { parts: number[]; signs?: number[] } | null = null;
  const lowest = Math.max(0, lines.length - MAX_RUN);
  for (let start = lines.length - 1; start >= lowest; start--) {
    const line = lines[start];
    const sign = costSign?.(line) ?? 1;
    if (sign < 0) anyCost = true;
    run.add(line, sign);
    if (start > lines.length - 2 || !run.figures) continue;
    // The longest run that adds up wins: a longer one found further up replaces a shorter one.
    if (run.mayAddUp()) {
      const parts = lines.slice(start);
      if (addsUp(f, row, parts)) {
        found = { parts };
        continue;
      }
    }
    if (costSign && anyCost && run.mayAddUp(true)) {
      const parts = lines.slice(start);
      const signs = parts.map((p) => costSign(p));
      if (addsUp(f, row, parts, signs)) found = { parts, signs };
    }
  }
  return found;
}

/**
 * Every contiguous run of `items` ending with the last one (shortest first): the MAX_RUN shortest and all of
 * them — the readings a person means by a total (the last few lines, or everything since the group began).
 */
export function suffixes<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let n = 1; n <= items.length && n <= MAX_RUN; n++) out.push(items.slice(items.length - n));
  if (items.length > MAX_RUN) out.push(items.slice());
  return out;
}

/** "3–5, 8" for rows 3, 4, 5, 8 (sheet row numbers, as a person finds them). */
export function rowList(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Totals printed on a heading, above their lines: read bottom-up, a row whose figures are the sum of the
 * items right below it (rows not yet inside another such total) in every column takes them in. A row that
 * is a total by its words (`Summa …`, a result) neither heads nor is taken in; one line alone is taken in
 * only where two columns or more agree. Returns the rows taken in (at any depth).
 */
export function totalsAbove(
  f: Figures,
  rows: readonly number[],
  role: (row: number) => string | null,
): { inside: Set<number>; heads: Map<number, number[]> } {
  const inside = new Set<number>();
  const heads = new Map<number, number[]>();
  // The items below, nearest last (a stack: taking in the nearest n is a pop, not a copy of the rest).
  const items: number[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const h = rows[i];
    const r = role(h);
    if (r === "sum" || r === "result" || r === "breakdown" || r === "repeat") {
      items.length = 0;
      continue; // a total by its words closes what is below it
    }
    let taken = 0;
    const columns = f.columns.filter((c) => (f.value(h, c) ?? 0) !== 0).length;
    if (columns > 0) {
      const run = new RunningSum(f, h);
      for (let n = 1; n <= items.length && n <= 40; n++) {
        run.add(items[items.length - n]);
        if (n === 1 && columns < 2) continue;
        if (run.mayAddUp() && addsUp(f, h, items.slice(items.length - n).reverse())) {
          taken = n;
          break;
        }
      }
    }
    if (taken > 0) {
      const parts = items.splice(items.length - taken, taken).reverse();
      heads.set(h, parts);
      for (const p of parts) {
        inside.add(p);
        for (const q of heads.get(p) ?? []) inside.add(q);
      }
    }
    items.push(h);
  }
  // Descendants of a taken-in row are inside too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of [...inside])
      for (const q of heads.get(p) ?? [])
        if (!inside.has(q)) {
          inside.add(q);
          grew = true;
        }
  }
  return { inside, heads };
}
