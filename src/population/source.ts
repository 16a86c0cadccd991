/** Where the populations came from, written on the Avgiftsfördelning sheet. */
export interface PopulationSource {
  /** SCB's table id (PxWeb API v2), e.g. "TAB638". */
  table: string;
  /** The content code / matrix, e.g. "BE0101N1". */
  matrix: string;
  title: string | null;
  /** The band the one-year age classes were summed for, e.g. "20–64 år". */
  ageBand: string;
  /** ISO date, e.g. "2024-12-31". */
  referenceDate: string;
  /** ISO date the figures were retrieved or imported. */
  retrieved: string;
  via: "api-v2" | "api-v1" | "csv" | "xlsx" | "json-stat2" | "pasted";
  file: string | null;
}
