import fc from "fast-check";
import { largestRemainderSplit, toUnits } from "../../src/domain/rounding";
import { MUNICIPALITIES_2021 } from "../../src/examples/budget2021";
import { expectDomainError } from "../helpers/errors";

const printedShares = MUNICIPALITIES_2021.map((m) => m.share);

describe("largestRemainderSplit", () => {
  test.each([
    // [total, weights, decimals, expected]
    // 2845 tkr by the printed 2021 shares (which add up to 99,9 %): normalised, floored, leftovers by remainder.
    [2845, printedShares, 0, [2361, 145, 114, 83, 105, 37]],
    [100, [1, 1, 1], 0, [34, 33, 33]],
    [2, [1, 1, 1], 0, [1, 1, 0]],
    [10, [3, 0, 7], 0, [3, 0, 7]],
    [1, [1, 1], 2, [0.5, 0.5]],
    [0.1, [1, 1, 1], 2, [0.04, 0.03, 0.03]],
    [12000, [1, 1, 1], -3, [4000, 4000, 4000]],
    [-2845, printedShares, 0, [-2361, -145, -114, -83, -105, -37]],
    [0, [5, 3], 0, [0, 0]],
  ] as const)("splits %p by %p at %p decimals", (total, weights, decimals, expected) => {
    const parts = largestRemainderSplit(total, weights, decimals);
    expect(parts).toEqual(expected);
  });

  test("the 2021 municipal quarter adds up to exactly 2 845 tkr, unlike the hand-rounded budget (2 844)", () => {
    const parts = largestRemainderSplit(2845, printedShares);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(2845);
    expect([2359, 146, 113, 83, 106, 37].reduce((a, b) => a + b, 0)).toBe(2844);
  });

  test("ties go to the larger weight, then to the earlier position", () => {
    expect(largestRemainderSplit(1, [1, 1])).toEqual([1, 0]);
    expect(largestRemainderSplit(2, [1, 3])).toEqual([0, 2]);
    expect(largestRemainderSplit(3, [2, 2, 4, 4])).toEqual([1, 0, 1, 1]);
  });

  test.each([
    ["a negative weight", () => largestRemainderSplit(10, [1, -1]), "negative"],
    ["all-zero weights", () => largestRemainderSplit(10, [0, 0]), "allZero"],
    ["no weights", () => largestRemainderSplit(10, []), "emptyList"],
    [
      "a total finer than the precision",
      () => largestRemainderSplit(2845.5, [1, 2]),
      "totalNotRepresentable",
    ],
    ["a fractional decimals", () => largestRemainderSplit(10, [1], 1.5), "notInteger"],
    ["decimals out of range", () => largestRemainderSplit(10, [1], 12), "outOfRange"],
    ["a NaN total", () => largestRemainderSplit(NaN, [1]), "notFinite"],
    ["an infinite weight", () => largestRemainderSplit(1, [Infinity]), "notFinite"],
    ["a total beyond safe integers", () => largestRemainderSplit(1e17, [1]), "tooLarge"],
  ] as const)("refuses %s", (_name, fn, code) => {
    expectDomainError(fn, "invalid", code);
  });

  const splitCase = fc.record({
    decimals: fc.integer({ min: -2, max: 3 }),
    units: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    weights: fc.array(fc.oneof(fc.nat({ max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
      minLength: 1,
      maxLength: 40,
    }),
  });

  test("property: the parts always add up exactly to the total and never change sign", () => {
    fc.assert(
      fc.property(splitCase, ({ decimals, units, weights }) => {
        fc.pre(weights.some((w) => w > 0));
        const total = decimals >= 0 ? units / 10 ** decimals : units * 10 ** -decimals;
        const parts = largestRemainderSplit(total, weights, decimals);
        const partUnits = parts.map((p) => toUnits(p, decimals));
        expect(partUnits.reduce((a, b) => a + b, 0)).toBe(units);
        for (const u of partUnits) expect(Math.sign(u) * Math.sign(units)).not.toBe(-1);
      }),
      { numRuns: 500 },
    );
  });

  test("property: each part is within one unit of its exact share", () => {
    fc.assert(
      fc.property(splitCase, ({ units, weights }) => {
        fc.pre(weights.some((w) => w > 0));
        const sumW = weights.reduce((a, b) => a + b, 0);
        largestRemainderSplit(units, weights, 0).forEach((part, i) => {
          expect(Math.abs(part - (units * weights[i]) / sumW)).toBeLessThan(1 + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("largest remainder by selection agrees with sorting every part", () => {
  /** The rule as first written: sort all parts by remainder, then weight, then position. */
  function bySorting(total: number, weights: number[], decimals: number): number[] {
    const units = Math.round(Math.abs(total) * 10 ** decimals);
    const sign = total < 0 ? -1 : 1;
    const sum = weights.reduce((a, b) => a + b, 0);
    const quotas = weights.map((w) => (units * w) / sum);
    const floors = quotas.map(Math.floor);
    let left = units - floors.reduce((a, b) => a + b, 0);
    const order = quotas
      .map((q, i) => ({ i, r: q - floors[i], w: weights[i] }))
      .sort((a, b) => b.r - a.r || b.w - a.w || a.i - b.i);
    for (let k = 0; left > 0; k++, left--) floors[order[k].i]++;
    return floors.map((u) => (sign * u) / 10 ** decimals + 0);
  }
  test("3 000 random splits, ties included", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1_000_000 })), {
            minLength: 1,
            maxLength: 60,
          })
          .filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2 }),
        (weights, units, decimals) => {
          const total = units / 10 ** decimals;
          expect(largestRemainderSplit(total, weights, decimals)).toEqual(
            bySorting(total, weights, decimals),
          );
        },
      ),
      { numRuns: 3_000, seed: 11 },
    );
  });
});
