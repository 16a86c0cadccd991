/** How a template's sheets are protected (no password): formats, sorting and filters stay open. */
export const SHEET_PROTECTION = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};
