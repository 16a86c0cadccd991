/**
 * A sheet's sparse cells laid out as the check takes them (SheetData): one grid from A1 when that grid is not
 * much larger than the cells in it, else several blocks of the same sheet, each with its own origin, so that
 * no block is a dense grid much larger than what it holds. A statement with a stray value far out (A1 and
 * XFD1048576, A100000 and XFD100000) is then read as the statement's block and the stray cell's, never as a
 * grid of 17 billion cells.
 *
 * The blocks come from a recursive XY cut: a block too sparse for its cells is cut along its widest empty
 * rows or columns (every gap at least half the widest, so each cut halves what is left to cut), or — with no
 * empty row or column to cut along — into two halves by its cells. Every block ends within its budget, so the
 * grids together hold at most 16 slots per cell (4 once a block has 4 096 cells or more).
 */
import type { SheetData } from "../../sheet/sheetData";
import type { SparseCells } from "./sheetCells";

/** The most grid slots a block of n cells may take. */
export const blockBudget = (n: number) => Math.max(4 * n, Math.min(16_384, 16 * n));

interface Box {
  cells: number[];
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function toBlocks(name: string, sheet: SparseCells): SheetData[] {
  const n = sheet.values.length;
  if (n === 0) return [];
  const all = Array.from({ length: n }, (_, i) => i);
  const whole = box(sheet, all);
  const uncached = new Set(sheet.uncached);
  // From A1 as a sheet's used range reads, when that costs little more than the cells' own box.
  if (whole.bottom * whole.right <= blockBudget(n))
    return [grid(name, sheet, { ...whole, top: 1, left: 1 }, uncached)];
  const leaves: Box[] = [];
  const stack: Box[] = [whole];
  while (stack.length > 0) {
    const b = stack.pop()!;
    const area = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    if (area <= blockBudget(b.cells.length)) {
      leaves.push(b);
      continue;
    }
    const parts = cutAtGaps(sheet, b) ?? halve(sheet, b);
    for (const p of parts) stack.push(p);
  }
  leaves.sort((a, b) => a.top - b.top || a.left - b.left);
  return leaves.map((b) => grid(name, sheet, b, uncached));
}

function box(sheet: SparseCells, cells: number[]): Box {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const i of cells) {
    const r = sheet.rows[i];
    const c = sheet.columns[i];
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  return { cells, top, left, bottom, right };
}

/** Cuts along every empty run of rows (or columns) at least half as wide as the widest; null with none. */
function cutAtGaps(sheet: SparseCells, b: Box): Box[] | null {
  const along = (key: number[]) => {
    const distinct = [...new Set(b.cells.map((i) => key[i]))].sort((x, y) => x - y);
    let widest = 0;
    for (let k = 1; k < distinct.length; k++) widest = Math.max(widest, distinct[k] - distinct[k - 1] - 1);
    return { distinct, widest };
  };
  const rows = along(sheet.rows);
  const columns = along(sheet.columns);
  if (rows.widest === 0 && columns.widest === 0) return null;
  const byRows = rows.widest >= columns.widest;
  const { distinct, widest } = byRows ? rows : columns;
  const key = byRows ? sheet.rows : sheet.columns;
  const min = Math.max(1, Math.ceil(widest / 2));
  const starts: number[] = [distinct[0]];
  for (let k = 1; k < distinct.length; k++)
    if (distinct[k] - distinct[k - 1] - 1 >= min) starts.push(distinct[k]);
  const groups: number[][] = starts.map(() => []);
  for (const i of b.cells) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= key[i]) lo = mid;
      else hi = mid - 1;
    }
    groups[lo].push(i);
  }
  return groups.map((g) => box(sheet, g));
}

/** Two halves by the cells' rows (or, in one row, columns): for a block with no empty row or column. */
function halve(sheet: SparseCells, b: Box): Box[] {
  const key = b.top < b.bottom ? sheet.rows : sheet.columns;
  const sorted = [...b.cells].sort((x, y) => key[x] - key[y]);
  const middle = key[sorted[sorted.length >> 1]];
  const low = sorted.filter((i) => key[i] < middle);
  const high = sorted.filter((i) => key[i] >= middle);
  // The middle value may be the lowest: split below it instead, so both halves are smaller.
  if (low.length === 0)
    return [
      box(
        sheet,
        sorted.filter((i) => key[i] === middle),
      ),
      box(
        sheet,
        sorted.filter((i) => key[i] > middle),
      ),
    ].filter((p) => p.cells.length > 0);
  return [box(sheet, low), box(sheet, high)];
}

function grid(name: string, sheet: SparseCells, b: Box, uncached: ReadonlySet<number>): SheetData {
  const height = b.bottom - b.top + 1;
  const width = b.right - b.left + 1;
  const values: unknown[][] = Array.from({ length: height }, () => new Array<unknown>(width).fill(""));
  let formulas: (string | undefined)[][] | undefined;
  for (const i of b.cells) {
    const r = sheet.rows[i] - b.top;
    const c = sheet.columns[i] - b.left;
    values[r][c] = sheet.values[i];
    const f = sheet.formulas[i];
    if (f !== undefined) {
      formulas ??= Array.from({ length: height }, () => new Array<string | undefined>(width).fill(undefined));
      formulas[r][c] = f;
    } else if (formulas) formulas[r][c] = undefined; // a later cell at the same place wins
  }
  const uncomputed = new Set<string>();
  for (const i of b.cells)
    if (uncached.has(i)) uncomputed.add(`${sheet.rows[i] - b.top},${sheet.columns[i] - b.left}`);
  const data: SheetData = { name, values };
  if (b.top !== 1 || b.left !== 1) data.origin = { row: b.top, column: b.left };
  if (formulas) data.formulas = formulas;
  if (uncomputed.size > 0) data.uncomputed = uncomputed;
  return data;
}
