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
 * The contiguous run of `lines` (rows above, in order) ending with the last one that `row` is the sum of,
 * in every column — the longest such run of two or more lines — or null. A row of nothing but zeros, or a
 * run with fewer than two figures that are not zero, proves nothing and is no subtotal. With `costSigns`,
 * the run may also add up with the lines it marks taken away (costs printed as positive figures).
 */
export function subtotalRun(
  f: Figures,
  row: number,
  lines: readonly number[],
  costSigns?: readonly number[],
): { parts: number[]; signs?: number[] } | null {
  if (lines.length < 2) return null;
  const nonZero = f.columns.some((c) => (f.value(row, c) ?? 0) !== 0);
  if (!nonZero) return null;
  for (let start = 0; start <= lines.length - 2; start++) {
    const parts = lines.slice(start);
    const figures = f.columns.some((c) => parts.filter((p) => (f.value(p, c) ?? 0) !== 0).length >= 2);
    if (!figures) continue;
    if (addsUp(f, row, parts)) return { parts };
    const signs = costSigns?.slice(start);
    if (signs && signs.some((s) => s < 0) && addsUp(f, row, parts, signs)) return { parts, signs };
  }
  return null;
}

/** Every contiguous run of `items` ending with the last one (shortest first). */
export function suffixes<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let n = 1; n <= items.length; n++) out.push(items.slice(items.length - n));
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
  let items: number[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const h = rows[i];
    const r = role(h);
    if (r === "sum" || r === "result" || r === "breakdown" || r === "repeat") {
      items = [];
      continue; // a total by its words closes what is below it
    }
    let taken = 0;
    for (let n = 1; n <= items.length && n <= 40; n++) {
      const parts = items.slice(0, n);
      const columns = f.columns.filter((c) => (f.value(h, c) ?? 0) !== 0).length;
      if (columns === 0) break;
      if (n === 1 && columns < 2) continue;
      if (addsUp(f, h, parts)) {
        taken = n;
        break;
      }
    }
    if (taken > 0) {
      const parts = items.slice(0, taken);
      heads.set(h, parts);
      for (const p of parts) {
        inside.add(p);
        for (const q of heads.get(p) ?? []) inside.add(q);
      }
      items = [h, ...items.slice(taken)];
    } else items = [h, ...items];
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
