/**
 * What the population import needs, as one chunk the pane loads on first use: the import itself with its
 * readers (papaparse, jsonstat-toolkit) and the pane's xlsx reader.
 */
export { importFromScb, importFromSource, importRequest } from "../population/import";
export { readXlsxInBrowser } from "../workbook/xlsx/browserReader";
