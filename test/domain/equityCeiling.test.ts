import { ceilingStatus, DEFAULT_CEILING_STEPS, equityCeiling } from "../../src/domain/equityCeiling";
import { expectDomainError } from "../helpers/errors";

describe("equityCeiling (trappan)", () => {
  test.each([
    // base in kr, ceiling in kr
    [0, 0],
    [5_000_000, 1_000_000],
    [7_000_000, 1_400_000],
    // the 2023 annual report's total income, 11 583 tkr: 20 % of 7 000 + 15 % of 4 583 tkr
    [11_583_000, 2_087_450],
    [15_000_000, 2_600_000],
  ])("base %p kr gives %p kr", (base, ceiling) => {
    expect(equityCeiling(base).ceiling).toBeCloseTo(ceiling, 6);
  });

  test("shows the staircase step by step", () => {
    expect(equityCeiling(11_583_000).parts).toEqual([
      { from: 0, to: 7_000_000, rate: 0.2, amount: 1_400_000 },
      { from: 7_000_000, to: 11_583_000, rate: 0.15, amount: 687_450 },
    ]);
  });

  test("above the documented 15 mkr the default steps give no answer, and say that steps are needed", () => {
    expectDomainError(() => equityCeiling(15_000_001), "notAvailable", "baseAboveDefaultSteps");
  });

  test("user steps: an open last step, and a base above closed user steps", () => {
    const steps = [...DEFAULT_CEILING_STEPS, { upTo: null, rate: 0.1 }];
    expect(equityCeiling(20_000_000, steps).ceiling).toBeCloseTo(3_100_000, 6);
    expectDomainError(
      () => equityCeiling(20_000_000, [{ upTo: 10_000_000, rate: 0.2 }]),
      "notAvailable",
      "baseAboveSteps",
    );
  });

  test.each([
    [
      "falling thresholds",
      [
        { upTo: 7e6, rate: 0.2 },
        { upTo: 5e6, rate: 0.1 },
      ],
      "stepsNotAscending",
    ],
    [
      "an open step before the last",
      [
        { upTo: null, rate: 0.2 },
        { upTo: 5e6, rate: 0.1 },
      ],
      "stepsOpenEndNotLast",
    ],
    ["a rate above 100 %", [{ upTo: 7e6, rate: 20 }], "outOfRange"],
    ["no steps", [], "emptyList"],
  ])("refuses %s", (_name, steps, code) => {
    expectDomainError(() => equityCeiling(1e6, steps), "invalid", code as never);
  });

  test("refuses a negative base", () => {
    expectDomainError(() => equityCeiling(-1), "invalid", "negative");
  });

  test("status: 2 040 tkr is under the ceiling for 11 583 tkr", () => {
    expect(ceilingStatus(2040, 2087.45)).toEqual({ over: false, headroom: 47.45 });
  });
});
