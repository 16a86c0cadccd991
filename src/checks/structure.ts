import { checkSum, type SumCheck } from "../domain/budget";

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

/**
 * checkSum as the reading of a table uses it: a "sum" of one part is that part's figure printed again, both
 * rounded from the same amount, so it must be the same figure exactly (one part within a rounding step would
 * make two neighbouring lines that differ by 1 a total and its line).
 */
export function sumsTo(values: readonly number[], total: number, step: number): SumCheck {
  return checkSum(values, total, values.length === 1 ? 0 : step);
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
    if (!sumsTo(values, total, f.step(column, row)).ok) return false;
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
  return sumsTo(values, total, f.step(column, row)).ok;
}

/**
 * How many lines a reading from arithmetic alone may take together. A run of more lines than this "adds up"
 * within a rounding tolerance that grows with its length, so it proves nothing; and a longer search would make
 * a long table (a ledger of 100 000 lines) cost the square of its length. Totals by their words are not bound
 * by it: they add every line of their group, whatever its length.
 */
export const MAX_RUN = 40;

/** The search's bound (RunningSum.lost) on or off: a test holds the search with it to the search without. */
export const SEARCH = { bound: true };

/**
 * A sum of a run of lines, column by column, grown one line at a time: cheap to ask "might it add up?" — as
 * printed, and with the lines a sign marks taken away.
 */
class RunningSum {
  private readonly totals: (number | null)[] = [];
  private readonly steps: number[] = [];
  private readonly sums: number[] = [];
  private readonly signedSums: number[] = [];
  private readonly nonZero: number[] = [];
  count = 0;

  /**
   * Starts the run of `row`'s figures afresh, in this object's own arrays: each search keeps one (they do
   * not nest), so a row costs no allocation.
   */
  start(f: Figures, row: number): this {
    const n = f.columns.length;
    if (this.totals.length !== n) {
      this.totals.length = this.steps.length = this.sums.length = n;
      this.signedSums.length = this.nonZero.length = n;
    }
    for (let i = 0; i < n; i++) {
      const c = f.columns[i];
      const total = f.value(row, c);
      this.totals[i] = total;
      this.steps[i] = total === null ? 0 : f.step(c, row);
      this.sums[i] = 0;
      this.signedSums[i] = 0;
      this.nonZero[i] = 0;
    }
    this.count = 0;
    return this;
  }

  /** How many columns the row has a figure in (a total to fit). */
  get withTotal(): number {
    let n = 0;
    for (const t of this.totals) if (t !== null) n++;
    return n;
  }

  /** Does the row have a figure that is not zero? */
  get anyFigure(): boolean {
    for (const t of this.totals) if (t !== null && t !== 0) return true;
    return false;
  }

  /** A line's figures: `byColumn[k][at]` for each column k of `f.columns` (0 where it has none). */
  addFigures(byColumn: readonly (readonly number[])[], at: number, sign = 1): void {
    this.count++;
    for (let i = 0; i < byColumn.length; i++) {
      const v = byColumn[i][at];
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
    const { columns, misfits } = this.fit(signed, 0);
    return columns > 0 && misfits === 0;
  }

  /**
   * How many columns with a total no longer run can fit, whatever lines it takes in next. The run may grow to at
   * most `most` lines; `ups[k]` of the lines it may still take raise its sum in column k and `downs[k]` lower
   * it. Where none can lower it and the sum is already past the total by more than checkSum's widest tolerance
   * (at `most` lines), every longer run is further past (adding a figure that is not negative never lowers a
   * floating sum either), and the column is lost for good; the same the other way. A bound, not a reading: it
   * only lets the search stop where going on could find nothing.
   */
  lost(signed: boolean, ups: readonly number[], downs: readonly number[], most: number): number {
    const sums = signed ? this.signedSums : this.sums;
    let lost = 0;
    for (let i = 0; i < this.totals.length; i++) {
      const total = this.totals[i];
      if (total === null) continue;
      const sum = sums[i];
      // The tolerance at `most` lines (fit's), with room for the last digits of the floating arithmetic.
      const allowed =
        ((this.steps[i] * (most + 1)) / 2) * (1 + 1e-9) + 1e-9 * (Math.abs(sum) + Math.abs(total) + 1);
      const slack = 1e-6 * Math.max(1, Math.abs(total), Math.abs(sum));
      if (downs[i] === 0 && sum - total - slack > allowed) lost++;
      else if (ups[i] === 0 && total - sum - slack > allowed) lost++;
    }
    return lost;
  }

  /** How many columns have a total, and how many of those the run may not add up to (stops past `most`). */
  fit(signed: boolean, most: number): { columns: number; misfits: number } {
    const sums = signed ? this.signedSums : this.sums;
    let columns = 0;
    let misfits = 0;
    for (let i = 0; i < this.totals.length; i++) {
      const total = this.totals[i];
      if (total === null) continue;
      columns++;
      const allowed = (this.steps[i] * (this.count + 1)) / 2;
      const slack = 1e-6 * Math.max(1, Math.abs(total), Math.abs(sums[i])) + 1e-9 * allowed;
      if (!(Math.abs(sums[i] - total) <= allowed + slack) && ++misfits > most) break;
    }
    return { columns, misfits };
  }
}

/**
 * How many entries from `from` up to (not including) `to` a running count counted: `cum[i]` is the count
 * before entry i (the window of subtotalRun, the stack of totalsAbove).
 */
const counted = (cum: readonly number[], from: number, to: number): number => cum[to] - cum[from];

/** The runs and counts of subtotalRun and totalsAbove: one each, reused row after row (neither nests). */
const SUBTOTAL = new RunningSum();
const ABOVE = new RunningSum();
const LEFT = {
  left: { ups: [] as number[], downs: [] as number[] },
  signedLeft: { ups: [] as number[], downs: [] as number[] },
};

/**
 * The figures and signs of the last MAX_RUN lines of a list that grows at its end, kept between calls: a line's
 * figure is read once when it joins the list, not once for every row after it (a list replaced by another —
 * `top.filter(…)` — starts a new window).
 */
interface Window {
  f: Figures;
  /** How many of the list's items the window has taken in. */
  length: number;
  /** Index in the list of the window's first entry. */
  base: number;
  /** Index in the arrays below of the window's first entry (older ones go in one splice, now and then). */
  first: number;
  lines: number[];
  signs: number[];
  /** Per column: the figures of `lines` (0 where a line has none). */
  values: number[][];
  /**
   * Per column, for each entry: how many entries taken in before it have a positive figure, a negative one,
   * and the same with their signs (a running count, so that the count of any stretch of the window is a
   * difference, `counted`: what the bound of subtotalRun asks, without going over the window).
   */
  ups: number[][];
  downs: number[][];
  signedUps: number[][];
  signedDowns: number[][];
  /** The running counts after the last entry taken in. */
  running: { ups: number[]; downs: number[]; signedUps: number[]; signedDowns: number[] };
}

const windows = new WeakMap<readonly number[], Window>();

function windowOf(f: Figures, lines: readonly number[], costSign?: (line: number) => number): Window {
  let w = windows.get(lines);
  // A list cut and grown again in place since the last call (its entries are distinct rows): the entry at the
  // window's end is another row now.
  const stale = w !== undefined && w.length > 0 && lines[w.length - 1] !== w.lines[w.lines.length - 1];
  if (!w || w.f !== f || w.length > lines.length || stale) {
    const perColumn = () => f.columns.map((): number[] => []);
    const zeros = () => f.columns.map(() => 0);
    w = {
      f,
      length: 0,
      base: 0,
      first: 0,
      lines: [],
      signs: [],
      values: perColumn(),
      ups: perColumn(),
      downs: perColumn(),
      signedUps: perColumn(),
      signedDowns: perColumn(),
      running: { ups: zeros(), downs: zeros(), signedUps: zeros(), signedDowns: zeros() },
    };
    windows.set(lines, w);
  }
  const from = Math.max(w.length, lines.length - MAX_RUN);
  const running = w.running;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    const sign = costSign?.(line) ?? 1;
    w.lines.push(line);
    w.signs.push(sign);
    for (let k = 0; k < f.columns.length; k++) {
      const v = f.value(line, f.columns[k]) ?? 0;
      w.values[k].push(v);
      w.ups[k].push(running.ups[k]);
      w.downs[k].push(running.downs[k]);
      w.signedUps[k].push(running.signedUps[k]);
      w.signedDowns[k].push(running.signedDowns[k]);
      if (v > 0) running.ups[k]++;
      else if (v < 0) running.downs[k]++;
      if (sign * v > 0) running.signedUps[k]++;
      else if (sign * v < 0) running.signedDowns[k]++;
    }
  }
  w.length = lines.length;
  // Keep the last MAX_RUN entries (older ones are never asked for again; where the list grew by more than that
  // since the last call, the entries read above are the last MAX_RUN and the older ones all go). The arrays
  // drop them once MAX_RUN of them have gathered: one splice per MAX_RUN lines, not one per line.
  w.first = Math.max(w.first, w.lines.length - MAX_RUN);
  if (w.first >= MAX_RUN) {
    const gone = w.first;
    w.lines.splice(0, gone);
    w.signs.splice(0, gone);
    for (const v of [...w.values, ...w.ups, ...w.downs, ...w.signedUps, ...w.signedDowns]) v.splice(0, gone);
    w.first = 0;
  }
  w.base = lines.length - (w.lines.length - w.first);
  return w;
}

/**
 * The contiguous run of `lines` (rows above, in order) ending with the last one that `row` is the sum of,
 * in every column — the longest such run of two or more lines (at most MAX_RUN) — or null. A row of nothing
 * but zeros, or a run with fewer than two figures that are not zero, proves nothing and is no subtotal. With
 * `costSign`, the run may also add up with the lines it marks (−1) taken away (costs printed as positive).
 * Linear in the run's length: the sums grow from the last line upwards, over figures read once per line.
 */
export function subtotalRun(
  f: Figures,
  row: number,
  lines: readonly number[],
  costSign?: (line: number) => number,
): { parts: number[]; signs?: number[]; oneOff?: boolean } | null {
  if (lines.length < 2) return null;
  const run = SUBTOTAL.start(f, row);
  if (!run.anyFigure) return null;
  const w = windowOf(f, lines, costSign);
  const columns = run.withTotal;
  // How many of the lines not yet taken in (the window's first j) raise or lower each column's sum, as printed
  // and signed: the search stops where no longer run could fit (in a list of like lines, after a few).
  const width = w.values.length;
  const { left, signedLeft } = LEFT;
  if (left.ups.length !== width)
    left.ups.length = left.downs.length = signedLeft.ups.length = signedLeft.downs.length = width;
  let anyCost = false;
  let found: { parts: number[]; signs?: number[]; oneOff?: boolean } | null = null;
  let nearly: number[] | null = null;
  const most = w.lines.length - w.first;
  for (let j = w.lines.length - 1; j >= w.first; j--) {
    const sign = w.signs[j];
    if (sign < 0) anyCost = true;
    run.addFigures(w.values, j, sign);
    let stop = false;
    // (With one line taken in, the next is all but always needed: the bound is asked from two lines on.)
    if (SEARCH.bound && j > w.first && run.count >= 2) {
      // The lines not yet taken in: the window's entries from its first up to j.
      for (let k = 0; k < width; k++) {
        left.ups[k] = counted(w.ups[k], w.first, j);
        left.downs[k] = counted(w.downs[k], w.first, j);
        signedLeft.ups[k] = counted(w.signedUps[k], w.first, j);
        signedLeft.downs[k] = counted(w.signedDowns[k], w.first, j);
      }
      stop = hopeless(run, columns, costSign !== undefined, left, signedLeft, most);
    }
    if (run.count < 2 || !run.figures) {
      if (stop) break;
      continue;
    }
    const start = w.base + (j - w.first);
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
      if (addsUp(f, row, parts, signs)) {
        found = { parts, signs };
        continue;
      }
    }
    // A run the row is the sum of in every column but one, where three columns or more have a figure: a
    // subtotal with one wrong figure (a typo), not a line — read as a line, the next total would add it in again.
    const { columns: withTotal, misfits } = run.fit(false, 1);
    if (withTotal >= 3 && misfits === 1) {
      const parts = lines.slice(start);
      const fitting = f.columns.filter((c) => f.value(row, c) !== null && addsUpIn(f, row, c, parts)).length;
      if (fitting === withTotal - 1) nearly = parts;
    }
    if (stop) break;
  }
  return found ?? (nearly ? { parts: nearly, oneOff: true } : null);
}

/**
 * Can a longer run still be read (subtotalRun)? Not once every reading has a column lost for good: as printed
 * (none may misfit), with the cost lines taken away (when there is a cost sign), and with one wrong figure
 * (one column may misfit, where three or more have a total).
 */
function hopeless(
  run: RunningSum,
  columns: number,
  signed: boolean,
  left: { ups: readonly number[]; downs: readonly number[] },
  signedLeft: { ups: readonly number[]; downs: readonly number[] },
  most: number,
): boolean {
  const lost = run.lost(false, left.ups, left.downs, most);
  if (lost === 0 || (columns >= 3 && lost <= 1)) return false;
  return !signed || run.lost(true, signedLeft.ups, signedLeft.downs, most) > 0;
}

/**
 * Every contiguous run of `items` ending with the last one (shortest first): the MAX_RUN shortest and all of
 * them (up to MAX_WHOLE) — the readings a person means by a total (the last few lines, or everything since the group began).
 * Lazy: a total that adds up by its first reading never copies the rest (a long table has many totals).
 */
export function* suffixes<T>(items: readonly T[]): Generator<T[]> {
  for (let n = 1; n <= items.length && n <= MAX_RUN; n++) yield items.slice(items.length - n);
  if (items.length > MAX_RUN && items.length <= MAX_WHOLE) yield items.slice();
}

/**
 * The longest list whose whole is tried as another reading of a total. A total whose words say what it adds
 * (all of its group) is read that way at any length; this bounds only the search for other readings, which a
 * table of many totals, each a little off, would otherwise make cost the square of its length.
 */
export const MAX_WHOLE = 1_000;

/** Other readings of a total, in the order they are tried: a fresh pass over them at each call. */
export type Readings = () => Iterable<number[]>;

/** The readings of several lists, one after the other. */
export function readings(...lists: (() => Iterable<number[]>)[]): Readings {
  return function* () {
    for (const list of lists) yield* list();
  };
}

/** The first reading that `test` accepts, or undefined. */
export function firstReading(all: Readings, test: (parts: number[]) => boolean): number[] | undefined {
  for (const parts of all()) if (test(parts)) return parts;
  return undefined;
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

/** Does `row` print the same figure as `other` in every column where it has one (at least one)? */
function sameFigures(f: Figures, row: number, other: number): boolean {
  let any = false;
  for (const c of f.columns) {
    const v = f.value(row, c);
    if (v === null) continue;
    any = true;
    if (v !== (f.value(other, c) ?? 0)) return false;
  }
  return any;
}

/**
 * Totals printed on a heading, above their lines: read bottom-up, a row whose figures are the sum of the
 * items right below it (rows not yet inside another such total) in every column takes them in. A row that
 * is a total by its words (`Summa …`, a result) neither heads nor is taken in; one line alone is taken in
 * only where two columns or more agree. Returns the rows taken in (at any depth).
 */
/** A row that is a total by its words (or a "varav" line) closes the run of items below it. */
const closesBelow = (role: string | null) =>
  role === "sum" || role === "result" || role === "breakdown" || role === "repeat";

export function totalsAbove(
  f: Figures,
  rows: readonly number[],
  role: (row: number) => string | null,
  evidence: readonly number[] = [],
): { inside: Set<number>; heads: Map<number, number[]>; nearly: Map<number, number> } {
  const inside = new Set<number>();
  const heads = new Map<number, number[]>();
  // Each row's figures read once (the search below looks at each row up to 40 times).
  const figures = f.columns.map((c) => rows.map((r) => f.value(r, c) ?? 0));
  // The items below, as indices into `rows`, nearest last (a stack: taking in the nearest n is a pop).
  const items: number[] = [];
  // Beside each item, per column: how many items below it on the stack have a positive figure, and a negative
  // one (running counts, cut with the stack, `total` after the top), so that the bound counts by a difference.
  const ups = figures.map((): number[] => []);
  const downs = figures.map((): number[] => []);
  const total = { ups: figures.map(() => 0), downs: figures.map(() => 0) };
  const left = { ups: figures.map(() => 0), downs: figures.map(() => 0) };
  for (let i = rows.length - 1; i >= 0; i--) {
    const h = rows[i];
    const r = role(h);
    if (closesBelow(r)) {
      items.length = 0;
      for (const cum of [...ups, ...downs]) cum.length = 0;
      total.ups.fill(0);
      total.downs.fill(0);
      continue; // a total by its words closes what is below it
    }
    let taken = 0;
    let columns = 0;
    for (const v of figures) if (v[i] !== 0) columns++;
    if (columns > 0) {
      const run = ABOVE.start(f, h);
      const most = Math.min(items.length, MAX_RUN);
      for (let n = 1; n <= most; n++) {
        const item = items[items.length - n];
        run.addFigures(figures, item);
        let stop = false;
        if (SEARCH.bound && n < most) {
          // The items a longer run may still take: the next nearest, down to the `most`-th.
          for (let k = 0; k < figures.length; k++) {
            left.ups[k] = counted(ups[k], items.length - most, items.length - n);
            left.downs[k] = counted(downs[k], items.length - most, items.length - n);
          }
          stop = run.lost(false, left.ups, left.downs, most) > 0;
        }
        if (n === 1 && columns < 2) {
          if (stop) break;
          continue;
        }
        // A heading that repeats its one line repeats the same figure, rounded the same way: exactly, not
        // within a rounding step (two neighbouring lines that differ by 1 are not one the total of the other).
        const adds =
          n === 1
            ? sameFigures(f, h, rows[item])
            : run.mayAddUp() &&
              addsUp(
                f,
                h,
                items.slice(items.length - n).map((k) => rows[k]),
              );
        if (adds) {
          taken = n;
          break;
        }
        if (stop) break;
      }
    }
    if (taken > 0) {
      for (let k = 0; k < figures.length; k++) {
        const at = items.length - taken;
        total.ups[k] = ups[k][at];
        total.downs[k] = downs[k][at];
        ups[k].length = downs[k].length = at;
      }
      const parts = items
        .splice(items.length - taken, taken)
        .reverse()
        .map((k) => rows[k]);
      heads.set(h, parts);
      for (const p of parts) {
        inside.add(p);
        for (const q of heads.get(p) ?? []) inside.add(q);
      }
    }
    items.push(i);
    for (let k = 0; k < figures.length; k++) {
      const v = figures[k][i];
      ups[k].push(total.ups[k]);
      downs[k].push(total.downs[k]);
      if (v > 0) total.ups[k]++;
      else if (v < 0) total.downs[k]++;
    }
  }
  const nearly = nearlyAbove(f, rows, role, evidence, inside, heads);
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
  return { inside, heads, nearly };
}

/**
 * In a table that prints totals on its headings, a heading whose figures are the sum of the items right below
 * it in every column but one — with three columns or more to judge by, counting the columns that add up down
 * without being periods (a deviation, a change: `evidence`) — is a total with one wrong figure, not a line: read
 * as a line, the wrong figure would go unseen. Only where other headings add up (the table is read that way),
 * and each heading at most MAX_RUN items deep. Takes the rows in (into `inside` and `heads`); returns each such
 * heading with the column of its wrong figure.
 */
function nearlyAbove(
  f: Figures,
  rows: readonly number[],
  role: (row: number) => string | null,
  evidence: readonly number[],
  inside: Set<number>,
  heads: Map<number, number[]>,
): Map<number, number> {
  const nearly = new Map<number, number>();
  if (heads.size === 0) return nearly;
  const columns = [...f.columns, ...evidence];
  const closes = (r: number) => closesBelow(role(r));
  const free = rows.filter((r) => !inside.has(r));
  const sums = columns.map(() => 0);
  const nonZero = columns.map(() => 0);
  const blanks = columns.map(() => 0);
  for (let j = free.length - 1; j >= 0; j--) {
    const h = free[j];
    if (heads.has(h) || inside.has(h) || closes(h)) continue;
    const totals = columns.map((c) => f.value(h, c));
    if (totals.filter((t) => t !== null && t !== 0).length < 3) continue;
    sums.fill(0);
    nonZero.fill(0);
    blanks.fill(0);
    const most = Math.min(free.length - 1 - j, MAX_RUN);
    for (let n = 1; n <= most; n++) {
      const item = free[j + n];
      if (inside.has(item) || closes(item)) break; // taken by a heading found above, or a total by its words
      for (let k = 0; k < columns.length; k++) {
        const v = f.value(item, columns[k]);
        if (v === null) blanks[k]++;
        else sums[k] += v;
        if (v !== null && v !== 0) nonZero[k]++;
      }
      let misfit = -1;
      let misfits = 0;
      let fitting = 0;
      for (let k = 0; k < columns.length && misfits < 2; k++) {
        const total = totals[k];
        if (total === null) continue;
        // One line: its figure printed again, exactly (sumsTo); a run: within its rounding.
        const allowed =
          (n === 1 ? 0 : (f.step(columns[k], h) * (n + 1)) / 2) + 1e-9 * Math.max(1, Math.abs(total));
        if (Math.abs(sums[k] - total) <= allowed) {
          if (total !== 0 && nonZero[k] >= Math.min(n, 2)) fitting++;
        } else if (blanks[k] === 0) {
          misfits++;
          misfit = k;
        } // a column that misses a line's figure (a page cut short) decides nothing here
      }
      if (misfits === 1 && fitting >= 2 && misfit < f.columns.length && totals[misfit] !== 0) {
        const parts = free.slice(j + 1, j + 1 + n);
        heads.set(h, parts);
        for (const p of parts) inside.add(p);
        nearly.set(h, f.columns[misfit]);
        break;
      }
    }
  }
  return nearly;
}
