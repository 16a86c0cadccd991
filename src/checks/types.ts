/**
 * The workbook check: sheets as the task pane (or the command line) reads them back — plain 2-D arrays of
 * values — go in; findings come out, each pointing at a cell, with a severity and a coded message that
 * src/i18n words in Swedish or English. Nothing here knows about Excel.
 */
export type Severity = "error" | "warning";

export type FindingCode =
  | "sumMismatch"
  | "repeatMismatch"
  | "acrossMismatch"
  | "crossMismatch"
  | "deviationMismatch"
  | "resultMismatch"
  | "equityRollForward"
  | "equityStartMismatch"
  | "equityAboveCeiling"
  | "regionNotHalfOfState"
  | "municipalitiesNotRegion"
  | "invalidWeight"
  | "unknownArea"
  | "areaShareOutside"
  | "missingOutcome"
  | "reachedBelowTarget"
  | "allocationNot100"
  | "allocationMissing"
  | "distributionAmount"
  | "distributionShare"
  | "distributionSum"
  | "distributionTotal"
  | "crossResult"
  | "balanceMismatch"
  | "equityChange"
  | "cashEndMismatch"
  | "cashStartMismatch"
  | "cashFlowMismatch"
  | "cashChangeMismatch"
  | "cashMismatch"
  | "changeMismatch"
  | "noteMismatch"
  | "cashFlowBlank"
  | "soliditetMismatch"
  | "operatingResultMismatch"
  | "populationOld"
  | "populationBandDiffers"
  | "populationTypedOver"
  | "sumAmbiguous"
  | "sumUnread"
  | "subtotalOneOff"
  | "balanceCarried"
  | "balanceStart"
  | "errorValue"
  | "textFigure"
  | "notAFigure"
  | "formulaOmits"
  | "formulaSingle"
  | "typedOver"
  | "uncomputed"
  | "signConvention"
  | "negativePopulation";

export interface Finding {
  sheet: string;
  /** A1 address on the sheet. */
  cell: string;
  severity: Severity;
  code: FindingCode;
  params: Record<string, string | number>;
}

export type SheetKind =
  | "budget"
  | "outcome"
  | "fees"
  | "social"
  | "impact"
  | "distribution"
  | "resultStatement"
  | "balanceSheet"
  | "cashFlow"
  | "notes"
  | "followUp"
  | "balanceRequirement"
  | "keyFigures";
