/**
 * A template is data: a pure function from options to a TemplateSpec, rendered by Office.js in Excel, by
 * HyperFormula in tests and tools, and (later) by an .xlsx writer. Nothing here knows about a renderer.
 *
 * Formulas are in Excel's invariant (English) syntax, with "," between arguments. A formula that points
 * at another sheet of the same template writes `{{key}}!A1`; the renderer puts in the sheet's real,
 * quoted name (which may have become "Budget (2)").
 */
import type { PopulationSource } from "../population/source";
import type { CellStyle } from "../sheet/styles";

export type { PopulationSource };
export type CellValue = string | number | boolean | null;

/** How a cell looks and behaves: src/sheet/styles.ts says how, for every renderer. */
export type { CellStyle };

export interface Cell {
  /** A constant. */
  value?: CellValue;
  /** A formula, starting with "=". */
  formula?: string;
  /**
   * When the workbook already has a sheet of the same template (last year's), this formula replaces the value:
   * `{{<key>_previous}}` names that earlier sheet.
   */
  previous?: string;
  /** Number format in invariant codes, e.g. "#,##0;-#,##0" or "0.0%". */
  format?: string;
  style?: CellStyle;
}

export interface TableSpec {
  /** Desired table name; a renderer picks a free one if taken. */
  name: string;
  /** Including the header row, e.g. "A10:F40". */
  range: string;
}

export interface NameSpec {
  /** Desired workbook name, e.g. "FINSAM_Budget_Resultat". */
  name: string;
  sheet: string;
  range: string;
  comment: string;
}

export type ValidationRule =
  | { kind: "wholeNumber"; min: number; max: number }
  | { kind: "decimal"; min: number; max: number }
  | { kind: "list"; values: string[] }
  | { kind: "listFromRange"; range: string };

export interface ValidationSpec {
  range: string;
  rule: ValidationRule;
  /** Shown when a wrong value is typed. */
  error: string;
  /** Shown when the cell is selected. */
  prompt?: string;
}

/** A custom-formula conditional format; the formula is written for the range's top-left cell. */
export interface ConditionalFormatSpec {
  range: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface ChartSpec {
  type: "barClustered" | "columnClustered";
  title: string;
  /** Data with series in columns and categories in the first column, headers in the first row. */
  source: string;
  /** The cells the chart covers. */
  anchor: string;
}

export interface SheetSpec {
  /** Stable within the template; used in `{{key}}!` references. */
  key: string;
  /** Desired sheet name (Swedish). */
  name: string;
  /** The used range from A1, row by row; a missing cell is empty. */
  cells: (Cell | undefined)[][];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  tables: TableSpec[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  freeze?: { rows: number; columns: number };
  /** Columns (1 = A) hidden from view: the anchors' column. */
  hiddenColumns?: number[];
  /** Protect the sheet (no password): formulas locked, input cells open. */
  protect: boolean;
  /** How the sheet prints for the board: written the same way by every renderer (src/templates/print.ts). */
  print?: PrintSpec;
}

/**
 * A sheet's page setup: A4, fit to one page wide, the printed cells without helper columns, the title rows
 * and label column on every page, header and footer, and page breaks before whole sections.
 */
export interface PrintSpec {
  orientation: "portrait" | "landscape";
  /** The printed cells, e.g. "A1:H60": the anchors' column and allocation keys left out. */
  area: string;
  /** Rows repeated at the top of every page (1-based, inclusive), or null. */
  titleRows: { first: number; last: number } | null;
  /** Columns repeated at the left of every page (1 = A), or null. */
  titleColumns: { first: number; last: number } | null;
  /** Header and footer, left and right part, in Excel's codes (&P page, &N pages, &D date; & written &&). */
  header: { left: string; right: string };
  footer: { left: string; right: string };
  /** Rows (1-based) that start a new page. */
  breaks: number[];
}

export type TemplateId =
  "budget" | "avgifter" | "socialbudget" | "impactindex" | "arsbokslut" | "uppfoljning";

/** A spec built from the workbook rather than from options: the next budget round (src/templates/nextBudget.ts). */
export type SpecId = TemplateId | "nastabudget";

export interface TemplateSpec {
  id: SpecId;
  sheets: SheetSpec[];
  names: NameSpec[];
}

export interface Member {
  name: string;
  /** Working-age population (or its share); only the ratios matter. */
  population: number | null;
  /** Kommunkod, when the member was chosen from the list or imported. */
  code?: string | null;
  /** The population as imported from SCB: the sheet keeps it beside the one in use. */
  imported?: number | null;
}

export interface TemplateOptions {
  associationName: string;
  firstYear: number;
  regionName: string;
  /** Länskod of the member region, when chosen from the list. */
  regionCode?: string | null;
  municipalities: Member[];
  /** E.g. "20–64 år" or "16–64 år". */
  ageBand: string;
  /** Reference date of the population figures, ISO yyyy-mm-dd. */
  referenceDate: string;
  /** The state's allotment in tkr. */
  stateAllotment: number | null;
  content: "blank" | "example";
  /** Set when the populations were imported from SCB. */
  populationSource?: PopulationSource | null;
}
