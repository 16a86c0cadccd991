import fc from "fast-check";
import { feeSplit, impactIndex } from "../../src/functions/functions";

/** The invariants of the two functions a board report leans on, at the level Excel calls them. */
describe("properties of the custom functions", () => {
  test("FEESPLIT adds up exactly to its total and never gives a negative part", () => {
    const populations = fc
      .array(fc.nat({ max: 200_000 }), { minLength: 1, maxLength: 300 })
      .filter((p) => p.some((v) => v > 0));
    fc.assert(
      fc.property(
        populations,
        fc.nat({ max: 50_000_000 }),
        fc.integer({ min: 0, max: 2 }),
        (pops, units, decimals) => {
          const total = units / 10 ** decimals;
          const parts = feeSplit(
            pops.map((p) => [p]),
            total,
            decimals,
          ).flat();
          expect(parts).toHaveLength(pops.length);
          expect(Math.round(parts.reduce((a, b) => a + b, 0) * 10 ** decimals)).toBe(units);
          for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  test("IMPACTINDEX is always within 0–100, whatever mix of TRUE/FALSE, shares and blanks", () => {
    const attainment = fc.oneof(
      fc.boolean(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constant(""),
      fc.constant(null),
    );
    const row = fc.tuple(fc.integer({ min: 1, max: 10 }), attainment);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 200 }), fc.boolean(), (rows, partial) => {
        const index = impactIndex(
          rows.map(([w]) => [w]),
          rows.map(([, a]) => [a]),
          null as never,
          null,
          partial,
        );
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThanOrEqual(100);
      }),
      { numRuns: 400 },
    );
  });
});

describe("IMPACTINDEX's fast path (whole range) agrees with the general path (one goal area)", () => {
  const cell = fc.oneof(
    fc.integer({ min: -2, max: 12 }),
    fc.double({ min: -1, max: 2, noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(""),
    fc.constantFrom("x", "1", 1e308, -0),
  );
  const grid = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }))
    .chain(([r, c]) =>
      fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );
  const outcome = (f: () => number) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  test("no weights at all: each path says so", () => {
    expect(outcome(() => impactIndex([[null]], [[null]]))).toEqual({ error: "Inga indikatorer med vikt." });
  });

  test("values and messages, 3 000 random ranges", () => {
    fc.assert(
      fc.property(grid, grid, fc.constantFrom(null, true, false), (w, a, partial) => {
        const area = a.map((row) => row.map(() => "Område"));
        const fast = outcome(() => impactIndex(w, a, null as never, null, partial));
        const general = outcome(() => impactIndex(w, a, area, "Område", partial));
        // With no weights at all, the general path names the area it looked in; otherwise they are the same.
        if ("error" in general && general.error === 'Inga indikatorer i målområdet "Område".')
          general.error = "Inga indikatorer med vikt.";
        expect(fast).toEqual(general);
      }),
      { numRuns: 3_000, seed: 7 },
    );
  });
});
