import { DomainError } from "../domain/errors";
import { messages } from "../i18n";
import { ArgError } from "./args";
import { bounded, quotedParams } from "./messageBounds";

/**
 * Turns any failure inside a custom function into an Excel error with a short message in the user's
 * language: `#VALUE!` for input that breaks a rule, `#N/A` for a question without an answer. These two
 * are the only error kinds whose message Excel shows.
 */
export type ExcelErrorKind = "invalid" | "notAvailable";

/** Outside Excel (Node, the headless engine) there is no `CustomFunctions`: this stands in for it. */
export class ExcelError extends Error {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    message: string,
  ) {
    super(message);
    this.name = "ExcelError";
  }
}

export function makeExcelError(kind: ExcelErrorKind, text: string): Error {
  const message = bounded(text);
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime?.Error) {
    const code = kind === "notAvailable" ? runtime.ErrorCode.notAvailable : runtime.ErrorCode.invalidValue;
    return new runtime.Error(code, message) as unknown as Error;
  }
  return new ExcelError(kind === "notAvailable" ? "#N/A" : "#VALUE!", message);
}

export function toExcelError(error: unknown): Error {
  const t = messages();
  // A name or text from a cell is quoted short: the message names it, it does not repeat it.
  if (error instanceof DomainError)
    return makeExcelError(error.kind, t.errors[error.code](quotedParams(error.params)));
  if (error instanceof ArgError)
    return makeExcelError("invalid", t.errors[error.code](quotedParams(error.params)));
  // A bug of ours: still an Excel error in the cell, never an exception that leaves it blank.
  return makeExcelError(
    "invalid",
    t.errors.unexpected(quotedParams({ detail: String((error as Error)?.message ?? error) })),
  );
}

/** Runs a function body; whatever it throws reaches Excel as `#VALUE!` or `#N/A` with a message. */
export function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}
