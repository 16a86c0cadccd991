import fc from "fast-check";
import { impactIndex, impactIndexByArea, type IndexIndicator } from "../../src/domain/impactIndex";
import { GOAL_AREAS_2023 } from "../../src/domain/socialBudget";
import { expectDomainError } from "../helpers/errors";

const indicators: IndexIndicator[] = [
  { weight: 10, attainment: 1, area: "A" },
  { weight: 6, attainment: 0, area: "A" },
  { weight: 4, attainment: 0.5, area: "B" },
  { weight: 5, attainment: null, area: "B" },
];

describe("impactIndex", () => {
  test("only reached indicators count by default; a missing outcome counts as not reached and is reported", () => {
    expect(impactIndex(indicators)).toEqual({
      index: 40,
      reachedWeight: 10,
      totalWeight: 25,
      indicatorCount: 4,
      missing: 1,
    });
  });

  test("partial credit is an explicit option", () => {
    expect(impactIndex(indicators, { partialCredit: true }).index).toBe(48);
  });

  test("per area, over that area's indicators", () => {
    expect(impactIndex(indicators, { area: "a" }).index).toBe(62.5);
    expect(impactIndex(indicators, { area: "B" }).index).toBe(0);
    const { total, areas } = impactIndexByArea(indicators, ["A", "B", "C"]);
    expect(total.index).toBe(40);
    expect(areas.map((a) => a.result?.index ?? null)).toEqual([62.5, 0, null]);
  });

  test("the total comes from the indicators, not from the nominal 40/20/20/10/10 of the area indices", () => {
    // Area weights 104/43/51/29/23; everything reached but Medarbetarnöjdhet.
    const sums = [104, 43, 51, 29, 23];
    const all = GOAL_AREAS_2023.map((a, i) => ({
      weight: sums[i],
      attainment: i === 4 ? 0 : 1,
      area: a.name,
    }));
    // By hand: (104 + 43 + 51 + 29) / 250 × 100 = 90.8; the nominal 40/20/20/10/10 of the area indices
    // (100, 100, 100, 100, 0) would give 90 — not what the index is.
    expect(impactIndex(all).index).toBeCloseTo(90.8, 12);
    expect(impactIndex(all).index).not.toBeCloseTo(90, 1);
  });

  test("errors: no indicators, none in the area, a non-positive weight, attainment above 1", () => {
    expectDomainError(() => impactIndex([]), "notAvailable", "noIndicators");
    expectDomainError(() => impactIndex(indicators, { area: "C" }), "notAvailable", "noIndicatorsInArea");
    expectDomainError(() => impactIndex([{ weight: 0, attainment: 1 }]), "invalid", "notPositive");
    expectDomainError(() => impactIndex([{ weight: 1, attainment: 2 }]), "invalid", "outOfRange");
  });

  test("property: the index is always within 0–100, and 100 when everything is reached", () => {
    const indicator = fc.record({
      weight: fc.double({ min: 0.001, max: 1000, noNaN: true }),
      attainment: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(indicator, { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (list, partialCredit) => {
          const { index } = impactIndex(list, { partialCredit });
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThanOrEqual(100);
          const allReached = impactIndex(list.map((ind) => ({ ...ind, attainment: 1 }))).index;
          expect(allReached).toBeCloseTo(100, 9);
          expect(allReached).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 500 },
    );
  });
});
