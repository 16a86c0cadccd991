/**
 * Errors raised by the FINSAM rules. A domain error carries a stable code and the values needed to
 * explain it; the words (Swedish, English) live in `src/i18n`, so the domain stays free of UI text.
 *
 * `kind` says how a spreadsheet should show it: `invalid` for input that breaks a rule (Excel `#VALUE!`),
 * `notAvailable` for a question without an answer from these inputs (Excel `#N/A`).
 */
export type DomainErrorKind = "invalid" | "notAvailable";

export type DomainErrorCode =
  | "notFinite"
  | "negative"
  | "notPositive"
  | "notInteger"
  | "outOfRange"
  | "emptyList"
  | "allZero"
  | "lengthMismatch"
  | "totalNotRepresentable"
  | "tooLarge"
  | "stepsNotAscending"
  | "stepsOpenEndNotLast"
  | "baseAboveDefaultSteps"
  | "baseAboveSteps"
  | "duplicateName"
  | "emptyName"
  | "noIndicators"
  | "noIndicatorsInArea"
  | "partExceedsWhole"
  | "zeroTotal"
  | "sharesNot100"
  | "tooSmall";

/** A custom function's argument that cannot be read (a range of the wrong shape, text for a number …). */
export type ArgErrorCode =
  | "textInsteadOfNumber"
  | "booleanInsteadOfNumber"
  | "textInsteadOfBoolean"
  | "raggedRange"
  | "blankNotAllowed"
  | "errorInCell"
  | "notText"
  | "shapeMismatch"
  | "emptyRange"
  | "notSingleValue"
  | "wrongColumnCount"
  | "invalidAttainment"
  | "areaWithoutAreas"
  | "weightWithoutValue"
  | "unexpected";

export type ErrorParams = Readonly<Record<string, string | number>>;

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: DomainErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "DomainError";
  }
}

export function invalid(code: DomainErrorCode, params: ErrorParams = {}): DomainError {
  return new DomainError("invalid", code, params);
}

export function notAvailable(code: DomainErrorCode, params: ErrorParams = {}): DomainError {
  return new DomainError("notAvailable", code, params);
}
