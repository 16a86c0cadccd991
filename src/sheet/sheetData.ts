/** A sheet as read back: the values of its used range, whose top-left cell is A1 unless `origin` says. */
export interface SheetData {
  name: string;
  values: unknown[][];
  origin?: { row: number; column: number };
}
