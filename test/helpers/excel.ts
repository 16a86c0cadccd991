/** Calls a custom function as Excel would and returns its value, or the Excel error it throws. */
export function callExcel(fn: (...args: never[]) => unknown, args: unknown[]): unknown {
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { error: e.code, message: e.message };
  }
}

/** A column range as Excel passes it: [[a], [b], …]. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** A row range: [[a, b, …]]. */
export const row = (...values: unknown[]): unknown[][] => [values];
