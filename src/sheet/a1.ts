/** A1 addresses and ranges: the one conversion every renderer, reader, check and template shares. */

/** "C" for 3. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "C5" for (5, 3); absolute parts with `$` when asked. */
export function addr(row: number, column: number, abs: { row?: boolean; column?: boolean } = {}): string {
  return `${abs.column ? "$" : ""}${columnLetter(column)}${abs.row ? "$" : ""}${row}`;
}

/** "C5:C9". */
export function range(
  row1: number,
  column1: number,
  row2: number,
  column2: number,
  absolute = false,
): string {
  const a = { row: absolute, column: absolute };
  return `${addr(row1, column1, a)}:${addr(row2, column2, a)}`;
}

/** Parses "C5" into { row: 5, column: 3 }. */
export function parseAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an address: ${address}`);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

/** Parses "A1:C3" (or a single cell) into its corners. */
export function parseRange(text: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = text.split(":");
  const p = parseAddress(a);
  const q = parseAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}
