export * from "./types";
export { checkWorkbook, readSheet, recognise } from "./sheets";
export type { NotReadReason, StatementLayout } from "./layout";
export type { StatementCoverage } from "./report";
