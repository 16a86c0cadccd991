/**
 * How each kind of cell looks, once: the Office.js renderer, the .xlsx writer and the workbench's grid each
 * translate this table into their own terms, so the three show the same sheet.
 */
export type CellStyle =
  | "title"
  | "subtitle"
  | "note"
  | "header"
  | "section"
  | "label"
  | "input"
  | "computed"
  | "subtotal"
  | "total"
  /** A check: says "OK" when the rule holds. */
  | "check"
  /** A status in words (Under taket, Uppnått …), not a check. */
  | "status";

export interface Look {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** "#RRGGBB". */
  color?: string;
  fill?: string;
  wrap?: boolean;
  border?: { top?: "thin"; bottom?: "double" };
  /** An input: left unlocked when the sheet is protected. */
  unlocked?: boolean;
}

export const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 16 },
  subtitle: { size: 12 },
  note: { italic: true, color: "#595959" },
  header: { bold: true, fill: "#DDEBF7", wrap: true },
  section: { bold: true, size: 12 },
  label: {},
  input: { fill: "#FFF2CC", unlocked: true },
  computed: {},
  subtotal: { bold: true, border: { top: "thin" } },
  total: { bold: true, border: { top: "thin", bottom: "double" } },
  check: { italic: true },
  status: { italic: true },
};
