import * as F from "../../src/functions/functions";
import { ExcelError } from "../../src/functions/excelError";
import { setLocale } from "../../src/i18n";
import { callExcel, col, row } from "../helpers/excel";

import { errors, results } from "./cases";

describe("custom functions", () => {
  beforeEach(() => setLocale("sv"));

  test.each(results)("%s", (_name, fn, args, expected) => {
    const value = callExcel(fn, args);
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 9);
    else expect(value).toEqual(expected);
  });

  test.each(errors)("%s", (_name, fn, args, expected) => {
    const [code, phrase] = expected as [string, string];
    const value = callExcel(fn, args) as { error?: string; message?: string };
    expect(value.error).toBe(code);
    expect(value.message).toContain(phrase);
  });

  test("errors are thrown as Excel errors, never as plain exceptions or strings", () => {
    expect(() => F.feeSplit([[-1]], 1)).toThrow(ExcelError);
    expect(callExcel(F.feeSplit, [[[-1]], 1])).not.toBe("#VALUE!");
  });

  test("inside Excel the runtime's CustomFunctions.Error is used", () => {
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: RuntimeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    try {
      expect(() => F.topShare([[0, 0]], 1)).toThrow(RuntimeError);
      expect(callExcel(F.topShare, [[[0, 0]], 1])).toEqual({
        error: "#N/A",
        message: "Inga svar: summan är noll.",
      });
    } finally {
      delete g.CustomFunctions;
    }
  });

  test("messages follow the language: English when Office is in English", () => {
    setLocale("en");
    expect(callExcel(F.checkSum, [col(1, 2), 4])).toBe("The sum is 3, not 4 (difference -1; allowed ±0).");
    expect(callExcel(F.topShare, [row(1, 2, 3), 4])).toEqual({
      error: "#VALUE!",
      message: "The number of top alternatives must be between 1 and 3 (4).",
    });
  });

  test("huge ranges: 100 000 indicators and 10 000 municipalities", () => {
    const n = 100_000;
    const weights = Array.from({ length: n }, (_, i) => [1 + (i % 10)]);
    const reached = Array.from({ length: n }, (_, i) => [i % 2 === 0]);
    const index = F.impactIndex(weights, reached);
    expect(index).toBeGreaterThan(0);
    expect(index).toBeLessThan(100);
    const populations = Array.from({ length: 10_000 }, (_, i) => [1000 + i]);
    const parts = F.feeSplit(populations, 1_000_000_007);
    expect(parts.flat().reduce((a, b) => a + b, 0)).toBe(1_000_000_007);
  });
});
