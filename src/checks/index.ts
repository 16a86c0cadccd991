export * from "./types";
export { checkWorkbook, recognise } from "./sheets";
