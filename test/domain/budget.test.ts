import {
  balanceRequirementResult,
  checkSum,
  computeBudget,
  costDistribution,
  deviation,
  equityRatio,
  rollEquity,
} from "../../src/domain/budget";
import { BUDGET_2021_2023 } from "../../src/examples/budget2021";
import { expectDomainError } from "../helpers/errors";

describe("computeBudget with the 2021–2023 budget adopted 2020-11-27", () => {
  const totals = computeBudget(BUDGET_2021_2023);

  test.each([
    ["Summa intäkter", () => totals.incomeTotal, [11489, 11493, 11496]],
    ["Summa kansli och styrelse", () => totals.groupTotals[0], [-2520, -2595, -2670]],
    ["Summa verksamhetsnära kostnader", () => totals.groupTotals[1], [-485, -450, -525]],
    ["Summa verksamheter", () => totals.groupTotals[2], [-9630, -8550, -8310]],
    ["Summa kostnader", () => totals.costTotal, [-12635, -11595, -11505]],
    ["Resultat", () => totals.result, [-1146, -102, -9]],
    ["Eget kapital vid årets början", () => totals.equityStart, [2040, 894, 792]],
    ["Eget kapital vid årets slut", () => totals.equityEnd, [894, 792, 783]],
  ])("%s", (_row, actual, printed) => {
    expect(actual()).toEqual(printed);
  });

  test("refuses a line with the wrong number of years", () => {
    const broken = { ...BUDGET_2021_2023, income: [{ label: "x", amounts: [1, 2] }] };
    expectDomainError(() => computeBudget(broken), "invalid", "lengthMismatch");
  });
});

describe("rollEquity", () => {
  test("the next year starts where this one ended, and amounts with decimals add up without float noise", () => {
    expect(rollEquity(0.1, [0.2, 0.3])).toEqual({ start: [0.1, 0.3], end: [0.3, 0.6] });
  });
});

describe("checkSum: printed figures with rounding tolerance", () => {
  test.each([
    // parts, total, rounding, ok, difference, allowed
    [[2520, 485, 9630], 12635, 0, true, 0, 0],
    [[2359, 146, 113, 83, 106, 37], 2845, 0, false, -1, 0],
    // six parts rounded to whole tkr may miss their total by up to 3,5 tkr
    [[2359, 146, 113, 83, 106, 37], 2845, 1, true, -1, 3.5],
    [[100, 200], 302, 1, false, -2, 1.5],
    [[100, 200], 301.5, 1, true, -1.5, 1.5],
    [[0.1, 0.2], 0.3, 0, true, 0, 0],
  ])("%p against %p (rounding %p)", (parts, total, rounding, ok, difference, allowed) => {
    expect(checkSum(parts, total, rounding)).toEqual({ ok, sum: expect.any(Number), difference, allowed });
  });

  test("refuses a negative rounding", () => {
    expectDomainError(() => checkSum([1], 1, -1), "invalid", "negative");
  });
});

describe("deviation, cost distribution, equity ratio, balance requirement", () => {
  test("Avvikelse = Utfall − Budget: an under-spend on a cost row is positive", () => {
    expect(deviation(-2400, -2625)).toBe(225);
    expect(deviation(11500, 11489)).toBe(11);
  });

  test("cost distribution of the 2021 budget by group", () => {
    const { total, shares } = costDistribution({
      administration: -2520,
      structural: -485,
      individual: -9630,
    });
    expect(total).toBe(-12635);
    expect(shares.administration).toBeCloseTo(0.19945, 5);
    expect(shares.structural + shares.individual + shares.administration).toBeCloseTo(1, 12);
    expectDomainError(
      () => costDistribution({ administration: 0, structural: 0, individual: 0 }),
      "notAvailable",
      "zeroTotal",
    );
  });

  test("soliditet = equity / total assets", () => {
    expect(equityRatio(894, 2235)).toBeCloseTo(0.4, 12);
    expectDomainError(() => equityRatio(894, 0), "invalid", "notPositive");
  });

  test("balanskravsresultat equals the result without adjustments", () => {
    expect(balanceRequirementResult(-1146)).toBe(-1146);
    expect(balanceRequirementResult(100, { realisedGains: 30, realisedLosses: 5, reserveUse: 10 })).toBe(85);
  });
});

test("parts too large to add up to any total are never OK beside it", () => {
  expect(checkSum([1e308, 1e308], 1e308, 1).ok).toBe(false);
  expect(checkSum([1e308, -1e308], 0, 1).ok).toBe(true);
});
