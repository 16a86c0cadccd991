import { largestRemainderSplit } from "../domain/rounding";
import { MUNICIPALITIES_2021 } from "./budget2021";

/**
 * An association's books for the annual accounts example, in kronor, 2022 and 2023 (2021 for the opening
 * balances). Made up — the seeds hold no annual report — and consistent the way an auditor checks: the
 * members pay 50/25/25 (the municipalities split their quarter by the 2021 shares), equity rolls forward
 * with the result, the balance sheet balances, and the cash flow reconciles with cash and bank.
 */
export type BookYear = 2022 | 2023;

const STATE: Record<BookYear, number> = { 2022: 5_600_000, 2023: 5_690_000 };
const OTHER_INCOME: Record<BookYear, number> = { 2022: 95_000, 2023: 110_000 };
const STAFF: Record<BookYear, number> = { 2022: -3_250_400, 2023: -3_412_500 };
const BOUGHT: Record<BookYear, number> = { 2022: -7_980_120, 2023: -8_520_340 };
const OTHER_COSTS: Record<BookYear, number> = { 2022: -590_877, 2023: -612_431 };
const FINANCIAL_INCOME: Record<BookYear, number> = { 2022: 3_210, 2023: 12_345 };
const FINANCIAL_COSTS: Record<BookYear, number> = { 2022: -987, 2023: -1_234 };
export const DEPRECIATION = -15_000;
export const EQUIPMENT: Record<number, number> = { 2021: 60_000, 2022: 45_000, 2023: 30_000 };
export const RECEIVABLES: Record<number, number> = { 2021: 512_300, 2022: 654_321, 2023: 812_345 };
export const SUPPLIERS: Record<number, number> = { 2021: 630_000, 2022: 700_178, 2023: 812_765 };
export const ACCRUED: Record<number, number> = { 2021: 500_000, 2022: 545_500, 2023: 586_000 };
export const OPENING_EQUITY_2021 = 2_040_000;
export const MUNICIPALITY_NAMES = MUNICIPALITIES_2021.map((m) => m.name);

/** The year's income and costs. */
export function yearOf(year: BookYear) {
  const state = STATE[year];
  const region = state / 2;
  const fees = largestRemainderSplit(
    region,
    MUNICIPALITIES_2021.map((m) => m.share),
    0,
  );
  const other = OTHER_INCOME[year];
  const income = state + region + region + other;
  const costs = STAFF[year] + BOUGHT[year] + OTHER_COSTS[year];
  const operating = income + costs + DEPRECIATION;
  const financialIncome = FINANCIAL_INCOME[year];
  const financialCosts = FINANCIAL_COSTS[year];
  const afterFinancial = operating + financialIncome + financialCosts;
  return {
    state,
    region,
    fees,
    other,
    income,
    staff: STAFF[year],
    bought: BOUGHT[year],
    otherCosts: OTHER_COSTS[year],
    costs,
    operating,
    financialIncome,
    financialCosts,
    afterFinancial,
    result: afterFinancial,
  };
}

export const liabilities = (year: number) => SUPPLIERS[year] + ACCRUED[year];

export function equityAt(year: number): number {
  if (year <= 2021) return OPENING_EQUITY_2021;
  return equityAt(year - 1) + yearOf(year as BookYear).result;
}

/** Cash and bank: what balances the balance sheet. */
export const cashAt = (year: number) =>
  equityAt(year) + liabilities(year) - EQUIPMENT[year] - RECEIVABLES[year];
