import { DomainError, type DomainErrorCode, type DomainErrorKind } from "../../src/domain/errors";

/** Runs `fn` and returns the DomainError it throws, failing the test if it throws nothing or something else. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw new Error(`expected a DomainError, got ${String(error)}`);
  }
  throw new Error("expected a DomainError, got none");
}

export function expectDomainError(fn: () => unknown, kind: DomainErrorKind, code: DomainErrorCode): void {
  const error = domainError(fn);
  expect({ kind: error.kind, code: error.code }).toEqual({ kind, code });
}
