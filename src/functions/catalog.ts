/** The custom functions' ids (never renamed once shipped), in the order the task pane lists them. */
export const FUNCTION_IDS = [
  "IMPACTINDEX",
  "FEESPLIT",
  "FINANCING",
  "EQUITYCAP",
  "WEIGHTCHECK",
  "TOPSHARE",
  "GOALMET",
  "CHECKSUM",
  "COSTSPLIT",
  "SOLIDITET",
] as const;

export type FunctionId = (typeof FUNCTION_IDS)[number];

export { FUNCTION_NAMESPACE } from "../sheet/formulaSpelling";
